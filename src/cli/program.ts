import type { Command } from 'commander';
import {
  type BenchmarksView,
  benchmarkSessionBody,
  catalogueView,
  type ExerciseView,
  type Keel,
  type ProgramView,
  programSettingsBody,
  type SessionLogView,
  sessionLogBody,
  sessionLogPatch,
} from '../app/index.js';
import { BENCHMARK_TESTS } from '../coach/benchmarks/index.js';
import type { ExerciseLog, ProgramItem } from '../coach/program/types.js';
import { PROGRAM_REGION_LABELS } from '../coach/types.js';
import { machineLocalDate } from '../domain/time.js';
import {
  asUserError,
  byIdPrefix,
  printJson,
  requireAthlete,
  UsageError,
  UserError,
  validated,
  withKeel,
} from './context.js';
import { table } from './format.js';

/** `keel bench …` and `keel program …`: the benchmark battery and the stabilizer program (issue 6). */

function number(text: string, what: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`${what}: "${text}" is not a number`);
  return value;
}

/** Like `keel import`, a first entry into an empty database creates the runner's own athlete. */
async function writeTarget(keel: Keel, id: string | undefined) {
  return id === undefined ? keel.importTarget() : requireAthlete(keel, id);
}

/**
 * "trunk-flexor=112", "side-bridge=61/71" (left/right), "side-bridge:left=61" → result entries, checked by the
 * same schema as the web form.
 */
export function parseBenchmarkArgs(args: readonly string[], takenOn: string, note: string | null) {
  const entries = args.flatMap((arg) => {
    const match = /^([a-z0-9-]+)(?::(left|right))?=(.+)$/.exec(arg.trim());
    if (!match) {
      throw new UsageError(
        `${arg}: write TEST=VALUE, TEST=LEFT/RIGHT for a test done per side, or TEST:left=VALUE (see \`keel bench tests\`)`,
      );
    }
    const [, testId, side, value] = match as unknown as [string, string, string | undefined, string];
    const pair = value.split('/');
    if (pair.length === 2 && side === undefined) {
      return [
        { testId, side: 'left' as const, value: number(pair[0] as string, `${testId} left`), takenOn, note },
        {
          testId,
          side: 'right' as const,
          value: number(pair[1] as string, `${testId} right`),
          takenOn,
          note,
        },
      ];
    }
    return [
      {
        testId,
        side: (side as 'left' | 'right' | undefined) ?? null,
        value: number(value, testId),
        takenOn,
        note,
      },
    ];
  });
  return validated(benchmarkSessionBody.safeParse({ results: entries }));
}

const COMPARISON_WORDS = { below: 'below the norm', within: 'within the norm', above: 'above the norm' };

export function benchmarksText(view: BenchmarksView): string {
  const { evaluation } = view;
  if (evaluation.tests.length === 0) {
    return 'No benchmark results yet. Test yourself (see `keel bench tests`) and enter them with `keel bench add`.';
  }
  const rows = evaluation.tests.flatMap((test) =>
    test.sides.map((side) => [
      test.name,
      side.side ?? '',
      `${side.value} ${test.unit}`,
      side.norm.comparison ? COMPARISON_WORDS[side.norm.comparison] : 'no norm',
      side.change
        ? `${side.change.absolute > 0 ? '+' : ''}${side.change.absolute} ${test.unit} since ${side.change.previousOn}${side.change.meaningful ? ` (${side.change.direction})` : ''}`
        : '',
      test.latestOn,
    ]),
  );
  const lines = [table(['test', 'side', 'result', 'against the norm', 'change', 'tested'], rows)];
  const asymmetric = evaluation.tests.filter((test) => test.symmetry?.asymmetric);
  if (asymmetric.length > 0) {
    lines.push(
      '',
      'Uneven sides:',
      ...asymmetric.map((test) => {
        const s = test.symmetry as NonNullable<typeof test.symmetry>;
        return `  ${test.name}: ${s.weakerSide} weaker${s.lsi === null ? '' : ` (${Math.round(s.lsi)}% of the other side)`}`;
      }),
    );
  }
  for (const ratio of evaluation.ratios) {
    lines.push(
      `${ratio.label}: ${ratio.value.toFixed(2)}${ratio.withinTarget ? '' : ' (outside the healthy range)'}`,
    );
  }
  lines.push(
    '',
    evaluation.retestIsDue
      ? `A retest is due (every 4 weeks; last on ${evaluation.latestSessionOn}).`
      : `Next retest: ${evaluation.retestDue} (every 4 weeks).`,
  );
  if (view.findings.length > 0) {
    lines.push('', 'What the program answers:', ...view.findings.map((f) => `  - ${f.message}`));
  }
  if (view.profile.sex === null || view.profile.birthYear === null) {
    lines.push(
      '',
      'Norms by sex and age need both in your profile; without them Keel compares sides and history.',
    );
  }
  return lines.join('\n');
}

