import { App as AntApp, ConfigProvider, Layout, Result, Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
// the ES build of the locales: the CommonJS ones (antd/locale/*) arrive wrapped in { default } after the Vite build, and antd then falls back to English
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { AccountsPage } from '../pages/accounts/AccountsPage';
import { canConfigure } from '../pages/settings/access';
import { LoginPage } from '../pages/login/LoginPage';
import { GridMapPage } from '../pages/regions/GridMapPage';
import { AppHeader } from './AppHeader';
import { I18nProvider, useI18n } from './i18n';
import { PublicShell } from '../pages/citizen/public';
import { navigate, publicPages, useHashRoute, type PublicPage, type Route } from './pages';
import { can, SessionProvider, useSession } from './session';

// the case screens load on first use, so the grid map's bundle stays as it was
const CasesPage = lazy(() => import('../pages/cases/CasesPage').then((m) => ({ default: m.CasesPage })));
const CasePage = lazy(() => import('../pages/cases/CasePage').then((m) => ({ default: m.CasePage })));
const ReportPage = lazy(() => import('../pages/cases/ReportPage').then((m) => ({ default: m.ReportPage })));
const BaseDataPage = lazy(() => import('../pages/basedata/BaseDataPage').then((m) => ({ default: m.BaseDataPage })));
const PersonPage = lazy(() => import('../pages/basedata/PersonPage').then((m) => ({ default: m.PersonPage })));
const DwellingPage = lazy(() => import('../pages/basedata/DwellingPage').then((m) => ({ default: m.DwellingPage })));
const OrganisationPage = lazy(() => import('../pages/basedata/OrganisationPage').then((m) => ({ default: m.OrganisationPage })));
const CollectPage = lazy(() => import('../pages/collect/CollectPage').then((m) => ({ default: m.CollectPage })));
// the citizen channel without signing in: 匿名反映, 查询进度, 身边的反映
const AnonymousReportPage = lazy(() => import('../pages/citizen/AnonymousReportPage').then((m) => ({ default: m.AnonymousReportPage })));
const LookupPage = lazy(() => import('../pages/citizen/LookupPage').then((m) => ({ default: m.LookupPage })));
const PublicMapPage = lazy(() => import('../pages/citizen/PublicMapPage').then((m) => ({ default: m.PublicMapPage })));
const DashboardPage = lazy(() => import('../pages/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const BigScreen = lazy(() => import('../pages/dashboard/BigScreen').then((m) => ({ default: m.BigScreen })));
const SettingsPage = lazy(() => import('../pages/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));

function Screen({ route }: { route: Route }) {
  const { user } = useSession();
  if (route.page === 'accounts') return <AccountsPage />;
  if (route.page === 'cases' && can(user, 'case:read')) return <CasesPage />;
  if (route.page === 'case' && route.id && can(user, 'case:read')) return <CasePage key={route.id} id={route.id} />;
  if (route.page === 'report' && can(user, 'case:report')) return <ReportPage />;
  if (route.page === 'settings' && canConfigure(user)) return <SettingsPage />;
  if (route.page === 'basedata' && can(user, 'basedata:read')) return <BaseDataPage tab={route.id} />;
  if (route.page === 'person' && route.id && can(user, 'basedata:read')) return <PersonPage key={route.id} id={route.id} />;
  if (route.page === 'dwelling' && route.id && can(user, 'basedata:read')) return <DwellingPage key={route.id} id={route.id} />;
  if (route.page === 'organisation' && route.id && can(user, 'basedata:read')) return <OrganisationPage key={route.id} id={route.id} />;
  if (route.page === 'collect' && can(user, 'basedata:write')) return <CollectPage />;
  if (route.page === 'dashboard' && can(user, 'stats:read')) return <DashboardPage />;
  if (route.page === 'public-map') return <PublicScreen route={route} />;
  if (route.page === 'lookup') return <LookupPage />;
  if (can(user, 'grid:read')) return <GridMapPage />;
  // citizens have no grid map: their home is reporting
  if (can(user, 'case:report')) return <ReportPage />;
  return <Result status="403" />;
}

/** The pages anyone may open; signed in, 匿名反映 is the ordinary report page. */
function PublicScreen({ route }: { route: Route }) {
  if (route.page === 'lookup') return <LookupPage />;
  if (route.page === 'public-map') return <div style={{ height: '100%', display: 'flex', flexDirection: 'column' }}><PublicMapPage /></div>;
  return <AnonymousReportPage />;
}

function Screens() {
  const { user, loading } = useSession();
  const route = useHashRoute();
  // leaders land on 驾驶舱 (a fresh sign-in has no hash; the menu's 网格地图 is #/)
  useEffect(() => {
    if (user?.role === 'leader' && !window.location.hash) navigate('#/dashboard');
  }, [user]);
  if (loading) return <Spin fullscreen />;
  if (!user && publicPages.includes(route.page)) {
    return (
      <PublicShell page={route.page as PublicPage}>
        <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
          <PublicScreen route={route} />
        </Suspense>
      </PublicShell>
    );
  }
  if (!user) return <LoginPage />;
  if (route.page === 'bigscreen' && can(user, 'stats:read')) {
    return <Suspense fallback={<Spin fullscreen />}><BigScreen /></Suspense>;
  }
  return (
    <Layout style={{ height: '100%' }}>
      <AppHeader route={route} />
      <Layout.Content style={{ position: 'relative', overflow: 'hidden' }}>
        <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
          <Screen route={route} />
        </Suspense>
      </Layout.Content>
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
