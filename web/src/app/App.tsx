import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { LoginPage } from '../pages/login/LoginPage';
import { GridMapPage } from '../pages/regions/GridMapPage';
import { I18nProvider, useI18n } from './i18n';
import { SessionProvider, useSession } from './session';

function Screens() {
  const { user, loading } = useSession();
  if (loading) return <Spin fullscreen />;
  return user ? <GridMapPage /> : <LoginPage />;
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