function doseText(item: ProgramItem): string {
  const amount = `${item.sets} × ${item.target} ${item.unit === 's' ? 's' : 'reps'}`;
  const side = item.perSide ? ' each side' : '';
  const extra = item.extraSetSide ? `, +1 set ${item.extraSetSide}` : '';
  return `${amount}${side}${extra}`;
}

function itemLine(item: ProgramItem, exercise: ExerciseView | undefined): string {
  const name = exercise
    ? `${exercise.name} (level ${exercise.level} of ${exercise.ladderLength})`
    : item.exerciseId;
  return `  ${name}: ${doseText(item)}  [${item.exerciseId}]${item.paused ? ' PAUSED' : ''}`;
}

export function programText(view: ProgramView, why: boolean): string {
  const { prescription, settings, today } = view;
  const minutes = (s: number) => `${Math.round(s / 60)} min`;
  const lines = [
    `Program as of ${view.asOf}: ${settings.sessionsPerWeek} sessions a week, up to ${settings.minutesPerSession} min, equipment: ${settings.equipment.length > 0 ? settings.equipment.join(', ') : 'none'}${settings.saved ? '' : ' (defaults; change with `keel program set`)'}.`,
    ...prescription.notes.map((note) => `! ${note}`),
    '',
    'Emphasis:',
    ...prescription.emphasis.map(
      (e) =>
        `  ${PROGRAM_REGION_LABELS[e.region]}: ${e.weight === 1 ? 'baseline' : `×${e.weight.toFixed(1)}`}`,
    ),
  ];
  for (const session of prescription.sessions) {
    lines.push('', `Session ${session.label} (about ${minutes(session.estimatedS)})`);
    for (const item of session.items) {
      lines.push(itemLine(item, view.exercises[item.exerciseId]));
      if (why) {
        for (const reason of item.reasons) lines.push(`      why: ${reason.text}`);
      }
    }
  }
  lines.push(
    '',
    `Next: session ${today.label} (${today.doneThisWeek} of ${today.sessionsPerWeek} done this week). Log it with \`keel program log --as-prescribed --rpe N\`.`,
  );
  const recent = view.events.slice(0, 5);
  if (recent.length > 0) {
    lines.push('', 'Latest changes:', ...recent.map((e) => `  ${e.date} ${e.reason}`));
  }
  if (!why) lines.push('', 'Add --why to see why each exercise is there.');
  return lines.join('\n');
}

