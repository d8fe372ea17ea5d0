import { Card, theme } from 'antd';
import { useIsPhone } from '../../app/responsive';
import type { Figures, Live } from './data';
import { change, formatValue } from './format';
import { useDashText } from './strings';

interface Tile { key: string; label: string; value: string; tone?: string; delta?: { text: string; good: boolean; up: boolean } | null }

/** 今日新增, 办理中, 超期, 今日办结 (now) and 按期结案率, 满意率 of the period with 环比. */
export function KeyTiles({ live, figures, big }: { live: Live | null; figures: Figures | null; big?: boolean }) {
  const s = useDashText();
  const { token } = theme.useToken();
  const phone = useIsPhone();
  const rate = (code: string) => {
    const def = figures?.definitions.find((d) => d.code === code);
    const now = figures?.indicators[code];
    const delta = change(now, figures?.previous.indicators[code], def?.unit ?? 'ratio');
    return { value: formatValue(now, 'ratio'), delta: delta && { ...delta, good: delta.up === (def?.higherIsBetter ?? true) } };
  };
  const n = (v: number | undefined) => (v === undefined ? '—' : v.toLocaleString('zh-CN'));
  const tiles: Tile[] = [
    { key: 'new-today', label: s('newToday'), value: n(live?.newToday), tone: token.colorPrimary },
    { key: 'open-now', label: s('openNow'), value: n(live?.openNow), tone: token.colorInfo },
    { key: 'overdue-now', label: s('overdueNow'), value: n(live?.overdueNow), tone: token.colorError },
    { key: 'closed-today', label: s('closedToday'), value: n(live?.closedToday), tone: token.colorSuccess },
    { key: 'on-time', label: s('onTime'), ...rate('on_time_closure_rate') },
    { key: 'satisfaction', label: s('satisfaction'), ...rate('satisfaction_rate') },
  ];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: `repeat(${phone ? 2 : 6}, minmax(0, 1fr))`, gap: big ? 16 : 12 }} data-testid="key-tiles">
      {tiles.map((t) => (
        <Card key={t.key} size="small" styles={{ body: { padding: big ? '16px 20px' : '10px 14px' } }} data-testid={`tile-${t.key}`}>
          <div style={{ color: token.colorTextSecondary, fontSize: big ? 22 : 13 }}>{t.label}</div>
          <div style={{ fontSize: big ? 52 : 28, fontWeight: 600, lineHeight: 1.2, color: t.tone ?? token.colorText, fontVariantNumeric: 'tabular-nums' }} data-testid="tile-value">{t.value}</div>
          {t.delta !== undefined && (
            <div style={{ fontSize: big ? 18 : 12, color: t.delta ? (t.delta.good ? token.colorSuccess : token.colorError) : token.colorTextTertiary }}>
              {s('vsPrevious')} {t.delta ? `${t.delta.up ? '▲' : '▼'} ${t.delta.text}` : '—'}
            </div>
          )}
        </Card>
      ))}
    </div>
  );
}
