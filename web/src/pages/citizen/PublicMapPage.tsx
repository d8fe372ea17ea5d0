import type { PublicMapResponse } from '@gongzhi/contracts';
import { App, Card, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, errorText } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { GovMap, type CasePointCollection } from '../../components/map/GovMap';
import { boundsOf } from '../../components/map/geo';
import { usePublicOutline } from './public';

const colours = { open: '#fa8c16', closed: '#52c41a', blurred: '#8c8c8c' };

/**
 * 身边的反映: the reports of the last 90 days in the district, open or closed, for anyone (GET
 * /public/cases/map). Sensitive categories arrive at the centre of a ~500 m cell and are drawn grey.
 */
export function PublicMapPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const outline = usePublicOutline();
  const [data, setData] = useState<PublicMapResponse | null>(null);
  useEffect(() => {
    const whole = outline.county ? boundsOf(outline.county) : null;
    if (!whole) return;
    // the API answers boxes of at most 0.5° a side: a larger district is looked at around its centre
    const half = (lo: number, hi: number) => Math.min((hi - lo) / 2, 0.249);
    const [cx, cy] = [(whole[0] + whole[2]) / 2, (whole[1] + whole[3]) / 2];
    const b = [cx - half(whole[0], whole[2]), cy - half(whole[1], whole[3]), cx + half(whole[0], whole[2]), cy + half(whole[1], whole[3])];
    let live = true;
    api<PublicMapResponse>(`/public/cases/map?bbox=${b.map((n) => n.toFixed(5)).join(',')}`).then((d) => live && setData(d)).catch((e: unknown) => void message.error(errorText(e)));
    return () => void (live = false);
  }, [outline.county, message]);
  // GovMap colours points by `state`: here open, closed or blurred
  const cases = useMemo<CasePointCollection | null>(() => data && {
    type: 'FeatureCollection',
    // open reports are drawn last, on top of the many closed ones
    features: [...data.features].sort((a, b) => Number(a.properties.status === 'open') - Number(b.properties.status === 'open')).map((f, i) => ({
      type: 'Feature', geometry: f.geometry,
      properties: { id: String(i), number: '', state: f.properties.blurred ? 'blurred' : f.properties.status, overdue: false, categoryName: lang === 'en' ? f.properties.categoryNameEn : f.properties.categoryName, priority: 'normal' },
    })),
  }, [data, lang]);
  const count = (s: 'open' | 'closed') => data?.features.filter((f) => f.properties.status === s).length ?? 0;
  const dot = (c: string) => <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: c, marginRight: 4 }} />;
  return (
    <div style={{ position: 'relative', flex: 1, minHeight: 360 }} data-testid="public-map">
      <GovMap county={outline.county} streets={outline.streets} focus={outline.county} cases={cases} stateColours={colours} testId="public-map-canvas" />
      <Card size="small" style={{ position: 'absolute', zIndex: 2, top: 8, left: 8, maxWidth: 'calc(100% - 16px)' }}>
        <Space direction="vertical" size={4}>
          <strong>{t('pub_mapTitle')}</strong>
          <Space wrap size={[12, 2]} style={{ fontSize: 12 }}>
            <span>{dot(colours.open)}{t('pub_open')} {count('open')}</span>
            <span>{dot(colours.closed)}{t('pub_closed')} {count('closed')}</span>
          </Space>
          <span style={{ fontSize: 12, color: '#666' }}>{dot(colours.blurred)}{t('pub_blurred')}</span>
          <span style={{ fontSize: 12, color: '#888' }} data-testid="public-map-count">{t('pub_count', { n: data?.features.length ?? 0 })}</span>
        </Space>
      </Card>
    </div>
  );
}
