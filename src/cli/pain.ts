import type { Command } from 'commander';
import { RED_FLAG_QUESTION_TEXT } from '../analysis/triage/index.js';
import {
  type Keel,
  PATTERN_WINDOW_DAYS,
  type PainPatternView,
  type PainReportView,
  painReportBody,
  painReportPatch,
} from '../app/index.js';
import {
  BODY_REGION_LABELS,
  type PainOnset,
  RED_FLAG_QUESTIONS,
  type RedFlagQuestion,
} from '../domain/pain.js';
import {
  formatDistance,
  formatDuration,
  parseDistance,
  parseDuration,
  type UnitSystem,
} from '../domain/units.js';
import {
  asUserError,
  athleteFor,
  byIdPrefix,
  printJson,
  requireAthlete,
  UsageError,
  UserError,
  validated,
  withKeel,
} from './context.js';
import { table } from './format.js';

/** "14km", "8.5mi", "1:10:00", "during", "after" → an onset; the unit is always written, never assumed. */
export function parseOnset(text: string): PainOnset {
  const word = text.trim().toLowerCase();
  if (word === 'during' || word === 'after') return { kind: word };
  const distanceM = parseDistance(word);
  if (distanceM !== null) return { kind: 'distance', distanceM };
  const elapsedS = parseDuration(word);
  if (elapsedS !== null) return { kind: 'time', elapsedS };
  throw new UsageError(
    `--onset ${text}: give a distance with its unit (14km, 8.5mi), a time into the run (1:10:00), "during" or "after"`,
  );
}

/** "swelling,limping" → those questions answered `answer`; an unknown name is a usage error listing the names. */
export function parseFlags(text: string | undefined, answer: boolean, option: string) {
  const answers: Partial<Record<RedFlagQuestion, boolean>> = {};
  if (text === undefined) return answers;
  for (const name of text
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)) {
    if (!(RED_FLAG_QUESTIONS as readonly string[]).includes(name)) {
      throw new UsageError(
        `${option} ${name}: not a red-flag question; see \`keel pain questions\` (${RED_FLAG_QUESTIONS.join(', ')})`,
      );
    }
    answers[name as RedFlagQuestion] = answer;
  }
  return answers;
}

function redFlagAnswers(opts: { yes?: string; no?: string; noRedFlags?: boolean }) {
  const all = opts.noRedFlags ? Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, false])) : {};
  return { ...all, ...parseFlags(opts.no, false, '--no'), ...parseFlags(opts.yes, true, '--yes') };
}

function integer(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value)) throw new UsageError(`${option} ${text}: a whole number from 0 to 10`);
  return value;
}

/** A report by id or by the first characters `keel pain list` shows. */
async function findReport(keel: Keel, athleteId: string, idOrPrefix: string): Promise<PainReportView> {
  return byIdPrefix(await keel.painReports(athleteId), idOrPrefix, 'pain report');
}

const LEVEL_WORDS = {
  stop: 'STOP: see a clinician',
  modify: 'keep running, with changes',
  monitor: 'fine to continue, keep monitoring',
};

function where(r: Pick<PainReportView, 'region' | 'side' | 'aspect'>): string {
  return `${r.side} ${BODY_REGION_LABELS[r.region]}${r.aspect ? ` (${r.aspect})` : ''}`;
}

function onsetText(r: PainReportView, units: UnitSystem): string {
  if (r.onset.kind === 'after') return 'after the run';
  const parts = [
    r.onsetM === null ? null : formatDistance(r.onsetM, units, 1),
    r.onsetS === null ? null : formatDuration(r.onsetS),
  ].filter(Boolean);
  return parts.length > 0 ? `at ${parts.join(', ')}` : 'during the run';
}

export function painReportText(r: PainReportView, units: UnitSystem): string {
  const lines = [
    `Pain report ${r.id.slice(0, 8)} on ${r.date}${r.runId ? ` (run ${r.runId.slice(0, 8)})` : ''}: ${where(r)}, ${r.severity}/10 ${onsetText(r, units)}` +
      (r.nextMorningSeverity === null ? '' : `; ${r.nextMorningSeverity}/10 the next morning`),
    `Triage: ${LEVEL_WORDS[r.triage.level]}${r.cleared ? ` (cleared ${r.cleared.at.slice(0, 10)}: ${r.cleared.note})` : ''}`,
    ...r.triage.reasons.map((reason) => `  - ${reason.message} [${reason.source}]`),
    r.triage.advice,
    r.triage.disclaimer,
  ];
  return lines.join('\n');
}

export function patternText(p: PainPatternView): string {
  return [p.explanation.headline, ...p.explanation.paragraphs.map((para) => `  ${para}`)].join('\n');
}