export function exerciseText(exercise: ExerciseView): string {
  const dose = exercise.dose;
  const amount =
    dose.kind === 'reps'
      ? `${dose.sets.min}–${dose.sets.max} sets of ${dose.reps.min}–${dose.reps.max} reps, tempo ${dose.tempoS.up}-${dose.tempoS.hold}-${dose.tempoS.down} s`
      : `${dose.sets.min}–${dose.sets.max} holds of ${dose.holdS.min}–${dose.holdS.max} s`;
  return [
    `${exercise.name} (${exercise.familyName}, level ${exercise.level} of ${exercise.ladderLength}) [${exercise.id}]`,
    `Trains: ${exercise.targetLabels.join('; ')}`,
    `Equipment: ${exercise.equipment.length > 0 ? exercise.equipment.join(', ') : 'none'}`,
    `Dose: ${amount}${dose.perSide ? ' each side' : ''}, ${dose.restS} s rest`,
    'How:',
    ...exercise.steps.map((step, i) => `  ${i + 1}. ${step}`),
    'Cues:',
    ...exercise.cues.map((cue) => `  - ${cue}`),
    'Common mistakes:',
    ...exercise.mistakes.map((mistake) => `  - ${mistake}`),
    `Source: ${exercise.source}`,
  ].join('\n');
}

/**
 * "wall-sit=2x30", "bird-dog=2x10,rpe=8,pain=3,poor-form": what was done of one exercise. Fields left out come
 * from the command's --rpe and --pain, and form is good unless it says poor-form.
 */
export function parseItem(text: string, defaults: { rpe: number | undefined; pain: number }): unknown {
  const [head, ...rest] = text.split(',');
  const match = /^([a-z0-9-]+)=(\d+)x(\d+(?:\.\d+)?)$/.exec((head ?? '').trim());
  if (!match) {
    throw new UsageError(
      `--item ${text}: write EXERCISE=SETSxREPS (or SETSxSECONDS), e.g. wall-sit=2x30 or bird-dog=2x10,rpe=8,pain=3,poor-form`,
    );
  }
  const entry: Record<string, unknown> = {
    exerciseId: match[1],
    setsDone: Number(match[2]),
    achieved: Number(match[3]),
    rpe: defaults.rpe,
    painDuring: defaults.pain,
    goodForm: true,
  };
  for (const field of rest.map((f) => f.trim())) {
    const [key, value] = field.split('=');
    if (key === 'poor-form' && value === undefined) entry.goodForm = false;
    else if (key === 'rpe' && value !== undefined) entry.rpe = number(value, `--item ${text} rpe`);
    else if (key === 'pain' && value !== undefined) entry.painDuring = number(value, `--item ${text} pain`);
    else throw new UsageError(`--item ${text}: "${field}" is not rpe=N, pain=N or poor-form`);
  }
  if (entry.rpe === undefined) {
    throw new UsageError(`--item ${text}: say how hard it felt, with rpe=N here or --rpe N (0–10)`);
  }
  return entry;
}

function sessionLine(log: SessionLogView): string {
  const morning =
    log.painNextMorning === null ? 'morning pain not yet given' : `morning pain ${log.painNextMorning}/10`;
  return `${log.id.slice(0, 8)}  ${log.date}  ${log.label ? `session ${log.label}` : 'own choice'}  ${log.exercises.length} exercises  ${morning}`;
}

