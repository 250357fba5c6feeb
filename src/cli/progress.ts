import type { FileImportResult, ImportProgress, InputProgress } from '../app/index.js';
import { formatDuration } from '../domain/units.js';

const MB = 1024 * 1024;
const BAR_WIDTH = 24;
/** Often enough to look alive, rarely enough not to cost anything. */
const REDRAW_MS = 200;
/** Lines on a pipe or in a log: one every this share of the work. */
const PLAIN_STEP = 0.1;
/** The commonest reasons in the summary; every file's own line says the rest. */
const MAX_REASONS = 6;

export interface ProgressLine {
  progress: ImportProgress;
  input: InputProgress;
  elapsedMs: number;
}

/** "▕██████░░░░░░▏ " on a terminal, nothing elsewhere. */
function bar(fraction: number, withBar: boolean): string {
  if (!withBar) return '';
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * BAR_WIDTH);
  return `▕${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}▏ `;
}

/** "▕██████░░░░░░▏ 412 files · 38.2 of 91.0 MB · 1:12 left" */
export function progressText({ progress, input, elapsedMs }: ProgressLine, withBar: boolean): string {
  const fraction = input.totalBytes > 0 ? Math.min(1, input.doneBytes / input.totalBytes) : 0;
  const parts = [
    `${progress.files} file${progress.files === 1 ? '' : 's'}`,
    `${(input.doneBytes / MB).toFixed(1)} of ${(input.totalBytes / MB).toFixed(1)} MB`,
  ];
  // Too early to say until some of the input is done.
  if (fraction > 0.02 && fraction < 1)
    parts.push(`${formatDuration(((1 - fraction) / fraction) * (elapsedMs / 1000))} left`);
  return `${bar(fraction, withBar)}${parts.join(' · ')}`;
}

/** "▕███░░░░░░▏ Exporting runs’ samples 12/56" */
export function countText(label: string, done: number, total: number, withBar: boolean): string {
  return `${bar(total > 0 ? done / total : 0, withBar)}${label} ${done}/${total}`;
}

/**
 * Progress on stderr, for every long command alike: on a terminal, one line redrawn in place (at most every
 * `REDRAW_MS`); on a pipe or in a log, a `progress:` line each tenth of the way.
 */
export class StderrProgress {
  private lastDraw = Number.NEGATIVE_INFINITY;
  private lastPlainStep = 0;
  private drawn = false;

  constructor(
    private readonly err: NodeJS.WriteStream,
    private readonly now: () => number,
  ) {}

  get interactive(): boolean {
    return this.err.isTTY === true;
  }

  /** `text(withBar)` is only called when a line is written. */
  show(fraction: number, text: (withBar: boolean) => string): void {
    if (this.interactive) {
      const now = this.now();
      if (now - this.lastDraw < REDRAW_MS) return;
      this.lastDraw = now;
      this.err.write(`\r\x1b[2K${text(true)}`);
      this.drawn = true;
      return;
    }
    const step = Math.floor(fraction / PLAIN_STEP);
    if (step > this.lastPlainStep) {
      this.lastPlainStep = step;
      this.err.write(`progress: ${text(false)}\n`);
    }
  }

  /** Removes the line so that what follows starts on a clean one. */
  clear(): void {
    if (!this.drawn) return;
    this.err.write('\r\x1b[2K');
    this.drawn = false;
  }
}

/** Why files were skipped or rejected, counted: "cycling session skipped ×2; not a FIT file ×1". */
export function reasonsSummary(files: FileImportResult[], status: 'skipped' | 'rejected'): string {
  const counts = new Map<string, number>();
  for (const f of files) {
    if (f.status !== status) continue;
    const reason = f.message.replace(/^no running session: /, '');
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const shown = ranked.slice(0, MAX_REASONS).map(([reason, n]) => (n > 1 ? `${reason} ×${n}` : reason));
  const rest = ranked.slice(MAX_REASONS).reduce((sum, [, n]) => sum + n, 0);
  return [...shown, ...(rest > 0 ? [`${rest} more, listed above`] : [])].join('; ');
}

/** Counted progress on stderr for export, its re-import and the demo; none with --json, whose callers want stderr quiet. */
export function countProgress(
  label: string,
  enabled: boolean,
): { update: (done: number, total: number) => void; end: () => void } {
  const line = new StderrProgress(process.stderr, Date.now);
  return {
    update(done, total) {
      if (enabled && total > 0) line.show(done / total, (withBar) => countText(label, done, total, withBar));
    },
    end: () => line.clear(),
  };
}

/**
 * Shows an import's progress: on a terminal, a bar redrawn in place on stderr, with a line only for files that
 * need a look (rejected, or merged with a stored run; the summary counts skipped ones); elsewhere, every file's line
 * and a progress line every tenth.
 */
export class ImportProgressView {
  private readonly line: StderrProgress;

  constructor(
    private readonly out: NodeJS.WriteStream,
    err: NodeJS.WriteStream,
    private readonly input: InputProgress,
    private readonly startedAt: number,
    private readonly now: () => number,
  ) {
    this.line = new StderrProgress(err, now);
  }

  file(result: FileImportResult, line: string): void {
    const noteworthy = result.status === 'rejected' || result.runs.some((r) => r.status === 'merged');
    if (this.line.interactive && !noteworthy) return;
    this.clear();
    this.out.write(`${line}\n`);
  }

  update(progress: ImportProgress): void {
    const state = { progress, input: this.input, elapsedMs: this.now() - this.startedAt };
    const fraction = this.input.doneBytes / Math.max(1, this.input.totalBytes);
    this.line.show(fraction, (withBar) => progressText(state, withBar));
  }

  clear(): void {
    this.line.clear();
  }
}
