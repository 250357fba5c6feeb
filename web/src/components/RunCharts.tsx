import { useEffect, useMemo, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import type { RunSeries } from '../../../src/app/views.js';
import { toDistanceUnit, type UnitSystem } from '../../../src/domain/units.js';
import { buildCharts, type ChartData, type ChartSpec } from '../charts/series.js';
import { ChartGroup, createChart } from '../charts/uplot-chart.js';
import { useWidth } from '../hooks.js';

/** Every channel of the run over distance, one chart each, with a shared cursor and zoom. */
interface Props {
  series: RunSeries;
  units: UnitSystem;
  /** Where the runner said pain began on this run, in metres: marked on every chart over distance. */
  painOnsetsM?: readonly number[];
}

const NO_ONSETS: readonly number[] = [];

export function RunCharts({ series, units, painOnsetsM = NO_ONSETS }: Props) {
  const data = useMemo(() => buildCharts(series, units), [series, units]);
  const group = useMemo(() => new ChartGroup(`run-${series.runId}`), [series.runId]);
  // Only a chart over distance can place a distance; over time the markers are left out.
  const painAt = useMemo(
    () => (data.xLabel === 'Distance' ? painOnsetsM.map((m) => toDistanceUnit(m, units)) : NO_ONSETS),
    [data, painOnsetsM, units],
  );
  if (data.charts.length === 0) {
    return <p class="muted">This run has no samples to chart.</p>;
  }
  return (
    <section class="charts" aria-labelledby="charts-title" data-testid="charts">
      <div class="charts-head">
        <h2 id="charts-title">Over the distance</h2>
        <p class="muted charts-help">
          Point at a chart to read every channel at that distance; drag across one to zoom in, double-click to
          zoom out.
          {painAt.length > 0 && (
            <>
              {' '}
              <span class="pain-marker-key" data-testid="pain-marker-key">
                The red dashed line is where the pain began.
              </span>
            </>
          )}
        </p>
      </div>
      {data.charts.map((spec) => (
        <Chart key={spec.id} data={data} spec={spec} group={group} painAt={painAt} />
      ))}
    </section>
  );
}

function describe(data: ChartData, spec: ChartSpec): string {
  const values = spec.y.filter((v): v is number => v !== null);
  if (values.length === 0) return `${spec.title}: no values`;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const end = data.x[data.x.length - 1] ?? 0;
  const [a, b] = spec.invert ? [hi, lo] : [lo, hi];
  return `${spec.title} between ${spec.formatValue(a)} and ${spec.formatValue(b)} ${spec.unit}, over ${data.formatX(end)} ${data.xUnit}.`;
}

function Chart({
  data,
  spec,
  group,
  painAt,
}: {
  data: ChartData;
  spec: ChartSpec;
  group: ChartGroup;
  painAt: readonly number[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const width = useWidth(ref);
  const measured = width > 0;
  useEffect(() => {
    const el = ref.current;
    if (!el || !measured) return;
    const created = createChart(el, data, spec, group, el.clientWidth, painAt);
    plot.current = created;
    return () => {
      group.remove(created);
      created.destroy();
      plot.current = null;
    };
  }, [data, spec, group, measured, painAt]);
  useEffect(() => {
    const p = plot.current;
    if (p && width > 0 && Math.abs(p.width - width) > 1)
      p.setSize({ width, height: width < 480 ? 150 : 180 });
  }, [width]);
  const titleId = `chart-${spec.id}-title`;
  return (
    <figure class="chart" data-testid={`chart-${spec.id}`} aria-labelledby={titleId}>
      <figcaption>
        <h3 id={titleId} class="chart-title">
          {spec.title} <span class="chart-unit">({spec.unit})</span>
        </h3>
        {spec.note && <p class="chart-note">{spec.note}</p>}
        <p class="visually-hidden">{describe(data, spec)}</p>
      </figcaption>
      <div class="chart-plot" ref={ref} />
    </figure>
  );
}
