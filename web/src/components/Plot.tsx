import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import { useWidth } from '../hooks.js';

interface Props {
  /** Draws the chart into `target`; a new function (new data) draws it again. */
  make: (target: HTMLElement, width: number) => uPlot;
  height: (width: number) => number;
  testId?: string;
}

/** A uPlot chart that fills its container's width and follows resizes. */
export function Plot({ make, height, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const width = useWidth(ref);
  const measured = width > 0;
  useEffect(() => {
    const el = ref.current;
    if (!el || !measured) return;
    const created = make(el, el.clientWidth);
    plot.current = created;
    return () => {
      created.destroy();
      plot.current = null;
    };
  }, [make, measured]);
  useEffect(() => {
    const p = plot.current;
    if (p && width > 0 && Math.abs(p.width - width) > 1) p.setSize({ width, height: height(width) });
  }, [width, height]);
  return <div class="chart-plot" ref={ref} data-testid={testId} />;
}
