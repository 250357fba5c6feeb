import { useEffect, useRef } from 'preact/hooks';
import { RED_FLAG_QUESTION_TEXT } from '../../../src/analysis/triage/questions.js';
import type { PainReportView } from '../../../src/app/views.js';
import { TRIAGE_BADGE, type TriageLevel, triageTitle } from '../pain-format.js';

type Triage = PainReportView['triage'];

/** Stop is an octagon, modify a triangle, monitor a tick: the shape says it before the colour does. */
export function TriageIcon({ level }: { level: TriageLevel }) {
  return (
    <svg class="triage-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {level === 'stop' && (
        <>
          <path d="M8 2h8l6 6v8l-6 6H8l-6-6V8z" class="triage-icon-shape" />
          <path d="M12 7v6m0 3.5v.5" class="triage-icon-mark" />
        </>
      )}
      {level === 'modify' && (
        <>
          <path d="M12 2.5 22.5 21h-21z" class="triage-icon-shape" />
          <path d="M12 9v5m0 3v.5" class="triage-icon-mark" />
        </>
      )}
      {level === 'monitor' && (
        <>
          <circle cx="12" cy="12" r="10" class="triage-icon-shape" />
          <path d="m7.5 12.5 3 3 6-7" class="triage-icon-mark" />
        </>
      )}
    </svg>
  );
}

export function TriageBadge({ triage }: { triage: Pick<Triage, 'level' | 'urgent'> }) {
  return (
    <span class={`triage-badge triage-badge-${triage.level}`} data-testid="triage-badge">
      <TriageIcon level={triage.level} />
      {triage.urgent ? 'Urgent' : TRIAGE_BADGE[triage.level]}
    </span>
  );
}

/** The reasons with their sources, the advice, the unanswered questions and the disclaimer. */
export function TriageDetails({ triage }: { triage: Triage }) {
  return (
    <>
      <p class="triage-advice" data-testid="triage-advice">
        {triage.advice}
      </p>
      <h3 class="triage-why">Why</h3>
      <ul class="triage-reasons">
        {triage.reasons.map((reason) => (
          <li key={reason.rule} class={`triage-reason triage-reason-${reason.level}`} data-rule={reason.rule}>
            <p>{reason.message}</p>
            <p class="triage-source">Source: {reason.source}</p>
          </li>
        ))}
      </ul>
      {triage.unansweredRedFlags.length > 0 && (
        <div class="triage-unanswered" data-testid="triage-unanswered">
          <p>
            {triage.unansweredRedFlags.length === 1
              ? 'One red-flag question is'
              : `${triage.unansweredRedFlags.length} red-flag questions are`}{' '}
            not answered. A missing answer is not a no:
          </p>
          <ul>
            {triage.unansweredRedFlags.map((q) => (
              <li key={q}>{RED_FLAG_QUESTION_TEXT[q].question}</li>
            ))}
          </ul>
        </div>
      )}
      <p class="triage-disclaimer" data-testid="triage-disclaimer">
        {triage.disclaimer}
      </p>
    </>
  );
}

/** The outcome right after saving a report: large, coloured by level, focused so that it is read first. */
export function TriageOutcome({ triage }: { triage: Triage }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section
      class={`triage triage-${triage.level}${triage.urgent ? ' is-urgent' : ''}`}
      aria-labelledby="triage-title"
      data-testid="triage-outcome"
      data-level={triage.level}
      data-urgent={triage.urgent}
    >
      <div class="triage-head">
        <TriageIcon level={triage.level} />
        <h2 id="triage-title" tabIndex={-1} ref={headingRef}>
          {triageTitle(triage)}
        </h2>
      </div>
      <TriageDetails triage={triage} />
    </section>
  );
}
