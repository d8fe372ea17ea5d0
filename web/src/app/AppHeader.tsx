import { Button, Layout, Space, Tag, Typography } from 'antd';
import { LanguageSwitch } from './LanguageSwitch';
import { useI18n, type MessageKey } from './i18n';
import { useSession } from './session';

export function AppHeader() {
  const { t } = useI18n();
  const { user, logout } = useSession();
  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#a40e25', padding: '0 20px', height: 56 }}>
      <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>{t('product')}</Typography.Title>
      {user && (
        <Space size="middle" style={{ color: '#fff' }}>
          <span data-testid="user-name">{user.displayName}</span>
          <Tag color="gold">{t(`role_${user.role}` as MessageKey)}</Tag>
          <span>{t('jurisdiction')}{user.scopeName}</span>
          <LanguageSwitch />
          <Button size="small" onClick={() => void logout()}>{t('logout')}</Button>
        </Space>
      )}
    </Layout.Header>
  );
}