async function findSession(keel: Keel, athleteId: string, idOrPrefix: string): Promise<SessionLogView> {
  return byIdPrefix(await keel.sessionLogs(athleteId), idOrPrefix, 'logged session');
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerProgramCommands(program: Command): void {
  const bench = program
    .command('bench')
    .description('endurance benchmark tests: the battery, your results, retests');

  bench
    .command('tests')
    .description('the test battery: how to do each test, its unit and its norm')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      if (opts.json) {
        printJson(BENCHMARK_TESTS);
        return;
      }
      const lines = BENCHMARK_TESTS.flatMap((test) => [
        `${test.name} [${test.id}] (${test.unit}${test.sided ? ', each side' : ''}${test.higherIsBetter ? '' : ', fewer is better'})`,
        ...test.protocol.map((step, i) => `  ${i + 1}. ${step}`),
        '',
      ]);
      process.stdout.write(`${lines.join('\n')}`);
    });

  bench
    .command('add')
    .description('record a test day: TEST=VALUE, or TEST=LEFT/RIGHT for a test done per side')
    .argument('<results...>', 'e.g. trunk-flexor=112 side-bridge=61/71 single-leg-heel-raise:left=22')
    .option('--date <YYYY-MM-DD>', 'the day of the tests (default: today)')
    .option('--note <text>', 'a note kept with each result')
    .option('--athlete <id>', 'whose results (default: the default athlete)')
    .option('--json', 'print the stored results as JSON')
    .action(
      async (args: string[], opts: { date?: string; note?: string; athlete?: string; json?: boolean }) => {
        const today = machineLocalDate(new Date());
        const body = parseBenchmarkArgs(args, opts.date ?? today, opts.note ?? null);
        await withKeel(program, async (keel) => {
          const athlete = await writeTarget(keel, opts.athlete);
          const stored = await asUserError(() => keel.addBenchmarks(athlete.id, body, today));
          if (opts.json) return printJson(stored);
          const view = await keel.benchmarks(athlete.id, today);
          process.stdout.write(
            `Stored ${stored.length} result${stored.length === 1 ? '' : 's'}.\n\n${benchmarksText(view)}\n`,
          );
        });
      },
    );

  bench
    .command('list')
    .description('your latest results against the norms, sides and previous results, and when to retest')
    .option('--date <YYYY-MM-DD>', 'as of this day (default: today)')
    .option('--history', 'also list every result')
    .option('--athlete <id>', 'whose results (default: the default athlete)')
    .option('--json', 'print JSON')
    .action(async (opts: { date?: string; history?: boolean; athlete?: string; json?: boolean }) => {
      await withKeel(program, async (keel) => {
        const athlete = await requireAthlete(keel, opts.athlete);
        const view = await keel.benchmarks(athlete.id, opts.date ?? machineLocalDate(new Date()));
        if (opts.json) return printJson(view);
        let text = benchmarksText(view);
        if (opts.history) {
          text += `\n\nEvery result:\n${table(
            ['id', 'tested', 'test', 'side', 'value'],
            view.results.map((r) => [r.id.slice(0, 8), r.takenOn, r.testId, r.side ?? '', String(r.value)]),
          )}`;
        }
        process.stdout.write(`${text}\n`);
      });
    });

  bench
    .command('delete')
    .description('delete one result (ids from `keel bench list --history`)')
    .argument('<id>', 'the result id or its first characters')
    .option('--athlete <id>', 'whose result (default: the default athlete)')
    .action(async (id: string, opts: { athlete?: string }) => {
      await withKeel(program, async (keel) => {
        const athlete = await requireAthlete(keel, opts.athlete);
        const { results } = await keel.benchmarks(athlete.id, machineLocalDate(new Date()));
        const result = byIdPrefix(results, id, 'benchmark result');
        await keel.deleteBenchmark(result.id);
        process.stdout.write(`Deleted the ${result.testId} result of ${result.takenOn}.\n`);
      });
    });

  const prog = program
    .command('program')
    .description('your stabilizer program: this week, why each exercise is there, what changed');

  prog
    .command('show', { isDefault: true })
    .description('this week’s sessions, the emphasis, the latest changes (the default)')
    .option('--date <YYYY-MM-DD>', 'as of this day (default: today)')
    .option('--why', 'show why each exercise is there')
    .option('--athlete <id>', 'whose program (default: the default athlete)')
    .option('--json', 'print JSON')
    .action(async (opts: { date?: string; why?: boolean; athlete?: string; json?: boolean }) => {
      await withKeel(program, async (keel) => {
        const athlete = await requireAthlete(keel, opts.athlete);
        const view = await asUserError(() =>
          keel.program(athlete.id, opts.date ?? machineLocalDate(new Date())),
        );
        if (opts.json) printJson(view);
        else process.stdout.write(`${programText(view, opts.why === true)}\n`);
      });
    });

  prog
    .command('set')
    .description('what you can give the program: sessions a week, minutes each, equipment')
    .requiredOption('--sessions <n>', 'sessions a week, 2 to 4')
    .requiredOption('--minutes <n>', 'minutes a session, 15 to 60')
    .option('--equipment <list>', 'comma-separated: band, step, weight (default: none)', '')
    .option('--athlete <id>', 'whose program (default: the default athlete)')
    .option('--json', 'print the program as JSON')
    .action(
      async (opts: {
        sessions: string;
        minutes: string;
        equipment: string;
        athlete?: string;
        json?: boolean;
      }) => {
        const body = validated(
          programSettingsBody.safeParse({
            sessionsPerWeek: number(opts.sessions, '--sessions'),
            minutesPerSession: number(opts.minutes, '--minutes'),
            equipment: opts.equipment
              .split(',')
              .map((item) => item.trim())
              .filter(Boolean),
          }),
        );
        await withKeel(program, async (keel) => {
          const athlete = await writeTarget(keel, opts.athlete);
          await keel.setProgramSettings(athlete.id, body);
          const view = await keel.program(athlete.id, machineLocalDate(new Date()));
          if (opts.json) printJson(view);
          else process.stdout.write(`${programText(view, false)}\n`);
        });
      },
    );

  prog
    .command('log')
    .description(
      "log a session: today's prescribed one (--as-prescribed), exercise by exercise (--item), or both",
    )
    .option('--date <YYYY-MM-DD>', 'the day of the session (default: today)')
    .option('--as-prescribed', 'every exercise of the next session, done as prescribed')
    .option(
      '--item <EXERCISE=SETSxVALUE[,rpe=N][,pain=N][,poor-form]>',
      'one exercise as done (repeatable)',
      collect,
    )
    .option('--rpe <0-10>', 'how hard it felt, 0 (nothing) to 10 (maximal)')
    .option('--pain <0-10>', 'pain during the exercises (default 0)')
    .option('--morning <0-10>', 'pain the next morning (or later with `keel program morning`)')
    .option('--note <text>', 'anything else')
    .option('--athlete <id>', 'whose program (default: the default athlete)')
    .option('--json', 'print the logged session as JSON')
    .action(
      async (opts: {
        date?: string;
        asPrescribed?: boolean;
        item?: string[];
        rpe?: string;
        pain?: string;
        morning?: string;
        note?: string;
        athlete?: string;
        json?: boolean;
      }) => {
        if (!opts.asPrescribed && !opts.item?.length) {
          throw new UsageError('say what you did: --as-prescribed, or one --item per exercise');
        }
        const today = machineLocalDate(new Date());
        const date = opts.date ?? today;
        const defaults = {
          rpe: opts.rpe === undefined ? undefined : number(opts.rpe, '--rpe'),
          pain: opts.pain === undefined ? 0 : number(opts.pain, '--pain'),
        };
        const items = (opts.item ?? []).map((text) => parseItem(text, defaults) as ExerciseLog);
        await withKeel(program, async (keel) => {
          const athlete = await writeTarget(keel, opts.athlete);
          let label: string | null = null;
          let exercises: unknown[] = items;
          if (opts.asPrescribed) {
            if (defaults.rpe === undefined)
              throw new UsageError('--as-prescribed: say how hard it felt with --rpe N (0–10)');
            const { today: next } = await asUserError(() => keel.program(athlete.id, date));
            label = next.label;
            const given = new Set(items.map((item) => item.exerciseId));
            exercises = [
              ...next.session.items
                .filter((item) => !given.has(item.exerciseId))
                .map((item) => ({
                  exerciseId: item.exerciseId,
                  setsDone: item.sets,
                  achieved: item.target,
                  rpe: defaults.rpe,
                  painDuring: defaults.pain,
                  goodForm: true,
                })),
              ...items,
            ];
          }
          const body = validated(
            sessionLogBody.safeParse({
              date,
              label,
              exercises,
              painNextMorning: opts.morning === undefined ? null : number(opts.morning, '--morning'),
              note: opts.note ?? null,
            }),
          );
          const log = await asUserError(() => keel.logSession(athlete.id, body, today));
          if (opts.json) return printJson(log);
          const view = await keel.program(athlete.id, today);
          const changes = view.events.filter((event) => event.date === log.date);
          process.stdout.write(
            `${[
              `Logged ${sessionLine(log)}.`,
              ...(changes.length > 0 ? ['What changed:', ...changes.map((e) => `  ${e.reason}`)] : []),
              log.painNextMorning === null
                ? `Tomorrow, add how it feels: keel program morning ${log.id.slice(0, 8)} --pain N`
                : '',
            ]
              .filter(Boolean)
              .join('\n')}\n`,
          );
        });
      },
    );

  prog
    .command('morning')
    .description('add the next morning’s pain to a logged session')
    .argument('<id>', 'the session id or its first characters (see `keel program sessions`)')
    .requiredOption('--pain <0-10>', 'pain the morning after, 0 to 10')
    .option('--athlete <id>', 'whose program (default: the default athlete)')
    .option('--json', 'print the session as JSON')
    .action(async (id: string, opts: { pain: string; athlete?: string; json?: boolean }) => {
      const patch = validated(sessionLogPatch.safeParse({ painNextMorning: number(opts.pain, '--pain') }));
      await withKeel(program, async (keel) => {
        const athlete = await requireAthlete(keel, opts.athlete);
        const found = await findSession(keel, athlete.id, id);
        const log = await keel.updateSessionLog(found.id, patch);
        if (!log) throw new UserError(`no logged session ${id}`);
        if (opts.json) printJson(log);
        else process.stdout.write(`Updated ${sessionLine(log)}.\n`);
      });
    });

  prog
    .command('sessions')
    .description('logged sessions, newest first')
    .option('--athlete <id>', 'whose program (default: the default athlete)')
    .option('--json', 'print JSON')
    .action(async (opts: { athlete?: string; json?: boolean }) => {
      await withKeel(program, async (keel) => {
        const athlete = await requireAthlete(keel, opts.athlete);
        const logs = await keel.sessionLogs(athlete.id);
        if (opts.json) return printJson(logs);
        process.stdout.write(
          logs.length === 0 ? 'No sessions logged yet.\n' : `${logs.map(sessionLine).join('\n')}\n`,
        );
      });
    });

  prog
    .command('delete')
    .description('delete a logged session; the progression is replayed without it')
    .argument('<id>', 'the session id or its first characters')
    .option('--athlete <id>', 'whose program (default: the default athlete)')
    .action(async (id: string, opts: { athlete?: string }) => {
      await withKeel(program, async (keel) => {
        const athlete = await requireAthlete(keel, opts.athlete);
        const found = await findSession(keel, athlete.id, id);
        await keel.deleteSessionLog(found.id);
        process.stdout.write(`Deleted session ${found.id.slice(0, 8)} of ${found.date}.\n`);
      });
    });

  program
    .command('exercise')
    .description('how to do an exercise: steps, cues, mistakes, dose, source (no id: the whole catalogue)')
    .argument('[id]', 'the exercise id, as `keel program` shows it')
    .option('--json', 'print JSON')
    .action((id: string | undefined, opts: { json?: boolean }) => {
      const catalogue = catalogueView();
      if (id === undefined) {
        if (opts.json) {
          printJson(catalogue);
          return;
        }
        const rows = catalogue.exercises.map((e) => [
          e.id,
          e.name,
          PROGRAM_REGION_LABELS[e.region],
          `${e.level}/${e.ladderLength}`,
        ]);
        process.stdout.write(`${table(['id', 'exercise', 'region', 'level'], rows)}\n`);
        return;
      }
      const exercise = catalogue.exercises.find((e) => e.id === id);
      if (!exercise) throw new UserError(`no exercise "${id}"; \`keel exercise\` lists them`);
      if (opts.json) printJson(exercise);
      else process.stdout.write(`${exerciseText(exercise)}\n`);
    });
}
