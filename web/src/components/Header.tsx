import type { AthleteView } from '../../../src/app/views.js';
import type { UnitSystem } from '../../../src/domain/units.js';
import type { Route } from '../hooks.js';

interface Props {
  athletes: AthleteView[];
  athlete: AthleteView | null;
  onChooseAthlete: (id: string) => void;
  onSetUnits: (units: UnitSystem) => void;
  unitsBusy: boolean;
  page: Route['page'];
  /** Shown as a mark on the Pain tab: a red flag must not hide on another page. */
  openRedFlags: number;
}

const NAV: { href: string; label: string; pages: Route['page'][] }[] = [
  { href: '#/', label: 'Runs', pages: ['runs', 'run'] },
  { href: '#/pain', label: 'Pain', pages: ['pain', 'report-pain'] },
  { href: '#/patterns', label: 'Patterns', pages: ['patterns'] },
  { href: '#/form', label: 'Form', pages: ['form'] },
  { href: '#/program', label: 'Program', pages: ['program', 'session'] },
  { href: '#/plan', label: 'Plan', pages: ['plan'] },
  { href: '#/benchmarks', label: 'Benchmarks', pages: ['benchmarks'] },
];

const UNIT_CHOICES: { units: UnitSystem; label: string; long: string }[] = [
  { units: 'metric', label: 'km', long: 'Kilometres' },
  { units: 'imperial', label: 'mi', long: 'Miles' },
];

export function Header({
  athletes,
  athlete,
  onChooseAthlete,
  onSetUnits,
  unitsBusy,
  page,
  openRedFlags,
}: Props) {
  return (
    <header class="site-header">
      <div class="site-header-inner">
        <a class="brand" href="#/" aria-label="Keel — your runs">
          <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <path d="M4 10h24L16 28z" />
          </svg>
          <span class="brand-name">Keel</span>
        </a>
        {athlete && (
          <nav class="site-nav" aria-label="Main">
            {NAV.map((item) => (
              <a
                key={item.href}
                href={item.href}
                class="site-nav-link"
                aria-current={item.pages.includes(page) ? 'page' : undefined}
                data-testid={`nav-${item.label.toLowerCase()}`}
              >
                {item.label}
                {item.label === 'Pain' && openRedFlags > 0 && (
                  <span class="nav-flag" title="Open red flag">
                    !
                    <span class="visually-hidden">
                      {' '}
                      ({openRedFlags} open red flag{openRedFlags === 1 ? '' : 's'})
                    </span>
                  </span>
                )}
              </a>
            ))}
          </nav>
        )}
        {athlete && (
          <div class="header-controls">
            {athletes.length > 1 ? (
              <label class="athlete-switcher">
                <span class="visually-hidden">Athlete</span>
                <select
                  data-testid="athlete-switcher"
                  value={athlete.id}
                  onChange={(e) => onChooseAthlete(e.currentTarget.value)}
                >
                  {athletes.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                      {a.isDemo ? ' (demo)' : ''}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <span class="athlete-name" data-testid="athlete-name">
                {athlete.name}
                {athlete.isDemo && <span class="badge badge-demo">demo</span>}
              </span>
            )}
            <fieldset class="unit-toggle" data-testid="unit-toggle" aria-busy={unitsBusy}>
              <legend class="visually-hidden">Distance unit</legend>
              {UNIT_CHOICES.map((choice) => (
                <label
                  key={choice.units}
                  class={athlete.units === choice.units ? 'is-selected' : ''}
                  title={choice.long}
                >
                  <input
                    type="radio"
                    name="units"
                    value={choice.units}
                    checked={athlete.units === choice.units}
                    data-testid={`units-${choice.label}`}
                    onChange={() => onSetUnits(choice.units)}
                  />
                  <span aria-hidden="true">{choice.label}</span>
                  <span class="visually-hidden">{choice.long}</span>
                </label>
              ))}
            </fieldset>
          </div>
        )}
      </div>
    </header>
  );
}
