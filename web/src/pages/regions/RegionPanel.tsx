import type { RegionDetail } from '@gongzhi/contracts';
import { Button, Descriptions, Space } from 'antd';
import { useI18n } from '../../app/i18n';
import { can, useSession } from '../../app/session';
import { BoundaryUploads } from './BoundaryUploads';

export function RegionPanel({ region, onNewGrid, onChanged }: { region: RegionDetail; onNewGrid(): void; onChanged(): void }) {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <div data-testid="region-panel">
      <Descriptions size="small" column={1} bordered title={region.name} labelStyle={{ width: 120 }}>
        <Descriptions.Item label={t('code')}><span className="code">{region.code}</span></Descriptions.Item>
        <Descriptions.Item label={t('areaKm2')}>{region.areaKm2.toLocaleString('zh-CN')}</Descriptions.Item>
        <Descriptions.Item label={t('childCount')}>{region.childCount}</Descriptions.Item>
        <Descriptions.Item label={t('gridCount')}>{region.gridCount.toLocaleString('zh-CN')}</Descriptions.Item>
        <Descriptions.Item label={t('boundarySource')}>{t(region.boundarySource)}</Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginTop: 12 }}>
        {region.level === 'village' && can(user, 'grid:write') && <Button type="primary" onClick={onNewGrid}>{t('newGrid')}</Button>}
        <BoundaryUploads region={region} onDone={onChanged} />
      </Space>
    </div>
  );
}
