import { Breadcrumb, Button, DatePicker, Segmented, Space } from 'antd';
import { navigate } from '../../app/pages';
import { useSession } from '../../app/session';
import { RegionPicker } from '../basedata/RegionPicker';
import { trail } from './data';
import type { NameOf } from './names';
import { presets, type Preset } from './period';
import { useDashText } from './strings';

interface Props {
  region: string;
  onRegion(code: string): void;
  preset: Preset;
  onPreset(p: Preset): void;
  onRange(from: string, to: string): void;
  regionName: NameOf;
}

/** The region (picker and breadcrumb back up to the jurisdiction), the period and the way to the big screen. */
export function Controls({ region, onRegion, preset, onPreset, onRange, regionName }: Props) {
  const s = useDashText();
  const { user } = useSession();
  const scope = user!.scopeCode;
  const crumbs = trail(scope, region);
  return (
    <Space wrap size={[16, 8]} style={{ width: '100%', justifyContent: 'space-between' }}>
      <Space wrap size={12}>
        <Breadcrumb data-testid="dashboard-breadcrumb" items={crumbs.map((c, i) => ({
          key: c,
          title: i === crumbs.length - 1 ? <strong>{regionName(c)}</strong> : <a onClick={() => onRegion(c)}>{regionName(c)}</a>,
        }))} />
        <RegionPicker levels="divisions" value={region === scope ? undefined : region} onChange={(c) => onRegion(c ?? scope)} width={220} />
      </Space>
      <Space wrap size={12}>
        <Segmented value={preset} onChange={(v) => onPreset(v as Preset)} options={presets.map((p) => ({ value: p, label: s(p) }))} data-testid="period-presets" />
        {preset === 'custom' && <DatePicker.RangePicker onChange={(_, d) => d[0] && d[1] && onRange(d[0], d[1])} data-testid="period-range" />}
        <Button onClick={() => navigate('#/bigscreen')} data-testid="open-bigscreen">{s('bigScreen')}</Button>
      </Space>
    </Space>
  );
}
