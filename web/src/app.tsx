import type { ComponentChild } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AthleteView, ImportReport, PainReportView } from '../../src/app/views.js';
import type { UnitSystem } from '../../src/domain/units.js';
import { ApiError, api, type Health } from './api.js';
import { Header } from './components/Header.js';
import { Notice } from './components/Notice.js';
import { Preparing } from './components/Preparing.js';
import { RedFlagBanner } from './components/RedFlagBanner.js';
import { UploadZone } from './components/UploadZone.js';
import { useHashRoute } from './hooks.js';
import { BenchmarksPage } from './pages/BenchmarksPage.js';
import { FormPage } from './pages/FormPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { PainPage } from './pages/PainPage.js';
import { PainReportPage } from './pages/PainReportPage.js';
import { PatternsPage } from './pages/PatternsPage.js';
import { PlanPage } from './pages/PlanPage.js';
import { ProgramPage } from './pages/ProgramPage.js';
import { RunPage } from './pages/RunPage.js';
import { RunsPage } from './pages/RunsPage.js';
import { SessionPage } from './pages/SessionPage.js';

const ATHLETE_KEY = 'keel.athleteId';
const HEALTH_POLL_MS = 600;

function storedAthleteId(): string | null {
  try {
    return localStorage.getItem(ATHLETE_KEY);
  } catch {
    return null;
  }
}

function storeAthleteId(id: string): void {
  try {
    localStorage.setItem(ATHLETE_KEY, id);
  } catch {
    // private mode: the choice lasts for this visit only
  }
}

/** Polls /api/health until the database is open. */
function useHealth(): [Health | null, Error | null, () => void] {
  const [health, setHealth] = useState<Health | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const h = await api.health();
        if (stopped) return;
        setHealth(h);
        setError(null);
        if (h.status === 'starting') timer = setTimeout(poll, HEALTH_POLL_MS);
      } catch (e) {
        if (stopped) return;
        setError(e as Error);
        timer = setTimeout(poll, HEALTH_POLL_MS * 3);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [generation]);
  const recheck = useCallback(() => {
    setHealth(null);
    setGeneration((g) => g + 1);
  }, []);
  return [health, error, recheck];
}

