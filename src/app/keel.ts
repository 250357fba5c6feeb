import { randomUUID } from 'node:crypto';
import { thinStreams } from '../analysis/thin-series.js';
import { CHANNELS, type Channel } from '../domain/channels.js';
import type { UnitSystem } from '../domain/units.js';
import {
  type ActivityRow,
  type Database,
  type DatabaseConfig,
  type Db,
  findActivitiesByIdPrefix,
  getActivity,
  getStreams,
  insertAthlete,
  listActivities,
  listAthletes,
  listSources,
  openDatabase,
  updateAthleteUnits,
} from '../store/index.js';
import { createDecodePool, type ImportHooks, type ImportItem, runImport } from './import/index.js';
import type {
  AthleteView,
  FileImportResult,
  ImportReport,
  RunDetail,
  RunListItem,
  RunSeries,
} from './views.js';
import { athleteView, runDetail, runListItem } from './views-map.js';

/** The name given to the athlete Keel creates on a first import into an empty database. */
export const FIRST_ATHLETE_NAME = 'Me';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type RunLookup =
  | { kind: 'found'; run: RunDetail }
  | { kind: 'not-found'; message: string }
  | { kind: 'ambiguous'; message: string };

/**
 * Keel's use cases: the one API the CLI, the HTTP server and (through the server) the web app use.
 * It owns transactions; nothing above it touches the database.
 */
export class Keel {
  private constructor(
    private readonly database: Database,
    private readonly db: Db,
  ) {}

  static async open(config: DatabaseConfig): Promise<Keel> {
    const database = await openDatabase(config);
    return new Keel(database, database.db);
  }

  get engine(): DatabaseConfig['engine'] {
    return this.database.engine;
  }

  close(): Promise<void> {
    return this.database.close();
  }

  /** Runs `work` in one transaction: all of its writes are stored, or none. Nested calls become savepoints. */
  transaction<T>(work: (keel: Keel) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(new Keel(this.database, tx)));
  }

  /** All athletes, the default one first (the first who is not the demo). */
  async athletes(): Promise<AthleteView[]> {
    return (await listAthletes(this.db)).map(athleteView);
  }

  async athlete(id: string): Promise<AthleteView | undefined> {
    if (!UUID_PATTERN.test(id)) return undefined;
    return (await this.athletes()).find((a) => a.id === id);
  }

  /** The athlete a command acts on when none is named, if there is any. */
  async defaultAthlete(): Promise<AthleteView | undefined> {
    return (await this.athletes())[0];
  }

  /** The athlete imports go to when none is named: the default one, or a new one when only the demo exists. */
  async importTarget(): Promise<AthleteView> {
    const own = (await this.athletes()).find((a) => !a.isDemo);
    if (own) return own;
    return this.createAthlete({ name: FIRST_ATHLETE_NAME, units: 'metric' });
  }

  async createAthlete(input: {
    name: string;
    units: UnitSystem;
    birthYear?: number | null;
    sex?: 'female' | 'male' | null;
    isDemo?: boolean;
  }): Promise<AthleteView> {
    const row = await insertAthlete(this.db, { id: randomUUID(), ...input });
    return athleteView({ ...row, runCount: 0 });
  }

  async setUnits(athleteId: string, units: UnitSystem): Promise<AthleteView | undefined> {
    if (!UUID_PATTERN.test(athleteId)) return undefined;
    const row = await updateAthleteUnits(this.db, athleteId, units);
    return row ? this.athlete(row.id) : undefined;
  }

  /**
   * Imports activity files, decoding on `threads` worker threads (none: on this thread) and storing them in
   * batches of whole files; `hooks` hear each file's result and the progress as they are stored.
   */
  async importFiles(
    athleteId: string,
    items: Iterable<ImportItem | FileImportResult> | AsyncIterable<ImportItem | FileImportResult>,
    options: ImportHooks & { threads?: number } = {},
  ): Promise<ImportReport> {
    const pool = createDecodePool(options.threads ?? 0);
    try {
      return summarise(athleteId, await runImport(this.db, athleteId, items, pool, options));
    } finally {
      await pool.close();
    }
  }

  async runs(athleteId: string): Promise<RunListItem[]> {
    return (await listActivities(this.db, athleteId)).map(runListItem);
  }

  /** A run by its id or an unambiguous prefix of it (at least 4 characters), as the CLI shows them. */
  async findRun(idOrPrefix: string): Promise<RunLookup> {
    const wanted = idOrPrefix.trim().toLowerCase();
    if (UUID_PATTERN.test(wanted)) {
      const row = await getActivity(this.db, wanted);
      return row
        ? { kind: 'found', run: await this.detail(row) }
        : { kind: 'not-found', message: `no run with id ${wanted}` };
    }
    if (!/^[0-9a-f-]{4,}$/.test(wanted)) {
      return { kind: 'not-found', message: `"${idOrPrefix}" is not a run id (ids look like 3f2a9c1e-…)` };
    }
    const rows = await findActivitiesByIdPrefix(this.db, wanted);
    const [first, second] = rows;
    if (!first) return { kind: 'not-found', message: `no run with an id starting ${wanted}` };
    if (second)
      return { kind: 'ambiguous', message: `several runs have ids starting ${wanted}; give more characters` };
    return { kind: 'found', run: await this.detail(first) };
  }

  private async detail(row: ActivityRow): Promise<RunDetail> {
    return runDetail(row, await listSources(this.db, row.id));
  }

  /** A run's samples for charts, thinned to at most `maxPoints`. */
  async runSeries(runId: string, maxPoints: number): Promise<RunSeries | undefined> {
    if (!UUID_PATTERN.test(runId)) return undefined;
    const streams = await getStreams(this.db, runId);
    if (!streams) return undefined;
    const thinned = thinStreams(streams, maxPoints);
    const channels: Partial<Record<Channel, (number | null)[]>> = {};
    for (const channel of CHANNELS) {
      const values = thinned[channel];
      if (values) channels[channel] = Array.from(values, (v) => (Number.isNaN(v) ? null : v));
    }
    return { runId, points: thinned.time.length, rawPoints: streams.time.length, channels };
  }
}

function summarise(athleteId: string, files: FileImportResult[]): ImportReport {
  const count = (status: FileImportResult['status']) => files.filter((f) => f.status === status).length;
  return {
    athleteId,
    files,
    totals: {
      files: files.length,
      imported: count('imported'),
      duplicates: count('duplicate'),
      rejected: count('rejected'),
      skipped: count('skipped'),
    },
  };
}
