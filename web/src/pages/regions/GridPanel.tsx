import type { GridDetail } from '@gongzhi/contracts';
import { Button, Descriptions, Space, Tag } from 'antd';
import { formatArea, useI18n } from '../../app/i18n';
import { can, useSession } from '../../app/session';

interface Props {
  grid: GridDetail;
  onEdit(): void;
  onRetire(): void;
  onStaff(): void;
}

export function GridPanel({ grid, onEdit, onRetire, onStaff }: Props) {
  const { t } = useI18n();
  const { user } = useSession();
  const active = grid.state === 'active';
  return (
    <div data-testid="grid-panel">
      <Descriptions size="small" column={1} bordered title={grid.name} labelStyle={{ width: 96 }}>
        <Descriptions.Item label={t('gridCode')}><span className="code" data-testid="grid-code">{grid.code}</span></Descriptions.Item>
        <Descriptions.Item label={t('type')}>
          {t(grid.type)}{grid.dedicatedKind ? ` · ${grid.dedicatedKind}` : ''} {!active && <Tag color="default">{t('retired')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('area')}>{formatArea(grid.areaM2, t)}</Descriptions.Item>
        <Descriptions.Item label={t('community')}>{grid.communityName}</Descriptions.Item>
        <Descriptions.Item label={t('street')}>{grid.streetName}</Descriptions.Item>
        <Descriptions.Item label={t('head')}>{grid.head?.displayName ?? t('none')}</Descriptions.Item>
        <Descriptions.Item label={t('workers')}>{grid.workers.length ? grid.workers.map((w) => w.displayName).join('、') : t('none')}</Descriptions.Item>
      </Descriptions>
      {active && (
        <Space style={{ marginTop: 12 }} wrap>
          {can(user, 'grid:write') && <Button onClick={onEdit}>{t('edit')}</Button>}
          {can(user, 'grid:assign') && <Button onClick={onStaff}>{t('assignStaff')}</Button>}
          {can(user, 'grid:write') && <Button danger onClick={onRetire}>{t('retire')}</Button>}
        </Space>
      )}
    </div>
  );
}
