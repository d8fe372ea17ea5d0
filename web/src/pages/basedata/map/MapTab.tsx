import type { FeatureCollection } from '@gongzhi/contracts';
import { App, Button, Card, Descriptions, Segmented, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorText } from '../../../api/client';
import { navigate } from '../../../app/pages';
import { useIsPhone } from '../../../app/responsive';
import { useSession } from '../../../app/session';
import { useDistrictOutline } from '../../cases/bits';
import { housingHref } from '../housing/selection';
import { classBreaks, colourFor, legendRows, zeroColour } from '../mapScale';
import { RegionPicker } from '../RegionPicker';
import { useStrings } from '../strings';
import type { BuildingPoints, GridStat } from '../types';
import { StatsMap, type ColouredGrids } from './StatsMap';

const indicators = ['residents', 'floating', 'focus', 'rented'] as const;
type Indicator = (typeof indicators)[number];
type Grids = FeatureCollection<{ code: string; name: string }>;

/** The division whose grids the map draws: the picked region, else the jurisdiction (a grid worker's community holds just their grid). */
const divisionOf = (code: string) => code.slice(0, 12);

/** 地图: the grids of the jurisdiction coloured by 常住/流动/重点人群/出租房, the buildings as points; a click tells a grid's counts. */
export function MapTab() {
  const s = useStrings();
  const { user } = useSession();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const outline = useDistrictOutline();
  const [region, setRegion] = useState<string | undefined>();
  const [indicator, setIndicator] = useState<Indicator>('residents');
  const [grids, setGrids] = useState<Grids | null>(null);
  const [stats, setStats] = useState<Map<string, GridStat>>(new Map());
  const [buildings, setBuildings] = useState<BuildingPoints | null>(null);
  const [counting, setCounting] = useState(true);
  const [picked, setPicked] = useState<{ grid: string } | { building: string } | null>(null);
  const area = region ?? user!.scopeCode;
  const fail = useCallback((e: unknown) => void message.error(errorText(e)), [message]);

  useEffect(() => {
    let live = true;
    const query = region ? `?region=${region}` : '';
    setPicked(null);
    api<Grids>(`/grids/geojson?region=${divisionOf(area)}`).then((g) => live && setGrids(g)).catch(fail);
    api<BuildingPoints>(`/basedata/map/buildings${query}`).then((b) => live && setBuildings(b)).catch(() => live && setBuildings(null));
    return () => void (live = false);
  }, [area, region, fail]);

  // a district is counted street by street: each answer is quick, so other requests are not held up
  // behind one long count, and the map fills in as the streets come
  const wholeDistrict = area.endsWith('000000');
  const parts = wholeDistrict ? outline.streets?.features.map((f) => f.properties.code) ?? null : [region ?? null];
  const partsKey = parts?.join(',') ?? null;
  useEffect(() => {
    if (!parts) return;
    let live = true;
    setStats(new Map());
    setCounting(true);
    void (async () => {
      for (const part of parts) {
        const r = await api<{ items: GridStat[] }>(`/basedata/map/grid-stats${part ? `?region=${part}` : ''}`).catch((e: unknown) => void (live && fail(e)));
        if (!live) return;
        if (r) setStats((old) => new Map([...old, ...r.items.map((x) => [x.gridCode, x] as const)]));
      }
      setCounting(false);
    })();
    return () => void (live = false);
  }, [partsKey, fail]); // eslint-disable-line react-hooks/exhaustive-deps

  const breaks = useMemo(() => classBreaks((grids?.features ?? []).map((f) => stats.get(f.properties.code)?.[indicator] ?? 0)), [grids, stats, indicator]);
  const coloured = useMemo<ColouredGrids | null>(() => grids && {
    ...grids,
    features: grids.features.map((f) => ({ ...f, properties: { code: f.properties.code, name: f.properties.name, colour: colourFor(stats.get(f.properties.code)?.[indicator] ?? 0, breaks) } })),
  }, [grids, stats, indicator, breaks]);
  const total = [...stats.values()].reduce((n, x) => n + x[indicator], 0);

  return (
    <div style={{ position: 'relative', flex: 1, minHeight: phone ? 480 : 400 }} data-testid="basedata-map">
      <StatsMap county={outline.county} streets={outline.streets} grids={coloured} buildings={buildings} selectedGrid={picked && 'grid' in picked ? picked.grid : null}
        onPickGrid={(grid) => setPicked({ grid })} onPickBuilding={(building) => setPicked({ building })} />
      <Card size="small" style={{ position: 'absolute', zIndex: 2, top: 8, left: 8, maxWidth: phone ? 'calc(100% - 60px)' : 320 }} data-testid="map-panel">
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <Segmented size="small" value={indicator} onChange={(v) => setIndicator(v as Indicator)} data-testid="indicator"
            options={indicators.map((k) => ({ value: k, label: s(`ind_${k}`) }))} />
          <RegionPicker levels="divisions" value={region} onChange={setRegion} width="100%" />
          <Legend breaks={breaks} />
          {counting && <Space size={6} style={{ fontSize: 12 }} data-testid="map-counting"><Spin size="small" />{s('counting')}</Space>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s('gridsN', { n: grids?.features.length ?? 0 })} · {s(`ind_${indicator}`)} {total} · {s('clickGridHint')}
          </Typography.Text>
        </Space>
      </Card>
      {picked && (
        <Card size="small" style={{ position: 'absolute', zIndex: 2, bottom: phone ? 8 : 28, right: 8, width: phone ? 'calc(100% - 16px)' : 300 }} data-testid="map-info"
          onClick={(e) => e.stopPropagation()}>
          {'grid' in picked
            ? <GridInfo code={picked.grid} name={grids?.features.find((f) => f.properties.code === picked.grid)?.properties.name ?? ''} stat={stats.get(picked.grid)} />
            : <BuildingInfo point={buildings?.features.find((f) => f.properties.id === picked.building)?.properties} />}
        </Card>
      )}
    </div>
  );
}

