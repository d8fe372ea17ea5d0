import { shortDivisionName } from '@gongzhi/contracts';
import { Card, Select, Space, theme } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useDistrictOutline } from '../cases/bits';
import { StatsMap, type ColouredGrids } from '../basedata/map/StatsMap';
import { classBreaks, colourFor, zeroColour } from '../basedata/mapScale';
import type { Figures } from './data';
import { formatValue } from './format';
import { useDashText } from './strings';
import type { Areas } from './useChildren';

/** What the map can colour by: every indicator, and three counts. */
export const mapCounts = ['reported', 'open', 'open_overdue'] as const;
const maxLabels = 60;

/**
 * The child regions of the chosen region filled by one indicator of the period (a choropleth over
 * their outlines, five classes of about as many regions); a click on one drills into it.
 */
export function RegionMap({ figures, areas, onPick, height, big }: { figures: Figures | null; areas: Areas | null; onPick(code: string): void; height: number | string; big?: boolean }) {
  const s = useDashText();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const outline = useDistrictOutline();
  const [measure, setMeasure] = useState('reported');
  const definition = figures?.definitions.find((d) => d.code === measure);
  const unit = definition?.unit ?? 'count';
  const values = useMemo(() => new Map((figures?.rows ?? []).map((r) => [r.key, definition ? r.indicators[measure] ?? null : r.metrics[measure] ?? 0])), [figures, measure, definition]);
  const breaks = useMemo(() => classBreaks([...values.values()].map((v) => v ?? 0)), [values]);
  const coloured = useMemo<ColouredGrids | null>(() => areas && {
    ...areas,
    // the biggest figures first: their labels win where two would overlap
    features: [...areas.features].sort((a, b) => (values.get(b.properties.code) ?? -1) - (values.get(a.properties.code) ?? -1)).map((f) => {
      const name = shortDivisionName(f.properties.name), value = values.get(f.properties.code) ?? (definition ? null : 0);
      // the name and the figure over each region; a district's hundreds of grids go unlabelled
      const label = areas.features.length <= maxLabels ? `${name} ${formatValue(value, unit)}` : undefined;
      return { ...f, properties: { code: f.properties.code, name, colour: colourFor(value ?? 0, breaks), ...(label ? { label } : {}) } };
    }),
  }, [areas, values, breaks, unit, definition]);
  const options = [
    ...mapCounts.map((m) => ({ value: m, label: s(m === 'open_overdue' ? 'overdue' : m === 'open' ? 'open' : 'reported') })),
    ...(figures?.definitions ?? []).filter((d) => d.unit !== 'count').map((d) => ({ value: d.code, label: lang === 'en' ? d.nameEn : d.name })),
  ];
  const font = big ? 16 : 12;
  const swatch = (colour: string) => <span style={{ display: 'inline-block', width: 14, height: 10, background: colour, marginRight: 4, border: '1px solid #d9d9d9' }} />;
  return (
    <div style={{ position: 'relative', height }} data-testid="dashboard-map">
      <StatsMap county={outline.county} streets={null} grids={coloured} buildings={null} selectedGrid={null} onPickGrid={onPick} onPickBuilding={() => undefined} dark={big} />
      <Card size="small" style={{ position: 'absolute', zIndex: 2, top: 8, left: 8, maxWidth: big ? 360 : 260, background: token.colorBgElevated }}>
        <Space direction="vertical" size={6} style={{ width: '100%', fontSize: font }}>
          <Select size={big ? 'large' : 'small'} value={measure} onChange={setMeasure} options={options} style={{ width: '100%' }} data-testid="map-indicator" />
          <Space wrap size={[8, 2]} data-testid="dashboard-map-legend">
            {breaks.length === 0 ? <span>{swatch(zeroColour)}{s('noData')}</span> : breaks.map((b) => <span key={b}>{swatch(colourFor(b, breaks))}≤ {formatValue(b, unit)}</span>)}
          </Space>
        </Space>
      </Card>
    </div>
  );
}
