import { Button, ConfigProvider, theme } from 'antd';
import { useEffect, useState } from 'react';
import { navigate } from '../../app/pages';
import { CategoryChart } from './CategoryChart';
import { KeyTiles } from './KeyTiles';
import { LiveFeed } from './LiveFeed';
import { Panel } from './Panel';
import { RegionMap } from './RegionMap';
import { SourceChart } from './SourceChart';
import { TrendChart } from './TrendChart';
import { useDashText } from './strings';
import { useDashboard } from './useDashboard';

/** The command centre's wall (#/bigscreen): 1920×1080, dark, large type, everything fetched again every 30 s. */
export function BigScreen() {
  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm, token: { colorPrimary: '#ff4d4f', fontSize: 16 } }}>
      <Wall />
    </ConfigProvider>
  );
}

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{now.toLocaleString('zh-CN', { hour12: false })}</span>;
}

function Wall() {
  const s = useDashText();
  const d = useDashboard(30);
  const { token } = theme.useToken();
  return (
    <div data-testid="bigscreen" style={{ position: 'fixed', inset: 0, overflow: 'auto', background: '#0b1220', color: token.colorText }}>
      <div style={{ display: 'grid', gridTemplateRows: 'auto auto minmax(0, 1fr)', gap: 16, padding: 20, height: '100%', minHeight: 1000, minWidth: 1600, boxSizing: 'border-box' }}>
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
          <div style={{ fontSize: 36, fontWeight: 700, letterSpacing: 2 }}>{s('bigTitle')} · {d.regionName(d.region)}</div>
          <div style={{ display: 'flex', alignItems: 'center', gap: 20, fontSize: 22, color: token.colorTextSecondary }}>
            <span>{d.period.from} — {d.period.to}</span>
            <Clock />
            <Button onClick={() => navigate('#/dashboard')} data-testid="leave-bigscreen">{s('exitBigScreen')}</Button>
          </div>
        </div>
        <KeyTiles live={d.live} figures={d.byRegion} big />
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.6fr) minmax(0, 1fr)', gap: 16, minHeight: 0 }}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minWidth: 0 }}>
            <Panel big title={s('trend')}><TrendChart figures={d.byDay} height={318} dark big /></Panel>
            <Panel big title={s('bySource')}><SourceChart figures={d.bySource} height={318} dark big /></Panel>
          </div>
          <Panel big title={s('map')}><RegionMap figures={d.byRegion} areas={d.areas} onPick={d.drill} height={726} big /></Panel>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minWidth: 0 }}>
            <Panel big title={s('byCategory')}><CategoryChart figures={d.byCategory} nameOf={d.names.category} height={318} dark big /></Panel>
            <LiveFeed events={d.events} height={330} big />
          </div>
        </div>
      </div>
    </div>
  );
}
