import { Button, ConfigProvider, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd';
import { canConfigure } from '../pages/settings/access';
import { LanguageSwitch } from './LanguageSwitch';
import { useI18n, type MessageKey } from './i18n';
import { hrefOf, navigate, type Page, type RecordPage, type Route } from './pages';
import { useIsPhone } from './responsive';
import { can, useSession } from './session';

export function AppHeader({ route }: { route: Route }) {
  const { t, setLang } = useI18n();
  const { user, logout } = useSession();
  const phone = useIsPhone();
  const pages = [
    ...(can(user, 'stats:read') ? [{ key: 'dashboard', label: t('dashboard') }] : []),
    ...(can(user, 'grid:read') ? [{ key: 'map', label: t('gridMap') }] : []),
    ...(can(user, 'case:read') ? [{ key: 'cases', label: t('cases') }] : []),
    ...(can(user, 'case:report') ? [{ key: 'report', label: t('report') }] : []),
    ...(can(user, 'basedata:read') ? [{ key: 'basedata', label: t('basedata') }] : []),
    ...(can(user, 'basedata:write') && user?.role === 'grid_worker' ? [{ key: 'collect', label: t('collect') }] : []),
    ...(canConfigure(user) ? [{ key: 'settings', label: t('settings') }] : []),
    ...(can(user, 'user:read') || can(user, 'audit:read') ? [{ key: 'accounts', label: t('accounts') }] : []),
  ];
  const recordTab: Partial<Record<Page, string>> = { case: 'cases', person: 'basedata', dwelling: 'basedata', organisation: 'basedata' };
  const selected = recordTab[route.page] ?? (route.page === 'map' && !can(user, 'grid:read') ? 'report' : route.page);
  const menu = (
    <Menu mode="horizontal" theme="dark" selectedKeys={[selected]} items={pages} onClick={(e) => navigate(hrefOf(e.key as Exclude<Page, RecordPage>))}
      style={{ flex: 1, background: 'transparent', borderBottom: 'none', minWidth: 0 }} />
  );
  const role = user ? t(`role_${user.role}` as MessageKey) : '';
  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: phone ? 8 : 24, background: '#a40e25', padding: phone ? '0 8px' : '0 20px', height: 56 }}>
      <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>{phone ? '共治' : t('product')}</Typography.Title>
      {phone ? <ConfigProvider theme={{ components: { Menu: { itemPaddingInline: 10 } } }}>{menu}</ConfigProvider> : menu}
      {user && !phone && (
        <Space size="middle" style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          <span data-testid="user-name">{user.displayName}</span>
          <Tag color="gold">{role}</Tag>
          <span>{t('jurisdiction')}{user.scopeName}</span>
          <LanguageSwitch />
          <Button size="small" onClick={() => void logout()}>{t('logout')}</Button>
        </Space>
      )}
      {user && phone && (
        <Dropdown trigger={['click']} menu={{
          items: [
            { key: 'who', disabled: true, label: <span>{role} · {user.scopeName}</span> },
            { type: 'divider' },
            { key: 'zh', label: '中文' },
            { key: 'en', label: 'English' },
            { type: 'divider' },
            { key: 'logout', label: t('logout') },
          ],
          onClick: (e) => (e.key === 'logout' ? void logout() : e.key === 'zh' || e.key === 'en' ? setLang(e.key) : undefined),
        }}>
          <Button size="small" data-testid="user-name" style={{ maxWidth: 88, overflow: 'hidden', textOverflow: 'ellipsis' }}>{user.displayName}</Button>
        </Dropdown>
      )}
    </Layout.Header>
  );
}
