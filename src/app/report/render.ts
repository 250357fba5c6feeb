import { addDays, dayLabel, daysBetween } from '../../domain/time.js';
import { distanceUnitLabel, formatDistance, toDistanceUnit } from '../../domain/units.js';
import { barChart, dateChart, esc, normBar, shortDay } from './svg.js';
import type { ReportBenchmarkSide, ReportBenchmarkTest, ReportPattern, ReportView } from './view.js';

/**
 * The clinician report as one self-contained HTML document: inline CSS and SVG, no script, no external resource,
 * so it opens offline from disk and prints the same everywhere. Pure: the same view gives the same bytes.
 * Every piece of text that comes from the athlete or the database goes through `esc`.
 */

export const DISCLAIMER =
  'Keel educates and guides; it does not diagnose. Its numbers describe the runner’s own logs and tests, ' +
  'not a clinical examination: please read them as a starting point for yours.';

const TREND_WORDS = {
  improving: 'moving out (improving)',
  stable: 'stable',
  worsening: 'moving in (worsening)',
} as const;

const STATUS_WORDS = {
  threshold: 'same-distance pattern',
  'no-pattern': 'no distance pattern',
  'insufficient-data': 'too few runs to tell',
} as const;

const TRIAGE_WORDS = { stop: 'STOP', modify: 'modify', monitor: 'monitor' } as const;

const UNIT_WORDS = { s: 's', reps: 'reps', faults: 'faults' } as const;

/** The line at the foot of every printed page. */
export function pdfFooter(view: ReportView): string {
  return `Keel ${view.keelVersion} · ${view.athlete.name} · ${period(view)} · educates, does not diagnose`;
}

/** "8 Jun – 4 Dec 2026 (180 days)" */
function period(view: ReportView): string {
  const { from, to, days } = view.period;
  const [, fromDay, fromMonth, fromYear] = dayLabel(from).split(' ');
  const start =
    fromYear === to.slice(0, 4) ? `${fromDay} ${fromMonth}` : `${fromDay} ${fromMonth} ${fromYear}`;
  return `${start} – ${dayLabel(to).slice(4)} (${days} days)`;
}

/** Where a chart over days starts: the period's first day, or a week before its first point when that is later. */
function chartStart(view: ReportView, days: readonly string[]): string {
  const first = [...days].sort()[0];
  if (!first) return view.period.from;
  const start = addDays(first, -7);
  return start.localeCompare(view.period.from) > 0 ? start : view.period.from;
}

function empty(text: string): string {
  return `<p class="empty">None yet: ${esc(text)}</p>`;
}

function section(id: string, title: string, body: string, extraClass = ''): string {
  return `<section class="section ${extraClass}" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(title)}</h2>${body}</section>`;
}

function facts(rows: [string, string][]): string {
  return `<dl class="facts">${rows.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>`;
}

function legend(items: [string, string][]): string {
  return `<p class="legend">${items
    .map(([className, text]) => `<span><i class="swatch ${className}"></i>${esc(text)}</span>`)
    .join('')}</p>`;
}

