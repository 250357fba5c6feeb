import type { AthletePatchBody } from '../../src/app/athlete-input.js';
import type { PainReportBody, PainReportPatch } from '../../src/app/pain/input.js';
import type { GoalRaceBody } from '../../src/app/plan/input.js';
import type { ProgramSettingsBody, SessionLogBody, SessionLogPatch } from '../../src/app/program/input.js';
import type {
  AthleteView,
  BenchmarkResultView,
  BenchmarksView,
  CatalogueView,
  FormSummaryView,
  GoalView,
  ImportReport,
  PainPatternView,
  PainReportView,
  PlanView,
  ProgramView,
  RunDetail,
  RunFormView,
  RunListItem,
  RunSeries,
  RunSpikeView,
  SessionLogView,
} from '../../src/app/views.js';
import type { BenchmarkResultInput } from '../../src/coach/benchmarks/input.js';
import type { UnitSystem } from '../../src/domain/units.js';

/** The typed client of Keel's HTTP API (src/server). Every call rejects with an ApiError on failure. */

export interface Health {
  status: 'starting' | 'ready' | 'failed';
  message?: string;
  version?: string;
}

export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The server is up but its database is still opening. */
  get isStarting(): boolean {
    return this.status === 503;
  }
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string' && body.error) return body.error;
  } catch {
    // not JSON: fall through to the status line
  }
  return `${response.status} ${response.statusText || 'error'}`.trim();
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch {
    throw new ApiError('Keel is not reachable. Is `keel serve` still running?', 0);
  }
  if (!response.ok) throw new ApiError(await errorMessage(response), response.status);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function sendJson(method: 'POST' | 'PATCH' | 'PUT', body: unknown): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

const enc = encodeURIComponent;

