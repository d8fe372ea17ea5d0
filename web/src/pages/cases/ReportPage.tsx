import type { CaseDetail, LocateResponse, ReportCaseRequest } from '@gongzhi/contracts';
import { Alert, App, Button, Card, Cascader, Checkbox, Form, Input, Result, Space, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, ApiError, errorText, newUuid } from '../../api/client';
import { useI18n, type MessageKey } from '../../app/i18n';
import { caseHref } from '../../app/pages';
import { useIsPhone } from '../../app/responsive';
import { can, useSession } from '../../app/session';
import { GovMap } from '../../components/map/GovMap';
import { useDistrictOutline, useSurroundings } from './bits';
import { categoryOptions } from './categories';
import { CategorySuggestion } from './CategorySuggestion';
import { PhotoUpload, photoIdsOf, stillUploading, type PhotoList } from './photos';
import { SimilarCases } from './SimilarCases';
import { useCategories } from './reference';

interface Values {
  category: string[];
  description: string;
  photos?: PhotoList;
  address?: string;
  hotline?: boolean;
  callerName?: string;
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
  const options = useMemo(() => categoryOptions(categories, lang === 'en', (k) => t(`kind_${k}` as MessageKey)), [categories, lang, t]);
  const [point, setPoint] = useState<[number, number] | null>(null);
  const [place, setPlace] = useState<LocateResponse | null>(null);
  const [placeError, setPlaceError] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CaseDetail | null>(null);
  const watchedCategory = Form.useWatch('category', form);
  const watchedDescription = Form.useWatch('description', form);
  // one key per submission: a retry after a lost answer gets the same case back instead of a second one
  const idempotencyKey = useRef<string | null>(null);
  const outline = useDistrictOutline();
  const gridReader = can(user, 'grid:read');
  const ownCommunity = user!.scopeCode.length === 15 ? user!.scopeCode.slice(0, 12) : null;
  const surroundings = useSurroundings(place?.street.code ?? (ownCommunity ? `${ownCommunity.slice(0, 9)}000` : null), place?.community.code ?? ownCommunity, gridReader);
  const focus = useMemo(() => {
    const own = surroundings.grids?.features.find((f) => f.properties.code === user!.scopeCode);
    return own ? { type: 'FeatureCollection' as const, features: [own] } : outline.county;
  }, [surroundings.grids, outline.county, user]);

  const placeAt = useCallback((lng: number, lat: number) => {
    setPoint([lng, lat]);
    setPlace(null);
    setPlaceError(null);
    api<LocateResponse>(`/grids/locate?lng=${lng}&lat=${lat}`)
      .then((p) => {
        setPlace(p);
        if (!form.getFieldValue('address')) form.setFieldValue('address', `${p.street.name}${p.community.name}`);
      })
      .catch((e: unknown) => setPlaceError(errorText(e)));
  }, [form]);

  const useMyLocation = () => {
    if (!navigator.geolocation) return setPlaceError(t('geoUnavailable', { e: '—' }));
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        placeAt(Number(pos.coords.longitude.toFixed(6)), Number(pos.coords.latitude.toFixed(6)));
      },
      (err) => {
        setLocating(false);
        setPlaceError(t('geoUnavailable', { e: err.message }));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  };

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
    };
    idempotencyKey.current ??= newUuid();
    setBusy(true);
    try {
      const c = await api<CaseDetail>('/cases', { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey.current } });
      idempotencyKey.current = null;
      setCreated(c);
    } catch (e) {
      // a rejected request created nothing: the next try is a new submission; after a lost answer, retry with the same key
      if (e instanceof ApiError && e.status >= 400 && e.status < 500) idempotencyKey.current = null;
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setCreated(null);
    setPoint(null);
    setPlace(null);
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
    <Card size={phone ? 'small' : 'default'} title={t('reportTitle')} data-testid="report-form">
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="category" label={t('category')} rules={[{ required: true, message: t('pickCategory') }]}
          extra={can(user, 'case:classify') ? <CategorySuggestion text={watchedDescription} /> : undefined}>
          <Cascader options={options} placeholder={t('pickCategory')} showSearch expandTrigger="click" data-testid="category" />
        </Form.Item>
        <Form.Item name="description" label={t('description')} rules={[{ required: true, whitespace: true, min: 5, message: t('describe') }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('describe')} />
        </Form.Item>
        <Form.Item name="photos" label={t('photos')} valuePropName="fileList" extra={t('photoHint')}>
          <PhotoUpload />
        </Form.Item>
        <Form.Item label={t('location')} required>
          <Space direction="vertical" style={{ width: '100%' }} size={8}>
            <Space wrap>
              <Button onClick={useMyLocation} loading={locating}>{t('useMyLocation')}</Button>
              <Typography.Text type="secondary">{t('pickOnMap')}</Typography.Text>
            </Space>
            <div style={{ position: 'relative', height: phone ? 240 : 300, borderRadius: 4, overflow: 'hidden', border: '1px solid #e5e5e5' }}>
              <GovMap county={outline.county} streets={place || ownCommunity ? null : outline.streets} communities={surroundings.communities} grids={surroundings.grids}
                selectedGrid={place?.grid?.code ?? null} focus={focus} pin={point} center={point} onPoint={placeAt} testId="report-map" />
            </div>
            {place && (
              <Alert type="success" showIcon data-testid="located" message={
                <span>{t('locatedIn')}：{[place.street.name, place.community.name, place.grid ? `${place.grid.name}（${place.grid.code}）` : null].filter(Boolean).join(' · ')}</span>
              } />
            )}
            {placeError && <Alert type="warning" showIcon message={placeError} />}
          </Space>
        </Form.Item>
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
