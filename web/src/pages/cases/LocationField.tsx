import { Alert, Button, Form, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';

/**
 * 所在位置 of a report form: the phone's location or a point picked on `map`, then where the point lies
 * (`located`, the names of its street, community and grid) or why it cannot be used.
 */
export function LocationField({ phone, locating, onUseMyLocation, map, located, error }: {
  phone: boolean;
  locating: boolean;
  onUseMyLocation: () => void;
  map: ReactNode;
  located: string[] | null;
  error: string | null;
}) {
  const { t } = useI18n();
  return (
    <Form.Item label={t('location')} required>
      <Space direction="vertical" style={{ width: '100%' }} size={8}>
        <Space wrap>
          <Button onClick={onUseMyLocation} loading={locating}>{t('useMyLocation')}</Button>
          <Typography.Text type="secondary">{t('pickOnMap')}</Typography.Text>
        </Space>
        <div style={{ position: 'relative', height: phone ? 240 : 300, borderRadius: 4, overflow: 'hidden', border: '1px solid #e5e5e5' }}>{map}</div>
        {located && <Alert type="success" showIcon data-testid="located" message={<span>{t('locatedIn')}：{located.join(' · ')}</span>} />}
        {error && <Alert type="warning" showIcon message={error} />}
      </Space>
    </Form.Item>
  );
}
