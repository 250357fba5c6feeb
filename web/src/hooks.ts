import { useCallback, useEffect, useState } from 'preact/hooks';

export type Resource<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ok'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: Error };

/**
 * Loads data when `deps` change and again on `reload()`. Keeps showing the previous data while reloading,
 * so that a refresh does not flash a spinner.
 */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): [Resource<T>, () => void] {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let cancelled = false;
    load().then(
      (data) => {
        if (!cancelled) setState({ status: 'ok', data });
      },
      (error: unknown) => {
        if (!cancelled)
          setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [state, reload];
}

export type Route =
  | { page: 'runs' }
  | { page: 'run'; runId: string }
  | { page: 'report-pain'; runId: string | null }
  | { page: 'pain' }
  | { page: 'patterns' }
  | { page: 'form' }
  | { page: 'program' }
  /** Today's session in the player; `log` opens its log form straight away (done without the player). */
  | { page: 'session'; log: boolean }
  | { page: 'benchmarks' }
  /** The race plan: goal races and the long runs toward the next one. */
  | { page: 'plan' }
  | { page: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '') return { page: 'runs' };
  const run = /^\/runs\/([^/?#]+)(\/report-pain)?\/?$/.exec(path);
  if (run?.[1]) {
    const runId = decodeURIComponent(run[1]);
    return run[2] ? { page: 'report-pain', runId } : { page: 'run', runId };
  }
  if (/^\/pain\/new\/?$/.test(path)) return { page: 'report-pain', runId: null };
  if (/^\/pain\/?$/.test(path)) return { page: 'pain' };
  if (/^\/patterns\/?$/.test(path)) return { page: 'patterns' };
  if (/^\/form\/?$/.test(path)) return { page: 'form' };
  if (/^\/program\/?$/.test(path)) return { page: 'program' };
  if (/^\/program\/session\/?$/.test(path)) return { page: 'session', log: false };
  if (/^\/program\/session\/log\/?$/.test(path)) return { page: 'session', log: true };
  if (/^\/benchmarks\/?$/.test(path)) return { page: 'benchmarks' };
  if (/^\/plan\/?$/.test(path)) return { page: 'plan' };
  return { page: 'not-found', path };
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function runHref(runId: string): string {
  return `#/runs/${encodeURIComponent(runId)}`;
}

/** The pain form for a run, or for a day without one. */
export function reportPainHref(runId: string | null): string {
  return runId === null ? '#/pain/new' : `${runHref(runId)}/report-pain`;
}

/** Width of an element, following resizes. */
export function useWidth(ref: { current: HTMLElement | null }): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
