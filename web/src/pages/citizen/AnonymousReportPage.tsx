import type { PublicReportRequest, PublicReportResponse } from '@gongzhi/contracts';
import { Alert, App, Button, Card, Cascader, Form, Input, Result, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { errorText } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { hrefOf, navigate } from '../../app/pages';
import { useIsPhone } from '../../app/responsive';
import { GovMap } from '../../components/map/GovMap';
import { LocationField } from '../cases/LocationField';
import { PageColumn, usePublicCategoryOptions, usePublicOutline } from './public';
import { useIdempotentPost } from './useIdempotentPost';
import { usePlacePicker } from './usePlacePicker';

interface Values {
  category: string[];
  description: string;
  address?: string;
}

/** Where the look-up page finds a number and code just handed out (never in the URL: it would stay in the history). */
export const lookupHandoff = 'gongzhi.lookup';

/**
 * 匿名反映: report without signing in, from a phone (also inside WeChat's browser): category, description
 * and a place; the answer is the case number and a follow-up code (查询码) to track it.
 */
export function AnonymousReportPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const fail = useCallback((e: unknown) => void message.error(errorText(e)), [message]);
  const options = usePublicCategoryOptions(fail);
  const { post, busy } = useIdempotentPost(fail);
  const outline = usePublicOutline();
  const { point, place, placeError, locating, placeAt, useMyLocation, clear } = usePlacePicker(form);
  const [done, setDone] = useState<PublicReportResponse | null>(null);

  const submit = async (v: Values) => {
    if (!point) return void message.error(t('locationRequired'));
    const body: PublicReportRequest = { categoryCode: v.category.at(-1)!, description: v.description.trim(), lng: point[0], lat: point[1], address: v.address?.trim() || undefined };
    const answer = await post<PublicReportResponse>('/public/reports', body);
    if (answer) setDone(answer);
  };

  const track = () => {
    sessionStorage.setItem(lookupHandoff, JSON.stringify({ number: done!.number, code: done!.code }));
    navigate(hrefOf('lookup'));
  };
  const again = () => {
    setDone(null);
    clear();
    form.resetFields();
  };

  if (done) return (
    <PageColumn>
      <Card>
        <Result status="success" title={t('pub_done')} style={{ padding: phone ? '16px 0' : undefined }}
          subTitle={
            <Space direction="vertical" size={8} style={{ width: '100%' }}>
              <div>{t('pub_number')}：<Typography.Text strong copyable className="code" data-testid="anonymous-number">{done.number}</Typography.Text></div>
              <div>{t('pub_code')}：<Typography.Text strong copyable className="code" style={{ fontSize: 22, letterSpacing: 3 }} data-testid="anonymous-code">{done.code}</Typography.Text></div>
              <Alert type="warning" showIcon message={t('pub_keepCode')} />
            </Space>
          }
          extra={[
            <Button type="primary" key="track" onClick={track} data-testid="track-now">{t('pub_trackNow')}</Button>,
            <Button key="again" onClick={again}>{t('pub_reportAnother')}</Button>,
          ]} />
      </Card>
    </PageColumn>
  );

  return (
    <PageColumn>
      <Card size={phone ? 'small' : 'default'} title={t('pub_anonymous')} data-testid="anonymous-form">
        <Alert type="info" showIcon message={t('pub_anonymousHint')} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item name="category" label={t('category')} rules={[{ required: true, message: t('pickCategory') }]}>
            <Cascader options={options} placeholder={t('pickCategory')} showSearch expandTrigger="click" data-testid="category" />
          </Form.Item>
          <Form.Item name="description" label={t('description')} rules={[{ required: true, whitespace: true, min: 5, message: t('describe') }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('describe')} />
          </Form.Item>
          <LocationField phone={phone} locating={locating} onUseMyLocation={useMyLocation} error={placeError}
            located={place ? [place.street.name, place.community.name] : null}
            map={<GovMap county={outline.county} streets={outline.streets} focus={outline.county} pin={point} center={point} onPoint={placeAt} testId="anonymous-map" />} />
          <Form.Item name="address" label={t('address')}>
            <Input maxLength={200} placeholder={t('addressPlaceholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>{t('submitReport')}</Button>
        </Form>
      </Card>
    </PageColumn>
  );
}
