import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ImportReport } from '../../../src/app/views.js';
import type { UnitSystem } from '../../../src/domain/units.js';
import { ApiError, type ImportingProgress, importFiles, type UploadProgress } from '../api.js';
import { plural } from '../format.js';
import { ImportResults, importSummary } from './ImportResults.js';

interface Props {
  /** Where the files go; `null` for the runner's own athlete (when the demo, or nobody, is shown). */
  athleteId: string | null;
  units: UnitSystem;
  /** Called with the athlete the server imported into, after every upload that reached the server. */
  onImported: (report: ImportReport) => void;
  /** Compact when the runner already has runs; large and inviting on an empty list. */
  prominent: boolean;
}

type UploadState =
  | { kind: 'idle' }
  | {
      kind: 'uploading';
      files: number;
      bytes: number;
      progress: UploadProgress | null;
      importing: ImportingProgress | null;
    }
  | { kind: 'done'; report: ImportReport }
  | { kind: 'failed'; message: string };

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function importingText(p: ImportingProgress): string {
  if ('doneRecords' in p) return `Importing the Keel export… ${p.doneRecords} of ${p.totalRecords} records`;
  return (
    `Importing… ${plural(p.files, 'file')} done, ${p.imported} with new runs ` +
    `(${formatBytes(p.doneBytes)} of ${formatBytes(p.totalBytes)})`
  );
}

/** The share done, or null before the server knows the total. */
function importedShare(p: ImportingProgress): number | null {
  const [done, total] = 'doneRecords' in p ? [p.doneRecords, p.totalRecords] : [p.doneBytes, p.totalBytes];
  return total > 0 ? done / total : null;
}

/**
 * Drop FIT files (or a training-log CSV) anywhere on the page (the zone lights up) or pick them with the button;
 * they go to the server in one request and each file's outcome, and each log row's, is listed.
 */
export function UploadZone({ athleteId, units, onImported, prominent }: Props) {
  const [state, setState] = useState<UploadState>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  const busy = state.kind === 'uploading';

  const upload = async (list: FileList | File[] | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length === 0 || busy) return;
    const bytes = files.reduce((sum, f) => sum + f.size, 0);
    setState({ kind: 'uploading', files: files.length, bytes, progress: null, importing: null });
    try {
      const report = await importFiles(
        athleteId,
        files,
        (progress) => setState((s) => (s.kind === 'uploading' ? { ...s, progress } : s)),
        (importing) => setState((s) => (s.kind === 'uploading' ? { ...s, importing } : s)),
      );
      setState({ kind: 'done', report });
      onImported(report);
    } catch (error) {
      const message = error instanceof ApiError ? error.message : String(error);
      setState({ kind: 'failed', message });
    } finally {
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  // The whole page is a drop target: a file dropped beside the zone must not make the browser open it.
  const uploadRef = useRef(upload);
  uploadRef.current = upload;
  useEffect(() => {
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      void uploadRef.current(e.dataTransfer ? Array.from(e.dataTransfer.files) : []);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  const progress = state.kind === 'uploading' ? state.progress : null;
  const sentFraction = progress && progress.total > 0 ? progress.sent / progress.total : 0;
  const importing = state.kind === 'uploading' && progress !== null && sentFraction >= 1;

  return (
    <section
      class={`upload${prominent ? ' upload-prominent' : ''}${dragging ? ' is-dragging' : ''}`}
      aria-labelledby={`${inputId}-title`}
      data-testid="upload"
    >
      <div class="upload-zone" data-testid="dropzone">
        <svg class="upload-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 16V4m0 0-4.5 4.5M12 4l4.5 4.5M4 15v3.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V15" />
        </svg>
        <div class="upload-text">
          <h2 id={`${inputId}-title`} class="upload-title">
            {dragging ? 'Drop to add these runs' : 'Add runs'}
          </h2>
          <p id={hintId} class="upload-hint">
            Drag <strong>.fit</strong>, <strong>.tcx</strong> or <strong>.gpx</strong> files here, a whole
            Strava or Garmin export <strong>.zip</strong>, your training log as <strong>.csv</strong>, or a
            Keel export (<strong>.ndjson.gz</strong>) on its own.
          </p>
        </div>
        <input
          ref={inputRef}
          id={inputId}
          class="visually-hidden"
          type="file"
          multiple
          accept=".fit,.tcx,.gpx,.zip,.gz,.csv,text/csv,application/vnd.ant.fit,application/zip,application/gzip,application/gpx+xml,application/octet-stream"
          aria-describedby={hintId}
          disabled={busy}
          data-testid="file-input"
          onChange={(e) => void upload(e.currentTarget.files)}
        />
        <label for={inputId} class={`button button-primary${busy ? ' is-disabled' : ''}`}>
          Choose files…
        </label>
      </div>

      {state.kind === 'uploading' && (
        <div class="upload-progress" data-testid="upload-progress">
          <p>
            {importing
              ? state.importing
                ? importingText(state.importing)
                : `Importing ${plural(state.files, 'file')}…`
              : `Uploading ${plural(state.files, 'file')} (${formatBytes(state.bytes)})…`}
          </p>
          {importing ? (
            state.importing && importedShare(state.importing) !== null ? (
              <progress
                key="importing"
                max={1}
                value={importedShare(state.importing) as number}
                aria-label="Import progress"
                data-testid="import-progress"
              />
            ) : (
              <progress key="importing" aria-label="Importing" />
            )
          ) : (
            <progress key="uploading" max={1} value={sentFraction} aria-label="Upload progress" />
          )}
        </div>
      )}
      <p class="visually-hidden" role="status">
        {state.kind === 'uploading' && (importing ? 'Importing…' : 'Uploading…')}
        {state.kind === 'done' && importSummary(state.report)}
      </p>
      {state.kind === 'failed' && (
        <div class="notice notice-error" role="alert" data-testid="upload-error">
          <div class="notice-body">
            <p class="notice-title">The upload did not go through</p>
            <p class="notice-text">{state.message}</p>
          </div>
          <div class="notice-actions">
            <button type="button" class="button button-quiet" onClick={() => setState({ kind: 'idle' })}>
              Dismiss
            </button>
          </div>
        </div>
      )}
      {state.kind === 'done' && (
        <ImportResults report={state.report} units={units} onDismiss={() => setState({ kind: 'idle' })} />
      )}
    </section>
  );
}
