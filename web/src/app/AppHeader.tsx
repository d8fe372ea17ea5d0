import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { LanguageSwitch } from './LanguageSwitch';
import { useI18n, type MessageKey } from './i18n';
import type { Page } from './pages';
import { can, useSession } from './session';

export function AppHeader({ page, onPage }: { page: Page; onPage(p: Page): void }) {
  const { t } = useI18n();
  const { user, logout } = useSession();
  const pages = [
    { key: 'map', label: t('gridMap') },
    ...(can(user, 'user:read') || can(user, 'audit:read') ? [{ key: 'accounts', label: t('accounts') }] : []),
  ];
  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#a40e25', padding: '0 20px', height: 56 }}>
      <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>{t('product')}</Typography.Title>
      <Menu mode="horizontal" theme="dark" selectedKeys={[page]} items={pages} onClick={(e) => onPage(e.key as Page)}
        style={{ flex: 1, background: 'transparent', borderBottom: 'none', minWidth: 0 }} />
      {user && (
        <Space size="middle" style={{ color: '#fff', whiteSpace: 'nowrap' }}>
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
