import { dwellingUsageValues } from '@gongzhi/contracts';
import { Empty, Space, Tooltip, Typography } from 'antd';
import { dwellingHref } from '../../../app/pages';
import { usageColour } from '../bits';
import { unitLayout } from '../format';
import { useStrings, type StringKey } from '../strings';
import type { DwellingItem } from '../types';

/** 自住 / 出租 / 空置 / 商用 with their colours. */
export function UsageLegend() {
  const s = useStrings();
  return (
    <Space wrap size={[12, 4]} style={{ fontSize: 12 }} data-testid="usage-legend">
      {dwellingUsageValues.map((u) => (
        <span key={u}><span style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 2, background: usageColour[u], marginRight: 4, verticalAlign: -2 }} />{s(`usage_${u}` as StringKey)}</span>
      ))}
    </Space>
  );
}

/**
 * The dwellings of a building as it stands: a column per unit (单元), a row per floor, top floor
 * first; each room coloured by its use, with how many live there. A click opens the dwelling (以房管人).
 */
export function BuildingUnits({ dwellings }: { dwellings: readonly DwellingItem[] }) {
  const s = useStrings();
  if (dwellings.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div style={{ display: 'flex', gap: 16, overflowX: 'auto', paddingBottom: 8, alignItems: 'flex-start' }} data-testid="building-units">
      {unitLayout(dwellings).map((unit) => (
        <div key={unit.unitNo} style={{ flex: 'none', border: '1px solid #e5e7eb', borderRadius: 6, padding: 8, background: '#fff' }}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>{unit.unitNo ? s('unitN', { n: unit.unitNo }) : s('noUnit')}</Typography.Text>
          {unit.floors.map((floor) => (
            <div key={floor.floor ?? '-'} style={{ display: 'flex', gap: 4, marginBottom: 4, alignItems: 'center' }}>
              <span style={{ width: 34, fontSize: 11, color: '#8c8c8c', textAlign: 'right', flex: 'none' }}>{floor.floor === null ? '' : s('floorN', { n: floor.floor })}</span>
              {floor.rooms.map((d) => (
                <Tooltip key={d.id} title={`${d.address} · ${s(`usage_${d.usage}` as StringKey)} · ${s('residentsN', { n: d.residents })}`}>
                  <a href={dwellingHref(d.id)} data-testid="dwelling-cell" data-usage={d.usage}
                    style={{ width: 58, height: 40, borderRadius: 4, border: `1px solid ${usageColour[d.usage]}`, background: `${usageColour[d.usage]}2e`, color: '#1f2937',
                      display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', lineHeight: 1.2, flex: 'none' }}>
                    <span style={{ fontSize: 13, fontWeight: 600 }}>{d.roomNo}</span>
                    <span style={{ fontSize: 11, color: '#595959' }}>{d.residents > 0 ? s('residentsN', { n: d.residents }) : '—'}</span>
                  </a>
                </Tooltip>
              ))}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
