import { useEffect, useRef } from 'react';
import { init, type EChartsCoreOption } from './echarts';

type Instance = ReturnType<typeof init>;

/**
 * One ECharts chart (SVG, so the printed PDF stays vector). `onPoint` gets the index of
 * the category (month) and the series clicked; `animate` is off for print.
 */
export function Chart({ option, height, onPoint, animate = true, testId }: { option: EChartsCoreOption; height: number; onPoint?: (dataIndex: number, seriesIndex: number) => void; animate?: boolean; testId?: string }) {
  const ref = useRef<HTMLDivElement | null>(null);
  const chartRef = useRef<Instance | null>(null);
  const pointRef = useRef(onPoint);
  useEffect(() => {
    pointRef.current = onPoint;
  }, [onPoint]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'svg' });
    chartRef.current = chart;
    chart.on('click', (p) => {
      const e = p as { dataIndex?: number; seriesIndex?: number };
      if (typeof e.dataIndex === 'number') pointRef.current?.(e.dataIndex, e.seriesIndex ?? 0);
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);
  useEffect(() => {
    chartRef.current?.setOption({ animation: animate, ...option }, true);
  }, [option, animate]);
  return <div ref={ref} style={{ height, width: '100%' }} data-testid={testId} />;
}