export function renderReportHtml(view: ReportView): string {
  const units = view.units;
  const km = (m: number) => formatDistance(m, units, 1);
  const title = `Keel clinician report — ${view.athlete.name}`;
  const body = [
    header(view, km),
    glance(view, km),
    redFlagsSection(view),
    patternsSection(view, km),
    formSection(view, km),
    benchmarksSection(view),
    programSection(view),
    planSection(view),
    `<footer class="report-footer"><p><strong class="disclaimer">${esc(DISCLAIMER)}</strong> ` +
      `Made by Keel ${esc(view.keelVersion)} on ${esc(dayLabel(view.generatedOn))} for ${esc(period(view))}; ` +
      `distances in ${esc(units === 'imperial' ? 'miles' : 'kilometres')}. Where each number comes from: Keel’s docs/report.md.</p></footer>`,
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Keel ${esc(view.keelVersion)}">
<title>${esc(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<main class="report">
<p class="screen-only">To print or keep it: your browser’s Print, then “Save as PDF”. It needs no connection.</p>
${body}
</main>
</body>
</html>
`;
}

function header(view: ReportView, km: (m: number) => string): string {
  const a = view.athlete;
  const who = [a.sex, a.ageYears === null ? null : `about ${a.ageYears}`].filter(Boolean).join(', ');
  const weeks = view.goal ? Math.floor(daysBetween(view.generatedOn, view.goal.date) / 7) : 0;
  const goal = view.goal
    ? `<strong>${esc(view.goal.name ?? 'Goal race')}</strong>: ${esc(km(view.goal.distanceM))} ${esc(view.goal.surface)}, ${esc(dayLabel(view.goal.date))}` +
      (weeks > 0 ? ` <span class="muted">(in ${weeks} week${weeks === 1 ? '' : 's'})</span>` : '')
    : 'none set';
  return `<header class="report-header">
<div class="title-row"><h1>Clinician report</h1><p class="brand">Keel · same distance, same pain</p></div>
${facts([
  [
    'Runner',
    `<strong class="athlete-name">${esc(a.name)}</strong>${who ? ` (${esc(who)})` : ''}${a.isDemo ? ' <span class="badge">demo data</span>' : ''}`,
  ],
  ['Goal race', goal],
  ['Period', esc(period(view))],
  [
    'Made on',
    `${esc(dayLabel(view.generatedOn))} <span class="muted">by Keel ${esc(view.keelVersion)}</span>`,
  ],
])}
</header>`;
}

function glance(view: ReportView, km: (m: number) => string): string {
  const main = view.patterns.find((p) => p.status === 'threshold') ?? view.patterns[0];
  const tiles: [string, string, string][] = [];
  const openFlags = view.redFlags.length;
  tiles.push([
    'Red flags',
    openFlags === 0 ? 'none open' : `${openFlags} open`,
    openFlags === 0 ? 'ok' : 'alarm',
  ]);
  if (main?.status === 'threshold' && main.onsetM !== null) {
    tiles.push([`${main.where}: pain from`, `about ${km(main.onsetM)}`, 'pain']);
    tiles.push([
      `Pain-free below${main.trend ? `, ${TREND_WORDS[main.trend]}` : ''}`,
      main.painFreeM === null ? '–' : km(main.painFreeM),
      main.trend === 'worsening' ? 'alarm' : 'ok',
    ]);
  } else {
    tiles.push([
      'Pain pattern',
      main ? `${main.where}: ${STATUS_WORDS[main.status]}` : 'no pain reported',
      '',
    ]);
    tiles.push(['Pain reports in the period', String(view.painReports.length), '']);
  }
  const holds = view.form.holdsToM.median;
  tiles.push(['Form holds to', holds === null ? '–' : `about ${km(holds)}`, 'form']);
  const recent = view.program.adherence.slice(-4);
  const planned = recent.reduce((s, w) => s + w.planned, 0);
  const done = recent.reduce((s, w) => s + w.done, 0);
  tiles.push([
    'Program, last 4 weeks',
    planned === 0 ? 'none planned' : `${done} of ${planned} sessions`,
    '',
  ]);
  tiles.push([
    `Running: ${view.running.runs} run${view.running.runs === 1 ? '' : 's'} in the period`,
    view.running.runs === 0
      ? 'none recorded'
      : `${km(view.running.recentPerWeekM)} a week lately, longest ${km(view.running.longestM)}`,
    '',
  ]);
  return `<section class="glance" aria-label="At a glance">${tiles
    .map(
      ([label, value, tone]) =>
        `<div class="tile ${tone ? `tone-${tone}` : ''}"><span class="tile-label">${esc(label)}</span><span class="tile-value">${esc(value)}</span></div>`,
    )
    .join('')}</section>`;
}

function redFlagsSection(view: ReportView): string {
  if (view.redFlags.length === 0) {
    return section(
      'red-flags',
      'Red flags',
      '<p class="ok-line">No open red flags: no pain report in Keel is waiting for a clinician’s review.</p>',
      'compact',
    );
  }
  const items = view.redFlags
    .map(
      (flag) =>
        `<li><strong>${esc(dayLabel(flag.date))} — ${esc(flag.where)}, ${flag.severity}/10.</strong>` +
        (flag.reasons.length > 0
          ? `<ul>${flag.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>`
          : '') +
        `<p>${esc(flag.advice)}</p>` +
        (flag.note ? `<p class="note">Runner’s note: “${esc(flag.note)}”</p>` : '') +
        '</li>',
    )
    .join('');
  return section(
    'red-flags',
    'Red flags',
    `<div class="alarm-box"><p>Keel holds every progression until a clinician has seen ${view.redFlags.length === 1 ? 'this' : 'these'}:</p><ul>${items}</ul></div>`,
  );
}

function patternChart(pattern: ReportPattern, view: ReportView): string {
  const u = (m: number) => toDistanceUnit(m, view.units);
  const unit = distanceUnitLabel(view.units);
  const points = pattern.points.flatMap((p) => {
    const run = {
      day: p.date,
      value: u(p.distanceM),
      className: p.painful ? 'c-run-painful' : 'c-run',
      r: 2.2,
    };
    if (!p.painful) return [run];
    if (p.onsetM === null)
      return [run, { day: p.date, value: u(p.distanceM), className: 'c-pain hollow', r: 3.5 }];
    return [run, { day: p.date, value: u(p.onsetM), className: 'c-pain', r: 3.5 }];
  });
  return dateChart({
    label: `${pattern.where}: pain onset distance per run, with the pain-free distance`,
    from: chartStart(
      view,
      pattern.points.map((p) => p.date),
    ),
    to: view.period.to,
    yTitle: unit,
    points,
    band: pattern.onsetIntervalM
      ? { from: u(pattern.onsetIntervalM[0]), to: u(pattern.onsetIntervalM[1]), className: 'c-band' }
      : null,
    guides:
      pattern.painFreeM === null
        ? []
        : [{ value: u(pattern.painFreeM), label: 'pain-free', className: 'c-free' }],
  });
}

function patternsSection(view: ReportView, km: (m: number) => string): string {
  const reports = painReportsTable(view, km);
  if (view.patterns.length === 0) {
    return section(
      'patterns',
      'Pain patterns',
      `${empty('no pain reports, so no pattern to show.')}${reports}`,
    );
  }
  const blocks = view.patterns.map((p) => {
    const stats: [string, string][] = [
      ['Status', esc(STATUS_WORDS[p.status])],
      ['Painful runs', `${p.events} of ${p.runs}`],
      [
        'Typical onset',
        p.onsetM === null
          ? '–'
          : `${esc(km(p.onsetM))}${p.onsetIntervalM ? ` <span class="muted">(90%: ${esc(km(p.onsetIntervalM[0]))}–${esc(km(p.onsetIntervalM[1]))})</span>` : ''}`,
      ],
      ['Pain-free below', p.painFreeM === null ? '–' : esc(km(p.painFreeM))],
      ['Trend', p.trend ? esc(TREND_WORDS[p.trend]) : 'too few onsets to tell'],
    ];
    const chart =
      p.points.length === 0
        ? empty('no runs with a distance in this period to chart.')
        : `<figure>${patternChart(p, view)}<figcaption>${legend([
            ['c-pain', 'pain onset'],
            ['c-pain hollow', 'painful, onset not given'],
            ['c-run', 'pain-free run (its distance)'],
            ['c-free line', 'pain-free distance'],
            ['c-band', '90% range of onset'],
          ])}</figcaption></figure>`;
    return `<div class="pattern">
<h3>${esc(p.headline)}</h3>
<div class="two-col"><div>${facts(stats)}${p.summary ? `<p class="prose">${esc(p.summary)}</p>` : ''}</div>
${chart}</div>
</div>`;
  });
  return section('patterns', 'Pain patterns', blocks.join('') + reports);
}

function painReportsTable(view: ReportView, km: (m: number) => string): string {
  if (view.painReports.length === 0)
    return `<h3>Recent pain reports</h3>${empty('no pain reports in this period.')}`;
  const rows = view.painReports
    .map(
      (r) =>
        `<tr><td>${esc(shortDay(r.date))}</td><td>${esc(r.where)}</td><td class="num">${r.severity}/10</td>` +
        `<td class="num">${r.onsetM === null ? '–' : esc(km(r.onsetM))}</td>` +
        `<td class="num">${r.nextMorning === null ? '–' : `${r.nextMorning}/10`}</td>` +
        `<td class="triage-${r.triage}">${TRIAGE_WORDS[r.triage]}</td><td class="note-cell">${r.note ? esc(r.note) : ''}</td></tr>`,
    )
    .join('');
  return `<h3>Recent pain reports</h3><table class="data"><thead><tr><th>Day</th><th>Where</th><th class="num">Pain</th><th class="num">Onset</th><th class="num">Next morning</th><th>Triage</th><th>Note</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function formSection(view: ReportView, km: (m: number) => string): string {
  const form = view.form;
  if (form.analysed === 0) {
    return section(
      'form',
      'Form breakdown',
      empty('no runs with running-dynamics data to analyse in this period.'),
    );
  }
  const u = (m: number) => toDistanceUnit(m, view.units);
  const h = form.holdsToM;
  const perWeek = form.trend
    ? `${form.trend.perWeekM >= 0 ? '+' : '−'}${formatDistance(Math.abs(form.trend.perWeekM), view.units, 2)} a week${form.trend.significant ? '' : ' (not significant)'}`
    : 'too few breakdowns to tell';
  const stats: [string, string][] = [
    ['Runs analysed', `${form.analysed}, ${form.breakdowns} with a breakdown`],
    [
      'Form holds to',
      h.median === null
        ? 'beyond every run so far'
        : `${esc(km(h.median))}${h.q1 !== null && h.q3 !== null ? ` <span class="muted">(middle half ${esc(km(h.q1))}–${esc(km(h.q3))})</span>` : ''}`,
    ],
    ['Breakdown trend', esc(perWeek)],
    [
      'Form drifts before pain by',
      form.medianPainLeadM === null ? '–' : esc(`about ${km(form.medianPainLeadM)} (median)`),
    ],
  ];
  const points = form.points.flatMap((p) => [
    ...(p.breakdownM === null ? [] : [{ day: p.date, value: u(p.breakdownM), className: 'c-form', r: 3.2 }]),
    ...(p.painOnsetM === null ? [] : [{ day: p.date, value: u(p.painOnsetM), className: 'c-pain', r: 3.2 }]),
  ]);
  const chart =
    points.length === 0
      ? empty('no run in the period showed a breakdown or a pain onset.')
      : `<figure>${dateChart({
          label: 'Form breakdown distance and pain onset per run',
          from: chartStart(
            view,
            form.points.map((p) => p.date),
          ),
          to: view.period.to,
          yTitle: distanceUnitLabel(view.units),
          points,
          guides: h.median === null ? [] : [{ value: u(h.median), label: 'holds to', className: 'c-form' }],
        })}<figcaption>${legend([
          ['c-form', 'form starts to drift'],
          ['c-pain', 'pain onset'],
          ['c-form line', 'median “holds to”'],
        ])}</figcaption></figure>`;
  const notes = form.notes.length > 0 ? `<p class="muted small">${form.notes.map(esc).join('; ')}.</p>` : '';
  return section(
    'form',
    'Form breakdown',
    `<div class="two-col"><div>${facts(stats)}<p class="prose">Where cadence, ground contact and the other running dynamics start to drift at the same speed and grade: the stabilizers tiring.</p>${notes}</div>${chart}</div>`,
  );
}

function benchValue(value: number, test: ReportBenchmarkTest): string {
  return `${Math.round(value * 10) / 10} ${UNIT_WORDS[test.unit]}`;
}

const CHANGE_WORDS = { better: 'better', worse: 'worse', unchanged: 'same' } as const;

function sideRow(
  test: ReportBenchmarkTest,
  side: ReportBenchmarkSide,
  first: boolean,
  rows: number,
  latestOn: string | null,
): string {
  const norm =
    side.reference === null
      ? '<span class="muted">no norm</span>'
      : `<span class="${side.comparison === 'below' ? 'bad' : ''}">${esc(side.comparison ?? '')}</span> <span class="muted">${esc(benchValue(side.reference, test))}</span>`;
  const bar =
    side.reference === null || side.reference <= 0 || !test.higherIsBetter
      ? ''
      : normBar(side.value, side.reference, side.comparison === 'below' ? 'c-bad' : 'c-good');
  let change = '<span class="muted">first test</span>';
  if (side.change) {
    const delta = Math.round((side.value - side.change.previousValue) * 10) / 10;
    const signed = delta === 0 ? '±0' : `${delta > 0 ? '+' : '−'}${Math.abs(delta)}`;
    change = `<span class="change-${side.change.direction}">${CHANGE_WORDS[side.change.direction]}</span> <span class="muted">(${esc(signed)} ${esc(UNIT_WORDS[test.unit])})</span>`;
  }
  const lsi =
    test.lsi === null
      ? ''
      : `${Math.round(test.lsi)}%${test.asymmetric ? ' <strong class="bad">uneven</strong>' : ''}`;
  const when =
    test.takenOn === latestOn ? '' : ` <span class="muted small">${esc(shortDay(test.takenOn))}</span>`;
  const head = first ? `<td rowspan="${rows}" class="test-name">${esc(test.name)}${when}</td>` : '';
  const lsiCell = first ? `<td rowspan="${rows}" class="num">${lsi}</td>` : '';
  return `<tr class="${first ? 'first' : ''}">${head}<td>${esc(side.side ?? '–')}</td><td class="num" title="${esc(side.explanation)}">${esc(benchValue(side.value, test))}</td><td class="nowrap">${norm}</td><td>${bar}</td><td class="nowrap">${change}</td>${lsiCell}</tr>`;
}

function benchmarksSection(view: ReportView): string {
  const b = view.benchmarks;
  if (b.tests.length === 0) {
    return section(
      'benchmarks',
      'Benchmarks against norms',
      empty('no endurance tests recorded.'),
      'page-start',
    );
  }
  const rows = b.tests
    .flatMap((test) =>
      test.sides.map((side, i) => sideRow(test, side, i === 0, test.sides.length, b.latestOn)),
    )
    .join('');
  const previous = b.tests.flatMap((t) => t.sides.map((s) => s.change?.previousOn)).find(Boolean);
  const findings =
    b.findings.length === 0
      ? ''
      : `<h3>What the results point to</h3><ul class="findings">${b.findings.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>`;
  const retest = b.retestDue ? ` Retest due ${esc(shortDay(b.retestDue))}.` : '';
  return section(
    'benchmarks',
    'Benchmarks against norms',
    `<p class="muted small">Tests of ${b.latestOn ? esc(shortDay(b.latestOn)) : '–'}${previous ? ` (against ${esc(shortDay(previous))})` : ''}.${retest} ` +
      'Bar: share of the norm, tick at 100%. LSI: weaker ÷ stronger side; under 90% is uneven.</p>' +
      `<div class="table-wrap"><table class="data bench"><thead><tr><th>Test</th><th>Side</th><th class="num">Result</th><th>Norm</th><th>vs norm</th><th>Since last</th><th class="num">LSI</th></tr></thead><tbody>${rows}</tbody></table></div>${findings}`,
    'page-start',
  );
}

function programSection(view: ReportView): string {
  const p = view.program;
  const weeks = p.adherence;
  const planned = weeks.reduce((sum, w) => sum + w.planned, 0);
  const done = weeks.reduce((sum, w) => sum + w.done, 0);
  const adherence =
    weeks.length === 0
      ? empty('no program weeks yet.')
      : `<figure>${barChart({
          label: 'Program sessions done per week against those planned',
          yTitle: 'sessions',
          height: 120,
          bars: weeks.map((w) => ({
            label: shortDay(w.weekStart),
            value: w.done,
            outline: w.planned,
            className: w.planned > 0 && w.done >= w.planned ? 'c-good' : 'c-part',
          })),
          labelEvery: weeks.length > 8 ? 2 : 1,
        })}<figcaption>${legend([
          ['c-good', 'done, all planned'],
          ['c-part', 'done, fewer than planned'],
          ['outline', 'planned'],
        ])}</figcaption></figure>`;
  const emphasis =
    p.emphasis.length === 0
      ? 'the whole body evenly'
      : p.emphasis.map((e) => `${e.region} ×${(Math.round(e.weight * 10) / 10).toFixed(1)}`).join(', ');
  const sessions =
    p.sessions.length === 0
      ? empty('no sessions prescribed.')
      : `<div class="sessions">${p.sessions
          .map(
            (s) =>
              `<p><strong>Session ${esc(s.label)}</strong> <span class="muted">~${s.minutes} min:</span> ${s.items.map(esc).join(' · ')}</p>`,
          )
          .join('')}</div>`;
  const changes =
    p.changes.length === 0
      ? empty('the progression rules have not changed anything.')
      : `<ul class="changes">${p.changes.map((c) => `<li><span class="muted">${esc(shortDay(c.date))}</span> ${esc(c.rule)}: ${esc(c.text)}</li>`).join('')}</ul>`;
  return section(
    'program',
    'Stabilizer program and adherence',
    `${p.paused ? '<p class="alarm-box">Paused: a red flag is open, nothing progresses until it is cleared.</p>' : ''}` +
      `<div class="two-col"><div>${facts([
        ['Dose', `${p.sessionsPerWeek} sessions a week, ${p.minutesPerSession} min each`],
        ['Emphasis', esc(emphasis)],
        [
          'Done',
          planned === 0
            ? 'nothing planned yet'
            : `${done} of ${planned} planned sessions in ${weeks.length} weeks (${Math.round((done / planned) * 100)}%)`,
        ],
      ])}<h3>Latest changes by the progression rules</h3>${changes}</div>${adherence}</div>` +
      sessions,
  );
}

function planSection(view: ReportView): string {
  const plan = view.plan;
  const goal = view.goal;
  if (!plan || !goal) return section('plan', 'Plan to the goal race', empty('no goal race set.'));
  const u = (m: number) => toDistanceUnit(m, view.units);
  const guides = [
    ...(plan.painFreeM === null
      ? []
      : [{ value: u(plan.painFreeM), label: 'pain-free distance', className: 'c-free' }]),
    ...(plan.breakdownM === null
      ? []
      : [{ value: u(plan.breakdownM), label: 'form holds to', className: 'c-form' }]),
  ];
  const chart = `<figure>${barChart({
    label: 'Planned long run per week to the goal race',
    yTitle: distanceUnitLabel(view.units),
    height: 150,
    bars: plan.weeks.map((w) => ({
      label: shortDay(w.weekStart),
      value: u(w.longRunM),
      className: w.gate === 'halted' ? 'c-bad' : `c-phase-${w.phase}`,
      ...(w.phase === 'race' ? { mark: 'race' } : w.gate === 'held' ? { mark: 'held' } : {}),
    })),
    guides,
    labelEvery: Math.max(1, Math.ceil(plan.weeks.length / 6)),
  })}<figcaption>${legend([
    ['c-phase-build', 'build'],
    ['c-phase-hold', 'hold'],
    ['c-phase-peak', 'peak'],
    ['c-phase-taper', 'taper'],
    ...(plan.painFreeM === null ? [] : ([['c-free line', 'pain-free']] as [string, string][])),
    ...(plan.breakdownM === null ? [] : ([['c-form line', 'form holds to']] as [string, string][])),
  ])}</figcaption></figure>`;
  return section(
    'plan',
    'Plan to the goal race',
    `<div class="two-col"><div><p class="${goal.feasible ? '' : 'bad'}">${esc(goal.verdict)}</p>` +
      (goal.next ? `<p><strong>Next:</strong> ${esc(goal.next)}</p>` : '') +
      '</div>' +
      `${chart}</div>`,
  );
}

const STYLES = `
:root { --ink: #1f2933; --muted: #5f6b76; --line: #d9dee3; --pain: #c92a2a; --free: #2b8a3e; --form: #0f5f6b;
  --band: rgba(240, 140, 0, 0.22); --good: #2b8a3e; --part: #e8a33d; --bad: #c92a2a; --run: #adb5bd; }
* { box-sizing: border-box; }
html { background: #eef1f4; }
body { margin: 0; font-variant-ligatures: none; color: var(--ink); font: 9.5pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.report { max-width: 210mm; margin: 16px auto; padding: 10mm 11mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,0.15); }
h1 { font-size: 17pt; margin: 0; }
h2 { font-size: 12pt; margin: 0 0 4px; padding-bottom: 2px; border-bottom: 1.5px solid var(--ink); }
h3 { font-size: 10pt; margin: 6px 0 3px; }
p { margin: 3px 0; }
.title-row { display: flex; justify-content: space-between; align-items: baseline; }
.brand { color: var(--muted); font-size: 9pt; }
.badge { white-space: nowrap; font-size: 8pt; padding: 0 5px; border: 1px solid var(--muted); border-radius: 8px; color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1px 10px; margin: 4px 0; }
.facts div { display: contents; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.report-header .facts { grid-template-columns: max-content 1fr max-content 1fr; }
.glance { display: grid; grid-template-columns: repeat(3, 1fr); gap: 5px; margin: 8px 0; }
.tile { border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 3px; padding: 3px 7px; }
.tile-label { display: block; font-size: 8pt; color: var(--muted); }
.tile-value { font-weight: 600; }
.tone-alarm { border-left-color: var(--bad); background: #fff5f5; }
.tone-ok { border-left-color: var(--good); }
.tone-pain { border-left-color: var(--pain); }
.tone-form { border-left-color: var(--form); }
.section { margin: 6px 0 4px; }
.section .facts { font-size: 9pt; }
.two-col { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; align-items: start; }
figure { margin: 0; }
figcaption { font-size: 7.5pt; color: var(--muted); }
.chart { width: 100%; height: auto; display: block; }
.chart .grid { stroke: #e6e9ec; stroke-width: 0.6; }
.chart .axis { stroke: #868e96; stroke-width: 0.8; }
.chart .tick, .chart .axis-title { font-size: 8.5px; fill: var(--muted); }
.chart .guide { stroke-width: 1.4; stroke-dasharray: 5 3; }
.chart .guide-label { font-size: 8.5px; font-weight: 600; }
.chart .bar-mark { font-size: 8px; fill: var(--ink); }
.chart .bar-outline { fill: none; stroke: #868e96; stroke-width: 0.8; stroke-dasharray: 2 1.5; }
.c-pain { fill: var(--pain); stroke: var(--pain); }
.c-pain.hollow { fill: #fff; stroke-width: 1.3; }
.c-run { fill: var(--run); }
.c-run-painful { fill: #f1b0b0; }
.c-form { fill: var(--form); stroke: var(--form); }
.c-free { fill: var(--free); stroke: var(--free); }
.c-band { fill: var(--band); }
.guide-label.c-free, .guide-label.c-form { stroke: none; }
.c-good { fill: var(--good); }
.c-part { fill: var(--part); }
.c-bad { fill: var(--bad); }
.c-phase-build { fill: #4c9aa6; } .c-phase-hold { fill: #8fbcc3; } .c-phase-peak { fill: #0f5f6b; }
.c-phase-taper { fill: #b8c4cc; } .c-phase-race { fill: #e67700; }
.legend { margin: 1px 0 0; display: flex; flex-wrap: wrap; gap: 2px 10px; }
.swatch { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 3px; vertical-align: -1px; background: currentColor; }
.swatch.c-pain { background: var(--pain); } .swatch.c-pain.hollow { background: #fff; border: 1.5px solid var(--pain); }
.swatch.c-run { background: var(--run); } .swatch.c-form { background: var(--form); } .swatch.c-band { background: var(--band); border-radius: 0; }
.swatch.line { height: 0; border-radius: 0; width: 14px; border-top: 2px dashed; background: none; vertical-align: 3px; }
.swatch.c-free.line { border-color: var(--free); } .swatch.c-form.line { border-color: var(--form); }
.swatch.c-good { background: var(--good); border-radius: 0; } .swatch.c-part { background: var(--part); border-radius: 0; }
.swatch.outline { background: none; border: 1px dashed #868e96; border-radius: 0; }
.swatch.c-phase-build { background: #4c9aa6; border-radius: 0; } .swatch.c-phase-hold { background: #8fbcc3; border-radius: 0; }
.swatch.c-phase-peak { background: #0f5f6b; border-radius: 0; } .swatch.c-phase-taper { background: #b8c4cc; border-radius: 0; }
.swatch.c-phase-race { background: #e67700; border-radius: 0; }
.norm-bar { vertical-align: middle; }
.norm-track { fill: #f1f3f5; }
.norm-tick { stroke: var(--ink); stroke-width: 1.2; }
table.data { width: 100%; border-collapse: collapse; font-size: 8.5pt; line-height: 1.3; }
table.data th.num { text-align: right; }
table.data th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 1px solid var(--ink); padding: 1px 4px; }
table.data td { border-bottom: 1px solid var(--line); padding: 1px 4px; vertical-align: top; }
table.data tr.first td { border-top: 1px solid #c5ccd3; }
table.bench td { vertical-align: middle; }
.num { text-align: right; white-space: nowrap; }
.note-cell { max-width: 60mm; overflow-wrap: anywhere; }
.triage-stop { color: var(--bad); font-weight: 700; }
.triage-modify { color: #b35c00; }
.muted { color: var(--muted); }
.small { font-size: 8.5pt; }
.bad { color: var(--bad); }
.prose { font-size: 9pt; }
#plan p { font-size: 8.5pt; }
.empty { color: var(--muted); font-style: italic; }
.screen-only { margin: -6mm 0 3mm; font-size: 8pt; color: var(--muted); text-align: right; }
.ok-line { color: var(--good); }
.alarm-box { border: 2px solid var(--bad); background: #fff5f5; padding: 4px 8px; border-radius: 3px; }
.alarm-box ul { margin: 2px 0; padding-left: 18px; }
.note { font-style: italic; }
ul.findings, ul.changes { margin: 2px 0; padding-left: 16px; font-size: 8.5pt; line-height: 1.25; }
.sessions { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; font-size: 8pt; line-height: 1.3; margin-top: 4px; break-inside: avoid; }
.nowrap { white-space: nowrap; }
.test-name { white-space: nowrap; }
#plan .two-col { grid-template-columns: 4fr 5fr; }
.change-better { color: var(--good); } .change-worse { color: var(--bad); }
.report-footer { margin-top: 6px; padding-top: 3px; border-top: 1px solid var(--line); font-size: 8pt; line-height: 1.3; color: var(--muted); }
.disclaimer { font-weight: 600; color: var(--ink); }
.section h3, .pattern, figure, .tile, table.data tr, .report-footer { break-inside: avoid; }
h2, h3 { break-after: avoid; }
@page { margin: 11mm 11mm 12mm; }
@media print {
  html, body { background: #fff; }
  .report { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .page-start { break-before: page; }
  .screen-only { display: none; }
  a { color: inherit; text-decoration: none; }
}
@media screen and (max-width: 640px) {
  .report { padding: 12px; margin: 0; }
  .two-col, .glance { grid-template-columns: 1fr; }
  .report-header .facts { grid-template-columns: max-content 1fr; }
  .table-wrap { overflow-x: auto; }
  .screen-only { margin: 0 0 6px; text-align: left; }
  .test-name { white-space: normal; min-width: 30mm; }
}
`;
