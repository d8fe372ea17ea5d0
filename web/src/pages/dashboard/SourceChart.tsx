import { useMemo } from 'react';
import { useI18n, type MessageKey } from '../../app/i18n';
import type { Figures } from './data';
import { EChart } from './EChart';

/** Where the period's reports came from (by=source), as a ring. */
export function SourceChart({ figures, dark, height, big }: { figures: Figures | null; dark?: boolean; height: number; big?: boolean }) {
  const { t } = useI18n();
  const option = useMemo(() => {
    const font = big ? 16 : 12;
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { orient: 'vertical', right: 0, top: 'middle', textStyle: { fontSize: font } },
      series: [{
        type: 'pie', radius: ['40%', '70%'], center: ['35%', '50%'], label: { show: false },
        data: (figures?.rows ?? []).filter((r) => (r.metrics.reported ?? 0) > 0).map((r) => ({ name: t(`src_${r.key}` as MessageKey), value: r.metrics.reported })),
      }],
    };
  }, [figures, t, big]);
  return <EChart option={option} dark={dark} style={{ height }} testId="source-chart" />;
}