export const api = {
  health: () => request<Health>('api/health'),
  athletes: () => request<AthleteView[]>('api/athletes'),
  /** Name, units, or what the norms need (sex, birthYear; null clears); a 400 or 422 names the field. */
  updateAthlete: (athleteId: string, patch: AthletePatchBody) =>
    request<AthleteView>(`api/athletes/${enc(athleteId)}`, sendJson('PATCH', patch)),
  setUnits: (athleteId: string, units: UnitSystem): Promise<AthleteView> =>
    api.updateAthlete(athleteId, { units }),
  runs: (athleteId: string) => request<RunListItem[]>(`api/athletes/${enc(athleteId)}/runs`),
  run: (runId: string) => request<RunDetail>(`api/runs/${enc(runId)}`),
  series: (runId: string, points: number) =>
    request<RunSeries>(`api/runs/${enc(runId)}/series?points=${Math.round(points)}`),
  painReports: (athleteId: string) =>
    request<PainReportView[]>(`api/athletes/${enc(athleteId)}/pain-reports`),
  runPainReports: (runId: string) => request<PainReportView[]>(`api/runs/${enc(runId)}/pain-reports`),
  addPainReport: (athleteId: string, body: PainReportBody) =>
    request<PainReportView>(`api/athletes/${enc(athleteId)}/pain-reports`, sendJson('POST', body)),
  updatePainReport: (reportId: string, patch: PainReportPatch) =>
    request<PainReportView>(`api/pain-reports/${enc(reportId)}`, sendJson('PATCH', patch)),
  clearRedFlag: (reportId: string, note: string) =>
    request<PainReportView>(`api/pain-reports/${enc(reportId)}/clear`, sendJson('POST', { note })),
  deletePainReport: (reportId: string) =>
    request<void>(`api/pain-reports/${enc(reportId)}`, { method: 'DELETE' }),
  /** Open red flags: stop-level reports no clinician has cleared yet. */
  redFlags: (athleteId: string) => request<PainReportView[]>(`api/athletes/${enc(athleteId)}/red-flags`),
  patterns: (athleteId: string, days: number) =>
    request<PainPatternView[]>(`api/athletes/${enc(athleteId)}/patterns?days=${Math.round(days)}`),
  /** Where the run's form starts to drift at the same speed and grade. */
  runForm: (runId: string) => request<RunFormView>(`api/runs/${enc(runId)}/form`),
  /** Form across the athlete's runs of the last `days` days. */
  form: (athleteId: string, days: number) =>
    request<FormSummaryView>(`api/athletes/${enc(athleteId)}/form?days=${Math.round(days)}`),
  /** Every exercise of the catalogue, with its family and ladder. */
  exercises: () => request<CatalogueView>('api/exercises'),
  /** The athlete's program as of a day (YYYY-MM-DD), today when left out. */
  program: (athleteId: string, date?: string) =>
    request<ProgramView>(`api/athletes/${enc(athleteId)}/program${date ? `?date=${enc(date)}` : ''}`),
  setProgramSettings: (athleteId: string, body: ProgramSettingsBody) =>
    request<ProgramView>(`api/athletes/${enc(athleteId)}/program`, sendJson('PUT', body)),
  /** Logged sessions, newest first. */
  programSessions: (athleteId: string) =>
    request<SessionLogView[]>(`api/athletes/${enc(athleteId)}/program/sessions`),
  logSession: (athleteId: string, body: SessionLogBody) =>
    request<SessionLogView>(`api/athletes/${enc(athleteId)}/program/sessions`, sendJson('POST', body)),
  /** The next morning's pain or a note, added after the session. */
  updateSession: (sessionId: string, patch: SessionLogPatch) =>
    request<SessionLogView>(`api/program-sessions/${enc(sessionId)}`, sendJson('PATCH', patch)),
  deleteSession: (sessionId: string) =>
    request<void>(`api/program-sessions/${enc(sessionId)}`, { method: 'DELETE' }),
  benchmarks: (athleteId: string) => request<BenchmarksView>(`api/athletes/${enc(athleteId)}/benchmarks`),
  /** One test day's results; a 400 names each bad entry as `body.results.N.field: …`. */
  addBenchmarks: (athleteId: string, body: { results: BenchmarkResultInput[] }) =>
    request<BenchmarkResultView[]>(`api/athletes/${enc(athleteId)}/benchmarks`, sendJson('POST', body)),
  deleteBenchmark: (resultId: string) =>
    request<void>(`api/benchmarks/${enc(resultId)}`, { method: 'DELETE' }),
  /** Every goal race, soonest first. */
  goals: (athleteId: string) => request<GoalView[]>(`api/athletes/${enc(athleteId)}/goals`),
  /** A new goal race; resolves with the plan toward the next goal. A 422 names the field: `date: …`. */
  addGoal: (athleteId: string, body: GoalRaceBody) =>
    request<PlanView>(`api/athletes/${enc(athleteId)}/goals`, sendJson('POST', body)),
  deleteGoal: (goalId: string) => request<void>(`api/goals/${enc(goalId)}`, { method: 'DELETE' }),
  /** The plan toward the next goal race; null when there is no goal yet (the server's 404). */
  plan: async (athleteId: string): Promise<PlanView | null> => {
    try {
      return await request<PlanView>(`api/athletes/${enc(athleteId)}/plan`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  /** The run against the longest run of the 30 days before it (the Garmin-RUNSAFE spike bands). */
  runSpike: (runId: string) => request<RunSpikeView>(`api/runs/${enc(runId)}/spike`),
};

/** The plan's long runs and race as an iCalendar file, for a calendar app (a link, not a fetch). */
export function planIcsUrl(athleteId: string): string {
  return `api/athletes/${enc(athleteId)}/plan.ics`;
}

/** Everything of the athlete's, losslessly (docs/export-format.md), as a file the browser saves. */
export function exportUrl(athleteId: string): string {
  return `api/athletes/${enc(athleteId)}/export`;
}

/** One of the spreadsheets of the athlete's data, as a file the browser saves. */
export function csvUrl(athleteId: string, table: 'runs' | 'pain' | 'benchmarks' | 'sessions'): string {
  return `api/athletes/${enc(athleteId)}/export/${table}.csv`;
}

export interface UploadProgress {
  /** Bytes sent so far and in all; `sent === total` means the server is now importing. */
  sent: number;
  total: number;
}

/** How far the server has got importing an upload (from its progress lines): files in bytes, a Keel export in records. */
export type ImportingProgress =
  | { files: number; imported: number; doneBytes: number; totalBytes: number }
  | { doneRecords: number; totalRecords: number };

type ImportEvent =
  | ({ type: 'progress' } & ImportingProgress)
  | { type: 'report'; report: ImportReport }
  | { type: 'error'; error: string };

/**
 * Uploads files as one multipart request (parts named `files`) and follows the import as the server streams its
 * progress (`application/x-ndjson`: progress lines, then the report). Uses XMLHttpRequest because fetch cannot
 * report upload progress.
 */
export function importFiles(
  /** The athlete to import into; `null` sends the files to the runner's own athlete, as `keel import` does. */
  athleteId: string | null,
  files: readonly File[],
  onProgress: (progress: UploadProgress) => void,
  onImporting: (progress: ImportingProgress) => void,
): Promise<ImportReport> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  const total = files.reduce((sum, f) => sum + f.size, 0);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', athleteId === null ? 'api/imports' : `api/athletes/${enc(athleteId)}/imports`);
    xhr.responseType = 'text';
    xhr.setRequestHeader('accept', 'application/x-ndjson, application/json');
    xhr.upload.onprogress = (e) => {
      onProgress({ sent: e.lengthComputable ? Math.min(e.loaded, e.total) : 0, total: e.total || total });
    };
    xhr.upload.onload = () => onProgress({ sent: total, total });
    let seen = 0;
    let outcome: ImportEvent | undefined;
    const readEvents = () => {
      if (!(xhr.getResponseHeader('content-type') ?? '').includes('ndjson')) return;
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n') + 1;
      for (const line of text.slice(seen, end).split('\n')) {
        if (!line.trim()) continue;
        const event = JSON.parse(line) as ImportEvent;
        if (event.type === 'progress') onImporting(event);
        else outcome = event;
      }
      seen = end;
    };
    xhr.onprogress = readEvents;
    xhr.onerror = () => reject(new ApiError('The upload failed: Keel is not reachable.', 0));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        readEvents();
        if (outcome?.type === 'report') return resolve(outcome.report);
        if (outcome?.type === 'error') return reject(new ApiError(outcome.error, 500));
      }
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body as ImportReport);
      else {
        const message =
          body && typeof (body as { error?: unknown }).error === 'string'
            ? (body as { error: string }).error
            : `${xhr.status} ${xhr.statusText || 'error'}`;
        reject(new ApiError(message, xhr.status));
      }
    };
    xhr.send(form);
  });
}
