import type { OtpResponse } from '@gongzhi/contracts';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';

const mobilePattern = /^(\+?86)?1[3-9]\d{9}$/;
const normalise = (s: string) => s.replace(/[\s-]/g, '');

/** 手机验证码登录: a mobile number, a code sent to it (with a resend countdown), and sign in; made for a phone. */
export function PhoneLogin() {
  const { t } = useI18n();
  const { loginWithCode } = useSession();
  const [form] = Form.useForm<{ phone: string; code: string }>();
  const [sending, setSending] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<OtpResponse | null>(null);
  const [resendAt, setResendAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const wait = Math.max(0, Math.ceil((resendAt - now) / 1000));

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [wait]);

  const sendCode = async () => {
    setError(null);
    let phone: string;
    try {
      phone = normalise((await form.validateFields(['phone'])).phone);
    } catch {
      return;
    }
    setSending(true);
    try {
      const res = await api<OtpResponse>('/auth/otp', { method: 'POST', body: { phone } });
      setSent(res);
      setResendAt(Date.now() + res.resendInSeconds * 1000);
      setNow(Date.now());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSending(false);
    }
  };

  const submit = async (v: { phone: string; code: string }) => {
    setBusy(true);
    setError(null);
    try {
      await loginWithCode(normalise(v.phone), v.code.trim());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} data-testid="phone-login">
      <Form.Item name="phone" label={t('mobile')} rules={[{ required: true, message: t('mobileInvalid') }, { validator: (_, v?: string) => (!v || mobilePattern.test(normalise(v)) ? Promise.resolve() : Promise.reject(new Error(t('mobileInvalid')))) }]}>
        <Input type="tel" inputMode="numeric" autoComplete="tel" maxLength={16} placeholder={t('mobilePlaceholder')} size="large" />
      </Form.Item>
      <Form.Item label={t('otpCode')} required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('otpInvalid') }]}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder={t('otpPlaceholder')} size="large" aria-label={t('otpCode')} />
          </Form.Item>
          <Button size="large" onClick={() => void sendCode()} loading={sending} disabled={wait > 0} data-testid="otp-send" style={{ minWidth: 128 }}>
            {wait > 0 ? t('otpResend', { s: wait }) : t('otpSend')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {sent && (
        <Alert type={sent.devCode ? 'warning' : 'success'} showIcon style={{ marginBottom: 16 }} data-testid="otp-sent"
          message={t('otpSent', { m: Math.round(sent.expiresInSeconds / 60) })}
          description={sent.devCode ? <span data-testid="otp-dev-code">{t('otpDevHint', { code: sent.devCode })}</span> : undefined} />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Button type="primary" htmlType="submit" block size="large" loading={busy}>{t('login')}</Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>{t('otpFirstTime')}</Typography.Paragraph>
    </Form>
  );
}