export function App() {
  const [health, healthError, recheck] = useHealth();
  const ready = health?.status === 'ready';
  const [athletes, setAthletes] = useState<AthleteView[] | null>(null);
  const [athletesError, setAthletesError] = useState<Error | null>(null);
  const [athleteId, setAthleteId] = useState<string | null>(storedAthleteId);
  const [unitsError, setUnitsError] = useState<string | null>(null);
  const [unitsBusy, setUnitsBusy] = useState(false);
  /** Bumped on every change to pain reports, so that pages, patterns and the red-flag banner read them again. */
  const [painVersion, setPainVersion] = useState(0);
  const [redFlags, setRedFlags] = useState<PainReportView[]>([]);
  const route = useHashRoute();
  const painChanged = useCallback(() => setPainVersion((v) => v + 1), []);

  /** When the server says it is starting again (503), go back to the "preparing" screen. */
  const onApiError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.isStarting) recheck();
    },
    [recheck],
  );

  const loadAthletes = useCallback(async () => {
    try {
      const list = await api.athletes();
      setAthletes(list);
      setAthletesError(null);
    } catch (error) {
      setAthletesError(error as Error);
      onApiError(error);
    }
  }, [onApiError]);

  useEffect(() => {
    if (ready) void loadAthletes();
  }, [ready, loadAthletes]);

  const athlete = athletes?.find((a) => a.id === athleteId) ?? athletes?.[0] ?? null;

  const chooseAthlete = (id: string) => {
    setAthleteId(id);
    storeAthleteId(id);
    if (route.page !== 'runs') window.location.hash = '#/';
  };

  const setUnits = async (units: UnitSystem) => {
    if (!athlete || athlete.units === units) return;
    const previous = athletes;
    // Show the new unit at once; put the old one back if the server says no.
    setAthletes((list) => list?.map((a) => (a.id === athlete.id ? { ...a, units } : a)) ?? list);
    setUnitsBusy(true);
    try {
      const updated = await api.setUnits(athlete.id, units);
      setAthletes((list) => list?.map((a) => (a.id === updated.id ? updated : a)) ?? list);
      setUnitsError(null);
    } catch (error) {
      setAthletes(previous);
      setUnitsError(`Could not change units: ${(error as Error).message}`);
      onApiError(error);
    } finally {
      setUnitsBusy(false);
    }
  };

  /** After an import: refresh run counts, and follow the import to the athlete the server put it under. */
  const onImported = useCallback(
    async (report: ImportReport) => {
      await loadAthletes();
      if (report.athleteId !== athlete?.id) {
        setAthleteId(report.athleteId);
        storeAthleteId(report.athleteId);
      }
      if (report.trainingLogs.some((log) => log.totals.painReports > 0)) painChanged();
    },
    [loadAthletes, athlete?.id, painChanged],
  );

  // Open red flags hold distance progression, so they are shown on every page until a clinician clears them.
  const athleteShown = ready ? athlete?.id : undefined;
  useEffect(() => {
    if (!athleteShown) {
      setRedFlags([]);
      return;
    }
    let cancelled = false;
    api.redFlags(athleteShown).then(
      (list) => {
        if (!cancelled) setRedFlags(list);
      },
      (error: unknown) => onApiError(error),
    );
    return () => {
      cancelled = true;
    };
  }, [athleteShown, painVersion, onApiError]);

  const mainRef = useRef<HTMLElement>(null);
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    window.scrollTo(0, 0);
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }, [route.page, route.page === 'run' || route.page === 'report-pain' ? route.runId : '']);

  let body: ComponentChild;
  if (!ready) {
    body = <Preparing health={health} error={healthError} />;
  } else if (athletesError && !athletes) {
    body = (
      <Notice
        kind="error"
        title="Keel could not load your athletes"
        action={{ label: 'Try again', onClick: loadAthletes }}
      >
        {athletesError.message}
      </Notice>
    );
  } else if (!athletes) {
    body = (
      <p class="loading" role="status">
        Loading…
      </p>
    );
  } else if (!athlete) {
    body = (
      <div class="page runs-page" data-testid="no-athlete">
        <Notice kind="info" title="No runs yet">
          Drop your FIT files here, or import them from a terminal with{' '}
          <code>npx keel import ~/Downloads/*.fit</code>. To explore Keel with a demo athlete first, start it
          with <code>npx keel serve --demo</code>.
        </Notice>
        <UploadZone
          athleteId={null}
          units="metric"
          onImported={(report) => void onImported(report)}
          prominent
        />
      </div>
    );
  } else if (route.page === 'runs') {
    body = (
      <RunsPage athlete={athlete} onImported={(report) => void onImported(report)} onApiError={onApiError} />
    );
  } else if (route.page === 'run') {
    body = (
      <RunPage
        runId={route.runId}
        units={athlete.units}
        painVersion={painVersion}
        onPainChanged={painChanged}
        onApiError={onApiError}
        unitsBusy={unitsBusy}
      />
    );
  } else if (route.page === 'report-pain') {
    body = (
      <PainReportPage
        key={route.runId ?? 'day'}
        athlete={athlete}
        runId={route.runId}
        onPainChanged={painChanged}
        onApiError={onApiError}
      />
    );
  } else if (route.page === 'pain') {
    body = (
      <PainPage
        athlete={athlete}
        painVersion={painVersion}
        onPainChanged={painChanged}
        onApiError={onApiError}
      />
    );
  } else if (route.page === 'patterns') {
    body = <PatternsPage athlete={athlete} painVersion={painVersion} onApiError={onApiError} />;
  } else if (route.page === 'form') {
    body = <FormPage athlete={athlete} painVersion={painVersion} onApiError={onApiError} />;
  } else if (route.page === 'program') {
    body = <ProgramPage athlete={athlete} painVersion={painVersion} onApiError={onApiError} />;
  } else if (route.page === 'session') {
    body = (
      <SessionPage key={String(route.log)} athlete={athlete} logOnly={route.log} onApiError={onApiError} />
    );
  } else if (route.page === 'benchmarks') {
    body = (
      <BenchmarksPage
        athlete={athlete}
        onAthleteChanged={() => void loadAthletes()}
        onApiError={onApiError}
      />
    );
  } else if (route.page === 'plan') {
    body = <PlanPage athlete={athlete} painVersion={painVersion} onApiError={onApiError} />;
  } else {
    body = <NotFoundPage path={route.path} />;
  }

  return (
    <>
      <button type="button" class="skip-link" onClick={() => mainRef.current?.focus()}>
        Skip to content
      </button>
      <Header
        athletes={ready ? (athletes ?? []) : []}
        athlete={ready ? athlete : null}
        onChooseAthlete={chooseAthlete}
        onSetUnits={setUnits}
        unitsBusy={unitsBusy}
        page={route.page}
        openRedFlags={redFlags.length}
      />
      <main id="main" ref={mainRef} tabIndex={-1}>
        {unitsError && (
          <Notice kind="error" title="Units not changed" onDismiss={() => setUnitsError(null)}>
            {unitsError}
          </Notice>
        )}
        {athlete && route.page !== 'not-found' && (
          <RedFlagBanner reports={redFlags} onCleared={painChanged} />
        )}
        {body}
      </main>
      <footer class="site-footer">
        <p>
          Keel educates and guides; it does not diagnose. Pain that is sharp, swollen, or there at rest: see a
          clinician.
        </p>
        {health?.version && <p class="muted">Keel {health.version}</p>}
      </footer>
    </>
  );
}
