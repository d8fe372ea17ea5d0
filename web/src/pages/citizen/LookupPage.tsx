import type { PublicLookupResponse } from '@gongzhi/contracts';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText } from '../../api/client';
import { useI18n, type MessageKey } from '../../app/i18n';
import { useIsPhone } from '../../app/responsive';
import { StateTag } from '../cases/bits';
import { formatTime } from '../cases/format';
import { lookupHandoff } from './AnonymousReportPage';
import { PageColumn } from './public';

interface Values {
  number: string;
  code: string;
}

/** 查询进度: the status and steps of an anonymous report, for whoever holds its number and follow-up code. */
export function LookupPage() {
  const { t } = useI18n();
  const phone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [found, setFound] = useState<PublicLookupResponse | null>(null);

  const look = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      setFound(await api<PublicLookupResponse>('/public/reports/lookup', { method: 'POST', body: { number: v.number.trim(), code: v.code.trim().toUpperCase() } }));
    } catch (e) {
      setFound(null);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  // straight from the report page: the number and code it just showed
  useEffect(() => {
    const handed = sessionStorage.getItem(lookupHandoff);
    if (!handed) return;
    sessionStorage.removeItem(lookupHandoff);
    const v = JSON.parse(handed) as Values;
    form.setFieldsValue(v);
    void look(v);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <PageColumn>
      <Card size={phone ? 'small' : 'default'} title={t('pub_lookupTitle')} data-testid="lookup-form">
        <Typography.Paragraph type="secondary">{t('pub_lookupHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void look(v)} requiredMark={false}>
          <Form.Item name="number" label={t('pub_number')} rules={[{ required: true, pattern: /^\s*\d{6}-\d{8}-\d{5}\s*$/, message: t('pub_numberInvalid') }]}>
            <Input placeholder="370303-20261124-00001" inputMode="numeric" autoComplete="off" />
          </Form.Item>
          <Form.Item name="code" label={t('pub_code')} rules={[{ required: true, pattern: /^\s*[A-Za-z0-9]{8}\s*$/, message: t('pub_codeInvalid') }]}>
            <Input placeholder="ABCD2345" autoComplete="off" style={{ textTransform: 'uppercase', letterSpacing: 2 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t('pub_submitLookup')}</Button>
        </Form>
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="lookup-error" />}
      </Card>
      {found && (
        <Card size={phone ? 'small' : 'default'} style={{ marginTop: 12 }} data-testid="lookup-result"
          title={<Space wrap><span className="code">{found.number}</span><StateTag state={found.state} testId="lookup-state" /></Space>}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('category')}>{found.categoryName}</Descriptions.Item>
            <Descriptions.Item label={t('pub_place')}>{[found.streetName, found.communityName].filter(Boolean).join(' · ')}</Descriptions.Item>
            <Descriptions.Item label={t('pub_reportedAt')}>{formatTime(found.reportedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('pub_leadUnit')}>{found.leadUnit ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 12 }}>{t('pub_steps')}</Typography.Title>
          <Timeline data-testid="lookup-timeline" items={found.timeline.map((e, i) => ({
            key: i,
            color: e.action === 'close' ? 'green' : e.action === 'reject' ? 'gray' : 'blue',
            children: (
              <div data-testid="timeline-entry">
                <Space size={6} wrap>
                  <Typography.Text strong>{t(`act_${e.action}` as MessageKey)}</Typography.Text>
                  {e.toState && <StateTag state={e.toState} />}
                </Space>
                <div style={{ color: '#888', fontSize: 12 }}>{[formatTime(e.at), e.unit].filter(Boolean).join(' · ')}</div>
              </div>
            ),
          }))} />
        </Card>
      )}
    </PageColumn>
  );
}