function Legend({ breaks }: { breaks: number[] }) {
  const s = useStrings();
  const swatch = (colour: string) => <span style={{ display: 'inline-block', width: 14, height: 10, background: colour, marginRight: 6, verticalAlign: -1, border: '1px solid #d9d9d9' }} />;
  return (
    <Space wrap size={[10, 2]} style={{ fontSize: 12 }} data-testid="map-legend">
      <span>{swatch(zeroColour)}{breaks.length ? '0' : s('legendNone')}</span>
      {legendRows(breaks).map((r) => <span key={r.to}>{swatch(r.colour)}{r.from === r.to ? r.from : `${r.from}–${r.to}`}</span>)}
      <span><span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: '#1d39c4', marginRight: 6 }} />{s('buildingPoints')}</span>
    </Space>
  );
}

function GridInfo({ code, name, stat }: { code: string; name: string; stat: GridStat | undefined }) {
  const s = useStrings();
  return (
    <>
      <Typography.Text strong>{name}</Typography.Text> <Typography.Text type="secondary" className="code" style={{ fontSize: 12 }}>{code}</Typography.Text>
      <Descriptions size="small" column={2} style={{ marginTop: 6 }} items={indicators.map((k) => ({ key: k, label: s(`ind_${k}`), children: <span data-testid={`grid-${k}`}>{stat?.[k] ?? 0}</span> }))} />
    </>
  );
}

function BuildingInfo({ point }: { point: BuildingPoints['features'][number]['properties'] | undefined }) {
  const s = useStrings();
  if (!point) return null;
  return (
    <Space direction="vertical" size={4}>
      <Typography.Text strong>{point.estate} {point.name}</Typography.Text>
      <Typography.Text>{s('dwellingsN', { n: point.dwellings })} · {s('residentsN', { n: point.residents })}</Typography.Text>
      <Button size="small" type="primary" onClick={() => navigate(housingHref(point.id))}>{s('openBuilding')}</Button>
    </Space>
  );
}
