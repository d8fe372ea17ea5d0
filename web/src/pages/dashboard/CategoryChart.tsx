import { useMemo } from 'react';
import type { Figures } from './data';
import { EChart } from './EChart';
import type { NameOf } from './names';

/** The ten categories with most reports in the period, as horizontal bars (by=category). */
export function CategoryChart({ figures, nameOf, dark, height, big }: { figures: Figures | null; nameOf: NameOf; dark?: boolean; height: number; big?: boolean }) {
  const option = useMemo(() => {
    const top = [...(figures?.rows ?? [])].sort((a, b) => (b.metrics.reported ?? 0) - (a.metrics.reported ?? 0)).slice(0, 10).reverse();
    const font = big ? 16 : 12;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: font } },
      yAxis: { type: 'category', data: top.map((r) => nameOf(r.key)), axisLabel: { fontSize: font, width: big ? 180 : 110, overflow: 'truncate' } },
      series: [{ type: 'bar', data: top.map((r) => r.metrics.reported ?? 0), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right', fontSize: font } }],
    };
  }, [figures, nameOf, big]);
  return <EChart option={option} dark={dark} style={{ height }} testId="category-chart" />;
}
