import { App as AntApp, ConfigProvider, Layout, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { AccountsPage } from '../pages/accounts/AccountsPage';
import { LoginPage } from '../pages/login/LoginPage';
import { AppHeader } from './AppHeader';
import { useHashPage } from './pages';
import { GridMapPage } from '../pages/regions/GridMapPage';
import { I18nProvider, useI18n } from './i18n';
import { SessionProvider, useSession } from './session';

function Screens() {
  const { user, loading } = useSession();
  const [page, setPage] = useHashPage();
  if (loading) return <Spin fullscreen />;
  if (!user) return <LoginPage />;
  return (
    <Layout style={{ height: '100%' }}>
      <AppHeader page={page} onPage={setPage} />
      <Layout.Content style={{ position: 'relative', overflow: 'hidden' }}>{page === 'accounts' ? <AccountsPage /> : <GridMapPage />}</Layout.Content>
    </Layout>
  );
}

function Localised() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#c8102e', borderRadius: 4 } }}>
      <AntApp style={{ height: '100%' }}>
        <SessionProvider>
          <Screens />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Localised />
    </I18nProvider>
  );
}
