import { useMemo } from 'react';
import type { Figures } from './data';
import { EChart } from './EChart';
import { daysBetween } from './period';
import { useDashText } from './strings';

/** Reported and closed per day of the period (by=day; days without reports are zero). */
export function TrendChart({ figures, dark, height, big }: { figures: Figures | null; dark?: boolean; height: number; big?: boolean }) {
  const s = useDashText();
  const option = useMemo(() => {
    const rows = new Map((figures?.rows ?? []).map((r) => [r.key, r.metrics]));
    const days = figures ? daysBetween(figures.from, figures.to) : [];
    const font = big ? 16 : 12;
    const series = (name: string, metric: string, colour: string, area: boolean) => ({
      name, type: 'line', smooth: true, showSymbol: days.length <= 31, itemStyle: { color: colour }, ...(area ? { areaStyle: { opacity: 0.12 } } : {}),
      data: days.map((d) => rows.get(d)?.[metric] ?? 0),
    });
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { fontSize: font } },
      grid: { left: 8, right: 16, top: big ? 40 : 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: days.map((d) => d.slice(5)), axisLabel: { fontSize: font } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: font } },
      series: [series(s('reported'), 'reported', '#c8102e', true), series(s('closed'), 'closed', '#52c41a', false)],
    };
  }, [figures, s, big]);
  return <EChart option={option} dark={dark} style={{ height }} testId="trend-chart" />;
}