export function registerPainCommands(program: Command): void {
  const pain = program.command('pain').description('pain reports: record, list, update, clear a red flag');

  pain
    .command('add')
    .description('record pain on a run (--run) or a day (--date); Keel triages it for red flags')
    .option('--run <id>', 'the run it happened on (id or first characters, see `keel runs`)')
    .option('--date <YYYY-MM-DD>', 'the day, when the pain was not on a recorded run')
    .requiredOption(
      '--region <region>',
      'foot, toes, heel, ankle, achilles, calf, shin, knee, thigh-front, thigh-back, hip, groin, glute, low-back, mid-back, upper-back-shoulder',
    )
    .requiredOption('--side <side>', 'left, right or both')
    .option('--aspect <aspect>', 'front, inner, outer or back')
    .requiredOption(
      '--onset <when>',
      'when it began: 14km, 8.5mi, 1:10:00 into the run, "during" (not sure when) or "after" the run',
    )
    .requiredOption('--severity <0-10>', 'how bad, 0 (none) to 10 (worst imaginable)')
    .option('--character <word>', 'ache, sharp, burning, tight, throbbing, stabbing, dull or cramp')
    .option('--action <what>', 'what you did: continued, slowed, walked or stopped')
    .option('--morning <0-10>', 'how bad it was the next morning')
    .option(
      '--yes <questions>',
      'red-flag questions answered yes, comma-separated (see `keel pain questions`)',
    )
    .option('--no <questions>', 'red-flag questions answered no, comma-separated')
    .option('--no-red-flags', 'answer no to every red-flag question not answered yes')
    .option('--note <text>', 'anything else')
    .option('--athlete <id>', 'whose report (default: the default athlete)')
    .option('--json', 'print the stored report as JSON')
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const text = (name: string) => opts[name] as string | undefined;
      // Commander's --no-red-flags sets `redFlags: false`; it is this command's "all no" switch.
      const body = validated(
        painReportBody.safeParse({
          runId: text('run') ?? null,
          date: text('date') ?? null,
          region: text('region'),
          side: text('side'),
          aspect: text('aspect') ?? null,
          onset: parseOnset(text('onset') as string),
          severity: integer(text('severity'), '--severity'),
          character: text('character') ?? null,
          action: text('action') ?? null,
          nextMorningSeverity: integer(text('morning'), '--morning') ?? null,
          redFlags: redFlagAnswers({ yes: text('yes'), no: text('no'), noRedFlags: opts.redFlags === false }),
          note: text('note') ?? null,
        }),
      );
      await withKeel(program, async (keel) => {
        const athlete = await requireAthlete(keel, text('athlete'));
        const report = await asUserError(() => keel.addPainReport(athlete.id, body));
        if (opts.json) printJson(report);
        else process.stdout.write(`${painReportText(report, athlete.units)}\n`);
      });
    });

  pain
    .command('list')
    .description('list pain reports, newest first, with their triage')
    .option('--athlete <id>', 'whose reports (default: the default athlete)')
    .option('--json', 'print JSON')
    .action(async (opts: { athlete?: string; json?: boolean }) => {
      await withKeel(program, async (keel) => {
        const athlete = await athleteFor(keel, opts.athlete);
        const reports = athlete ? await keel.painReports(athlete.id) : [];
        if (opts.json) return printJson(reports);
        if (!athlete || reports.length === 0) {
          process.stdout.write(
            'No pain reports yet. Record one with: keel pain add --run ID --region knee --side left --onset 12km --severity 4\n',
          );
          return;
        }
        process.stdout.write(
          `${table(
            ['id', 'date', 'where', 'severity', 'onset', 'morning', 'triage'],
            reports.map((r) => [
              r.id.slice(0, 8),
              r.date,
              where(r),
              `${r.severity}/10`,
              onsetText(r, athlete.units),
              r.nextMorningSeverity === null ? '–' : `${r.nextMorningSeverity}/10`,
              r.triage.level === 'stop' && r.cleared ? 'stop (cleared)' : r.triage.level,
            ]),
          )}\n`,
        );
        const open = reports.filter((r) => r.triage.level === 'stop' && !r.cleared);
        if (open.length > 0) {
          process.stdout.write(
            `\n${open.length} open red flag${open.length === 1 ? '' : 's'}: Keel holds every distance progression until a clinician clears ${open.length === 1 ? 'it' : 'them'} (keel pain clear ID --note "…").\n`,
          );
        }
      });
    });

  pain
    .command('show')
    .description('one pain report with its triage reasons')
    .argument('<id>', 'report id or its first characters')
    .option('--athlete <id>', 'whose report (default: the default athlete)')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { athlete?: string; json?: boolean }) => {
      await withKeel(program, async (keel) => {
        const athlete = await requireAthlete(keel, opts.athlete);
        const report = await findReport(keel, athlete.id, id);
        if (opts.json) printJson(report);
        else process.stdout.write(`${painReportText(report, athlete.units)}\n`);
      });
    });

  pain
    .command('update')
    .description("add the next morning's pain, red-flag answers or a note; Keel triages again")
    .argument('<id>', 'report id or its first characters')
    .option('--morning <0-10>', 'how bad it was the next morning')
    .option('--severity <0-10>', 'correct the severity')
    .option('--yes <questions>', 'red-flag questions answered yes')
    .option('--no <questions>', 'red-flag questions answered no')
    .option('--note <text>', 'replace the note')
    .option('--athlete <id>', 'whose report (default: the default athlete)')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: Record<string, string | boolean | undefined>) => {
      const text = (name: string) => opts[name] as string | undefined;
      const patch = validated(
        painReportPatch.safeParse({
          nextMorningSeverity: integer(text('morning'), '--morning'),
          severity: integer(text('severity'), '--severity'),
          redFlags: { ...parseFlags(text('no'), false, '--no'), ...parseFlags(text('yes'), true, '--yes') },
          note: text('note'),
        }),
      );
      await withKeel(program, async (keel) => {
        const athlete = await requireAthlete(keel, text('athlete'));
        const found = await findReport(keel, athlete.id, id);
        const report = await asUserError(() => keel.updatePainReport(found.id, patch));
        if (!report) throw new UserError(`no pain report ${id}`);
        if (opts.json) printJson(report);
        else process.stdout.write(`${painReportText(report, athlete.units)}\n`);
      });
    });

  pain
    .command('clear')
    .description('mark a red flag as cleared to run again, saying who cleared it')
    .argument('<id>', 'report id or its first characters')
    .requiredOption(
      '--note <text>',
      'who cleared it and what they said, e.g. "physio, 3 Dec: bone scan clear"',
    )
    .option('--athlete <id>', 'whose report (default: the default athlete)')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { note: string; athlete?: string; json?: boolean }) => {
      await withKeel(program, async (keel) => {
        const athlete = await requireAthlete(keel, opts.athlete);
        const found = await findReport(keel, athlete.id, id);
        const report = await asUserError(() => keel.clearRedFlag(found.id, opts.note));
        if (!report) throw new UserError(`no pain report ${id}`);
        if (opts.json) printJson(report);
        else process.stdout.write(`${painReportText(report, athlete.units)}\n`);
      });
    });

  pain
    .command('delete')
    .description('delete a pain report')
    .argument('<id>', 'report id or its first characters')
    .option('--athlete <id>', 'whose report (default: the default athlete)')
    .action(async (id: string, opts: { athlete?: string }) => {
      await withKeel(program, async (keel) => {
        const athlete = await requireAthlete(keel, opts.athlete);
        const found = await findReport(keel, athlete.id, id);
        await keel.deletePainReport(found.id);
        process.stdout.write(`Deleted pain report ${found.id.slice(0, 8)}.\n`);
      });
    });

  pain
    .command('questions')
    .description('the red-flag questions Keel asks with every report, and their names for --yes/--no')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const questions = RED_FLAG_QUESTIONS.map((name) => ({ name, ...RED_FLAG_QUESTION_TEXT[name] }));
      if (opts.json) {
        printJson(questions);
        return;
      }
      process.stdout.write(`${questions.map((q) => `${q.name}\n  ${q.question}\n  ${q.hint}`).join('\n')}\n`);
    });

  program
    .command('pattern')
    .description('same distance, same pain? The pattern of each painful region and side, explained')
    .option('--athlete <id>', 'whose pattern (default: the default athlete)')
    .option('--days <n>', `the window, in days back from today (default ${PATTERN_WINDOW_DAYS})`)
    .option('--json', 'print JSON')
    .action(async (opts: { athlete?: string; days?: string; json?: boolean }) => {
      const days = opts.days === undefined ? PATTERN_WINDOW_DAYS : Number(opts.days);
      if (!Number.isInteger(days) || days < 7 || days > 3650)
        throw new UsageError(`--days ${opts.days}: a whole number of days from 7 to 3650`);
      await withKeel(program, async (keel) => {
        const athlete = await athleteFor(keel, opts.athlete);
        const patterns = athlete ? await keel.painPatterns(athlete.id, new Date(), days) : [];
        if (opts.json) return printJson(patterns);
        if (patterns.length === 0) {
          process.stdout.write(
            'No pain reports yet, so no pattern to show. Record pain with `keel pain add`, and keep importing pain-free runs too: they show how far you can go without it.\n',
          );
          return;
        }
        process.stdout.write(`${patterns.map(patternText).join('\n\n')}\n`);
      });
    });
}
