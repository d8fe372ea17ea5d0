import { theme } from 'antd';
import { useIsPhone } from '../../app/responsive';
import { CategoryChart } from './CategoryChart';
import { Controls } from './Controls';
import { KeyTiles } from './KeyTiles';
import { LiveFeed } from './LiveFeed';
import { Panel } from './Panel';
import { Rankings } from './Rankings';
import { Reports } from './Reports';
import { RegionMap } from './RegionMap';
import { SourceChart } from './SourceChart';
import { TrendChart } from './TrendChart';
import { useDashText } from './strings';
import { useDashboard } from './useDashboard';

/** 驾驶舱 (#/dashboard): key figures, trend, categories, sources, a map by region, rankings and the live feed. */
export function DashboardPage() {
  const s = useDashText();
  const d = useDashboard();
  const { token } = theme.useToken();
  // two columns on a desktop, one on a phone
  const columns = useIsPhone() ? 'minmax(0, 1fr)' : 'minmax(0, 2fr) minmax(0, 1fr)';
  return (
    <div style={{ height: '100%', overflowY: 'auto', background: token.colorBgLayout }} data-testid="dashboard">
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12, padding: 16, maxWidth: 1680, margin: '0 auto' }}>
        <Controls region={d.region} onRegion={d.setRegion} preset={d.preset} onPreset={d.choosePreset} onRange={d.setRange} regionName={d.regionName} />
        <KeyTiles live={d.live} figures={d.byRegion} />
        <div style={{ display: 'grid', gridTemplateColumns: columns, gap: 12 }}>
          <Panel title={s('trend')}><TrendChart figures={d.byDay} height={260} /></Panel>
          <LiveFeed events={d.events} height={268} />
        </div>
        <div style={{ display: 'grid', gridTemplateColumns: columns, gap: 12 }}>
          <Panel title={`${s('map')} · ${s('clickToDrill')}`}><RegionMap figures={d.byRegion} areas={d.areas} onPick={d.drill} height={520} /></Panel>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 12, minWidth: 0 }}>
            <Panel title={s('byCategory')}><CategoryChart figures={d.byCategory} nameOf={d.names.category} height={300} /></Panel>
            <Panel title={s('bySource')}><SourceChart figures={d.bySource} height={176} /></Panel>
          </div>
        </div>
        <Rankings region={d.region} period={d.period} tick={d.tick} names={d.names} regionName={d.regionName} />
        <Reports region={d.region} />
      </div>
    </div>
  );
}
