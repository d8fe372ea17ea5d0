import { Alert, Button, Card, Form, Input, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { PhoneLogin } from './PhoneLogin';

function PasswordLogin() {
  const { t } = useI18n();
  const { login } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username, values.password);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={submit} requiredMark={false}>
      <Form.Item name="username" label={t('username')} rules={[{ required: true }]}>
        <Input autoFocus autoComplete="username" />
      </Form.Item>
      <Form.Item name="password" label={t('password')} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block loading={busy}>{t('login')}</Button>
    </Form>
  );
}

/** 登录: staff with a username and password; citizens with a mobile number and a one-time code (#/login?phone opens that tab). */
export function LoginPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState(() => (/[?&]phone\b/.test(window.location.hash) ? 'phone' : 'password'));
  return (
    <div style={{ height: '100%', overflow: 'auto', display: 'grid', placeItems: 'center', padding: '12px 0', background: 'linear-gradient(160deg, #fdf2f2 0%, #eef2f5 60%)' }}>
      <Card style={{ width: 'min(380px, calc(100vw - 24px))' }} title={<Space direction="vertical" size={0}><Typography.Title level={3} style={{ margin: 0 }}>共治 Gongzhi</Typography.Title><Typography.Text type="secondary">{t('loginTitle')}</Typography.Text></Space>} extra={<LanguageSwitch />}>
        <Tabs activeKey={tab} onChange={setTab} centered style={{ marginTop: -12 }} items={[
          { key: 'password', label: t('loginPassword'), children: <PasswordLogin /> },
          { key: 'phone', label: t('loginPhone'), children: <PhoneLogin /> },
        ]} />
        <Space split="·" wrap style={{ width: '100%', justifyContent: 'center', marginTop: 4 }}>
          <a href="#/anonymous" data-testid="login-anonymous">{t('pub_anonymous')}</a>
          <a href="#/lookup">{t('pub_lookup')}</a>
          <a href="#/public-map">{t('pub_map')}</a>
        </Space>
      </Card>
    </div>
  );
}
