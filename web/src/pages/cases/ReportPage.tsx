import type { CaseDetail, ReportCaseRequest } from '@gongzhi/contracts';
import { App, Button, Card, Cascader, Checkbox, Form, Input, Result, Space } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { errorText } from '../../api/client';
import { useI18n, type MessageKey } from '../../app/i18n';
import { caseHref } from '../../app/pages';
import { useIsPhone } from '../../app/responsive';
import { can, useSession } from '../../app/session';
import { GovMap } from '../../components/map/GovMap';
import { useIdempotentPost } from '../citizen/useIdempotentPost';
import { usePlacePicker } from '../citizen/usePlacePicker';
import { useDistrictOutline, useSurroundings } from './bits';
import { categoryOptions } from './categories';
import { CategorySuggestion } from './CategorySuggestion';
import { LocationField } from './LocationField';
import { PhotoUpload, photoIdsOf, stillUploading, type PhotoList } from './photos';
import { answersOf, ReportFields, type FieldAnswers } from './ReportFields';
import { SimilarCases } from './SimilarCases';
import { useCategories } from './reference';

interface Values {
  category: string[];
  description: string;
  photos?: PhotoList;
  address?: string;
  hotline?: boolean;
  callerName?: string;
  /** answers to each category's extra fields, by category (only the chosen one's are sent) */
  attributes?: Record<string, FieldAnswers>;
}

/** 上报: a problem with a category, a description, photos and a place; made for a phone in the street. */
export function ReportPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const phone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const fail = useCallback((e: unknown) => void message.error(errorText(e)), [message]);
  const categories = useCategories(fail);
  const { post, busy } = useIdempotentPost(fail);
  const options = useMemo(() => categoryOptions(categories, lang === 'en', (k) => t(`kind_${k}` as MessageKey)), [categories, lang, t]);
  const { point, place, placeError, locating, placeAt, useMyLocation, clear } = usePlacePicker(form);
  const [created, setCreated] = useState<CaseDetail | null>(null);
  const watchedCategory = Form.useWatch('category', form);
  const watchedDescription = Form.useWatch('description', form);
  const outline = useDistrictOutline();
  const gridReader = can(user, 'grid:read');
  const ownCommunity = user!.scopeCode.length === 15 ? user!.scopeCode.slice(0, 12) : null;
  const surroundings = useSurroundings(place?.street.code ?? (ownCommunity ? `${ownCommunity.slice(0, 9)}000` : null), place?.community.code ?? ownCommunity, gridReader);
  const focus = useMemo(() => {
    const own = surroundings.grids?.features.find((f) => f.properties.code === user!.scopeCode);
    return own ? { type: 'FeatureCollection' as const, features: [own] } : outline.county;
  }, [surroundings.grids, outline.county, user]);

  const submit = async (v: Values) => {
    if (!point) return void message.error(t('locationRequired'));
    if (stillUploading(v.photos)) return void message.warning(t('photoUploading'));
    const body: ReportCaseRequest = {
      categoryCode: v.category.at(-1)!,
      description: v.description.trim(),
      lng: point[0],
      lat: point[1],
      address: v.address?.trim() || undefined,
      photoIds: photoIdsOf(v.photos),
      ...(v.hotline ? { source: 'hotline' as const, callerName: v.callerName?.trim() || undefined } : {}),
      attributes: answersOf(v.attributes?.[v.category.at(-1)!]),
    };
    const c = await post<CaseDetail>('/cases', body);
    if (c) setCreated(c);
  };

  const again = () => {
    setCreated(null);
    clear();
    form.resetFields();
  };

  const shell = (children: ReactNode) => (
    <div style={{ height: '100%', overflow: 'auto', background: '#f5f6f8' }}>
      <div style={{ maxWidth: 640, margin: '0 auto', padding: phone ? 8 : 16 }}>{children}</div>
    </div>
  );

  if (created) return shell(
    <Card>
      <Result status="success" title={t('reportDone')} subTitle={<span data-testid="created-number">{t('reportDoneSub', { n: created.number })}</span>}
        extra={[
          <Button type="primary" key="view" href={caseHref(created.id)}>{t('viewCase')}</Button>,
          <Button key="again" onClick={again}>{t('reportAnother')}</Button>,
        ]} />
    </Card>,
  );

  return shell(
    <Card size={phone ? 'small' : 'default'} title={t('reportTitle')} data-testid="report-form"
      extra={user?.role === 'citizen' ? <a href="#/public-map" data-testid="to-public-map">{t('pub_map')}</a> : undefined}>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="category" label={t('category')} rules={[{ required: true, message: t('pickCategory') }]}
          extra={can(user, 'case:classify') ? <CategorySuggestion text={watchedDescription} /> : undefined}>
          <Cascader options={options} placeholder={t('pickCategory')} showSearch expandTrigger="click" data-testid="category" />
        </Form.Item>
        <ReportFields categoryCode={watchedCategory?.at(-1)} />
        <Form.Item name="description" label={t('description')} rules={[{ required: true, whitespace: true, min: 5, message: t('describe') }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('describe')} />
        </Form.Item>
        <Form.Item name="photos" label={t('photos')} valuePropName="fileList" extra={t('photoHint')}>
          <PhotoUpload />
        </Form.Item>
        <LocationField phone={phone} locating={locating} onUseMyLocation={useMyLocation} error={placeError}
          located={place ? [place.street.name, place.community.name, ...(place.grid ? [`${place.grid.name}（${place.grid.code}）`] : [])] : null}
          map={<GovMap county={outline.county} streets={place || ownCommunity ? null : outline.streets} communities={surroundings.communities} grids={surroundings.grids}
            selectedGrid={place?.grid?.code ?? null} focus={focus} pin={point} center={point} onPoint={placeAt} testId="report-map" />} />
        <SimilarCases categoryCode={watchedCategory?.at(-1)} description={watchedDescription} point={point} onDrop={again} />
        <Form.Item name="address" label={t('address')}>
          <Input maxLength={200} placeholder={t('addressPlaceholder')} />
        </Form.Item>
        {can(user, 'case:dispatch') && (
          <Space align="start" wrap>
            <Form.Item name="hotline" valuePropName="checked"><Checkbox>{t('hotlineCall')}</Checkbox></Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.hotline !== b.hotline}>
              {() => form.getFieldValue('hotline') && <Form.Item name="callerName"><Input placeholder={t('callerName')} maxLength={40} /></Form.Item>}
            </Form.Item>
          </Space>
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>{t('submitReport')}</Button>
      </Form>
    </Card>,
  );
}
