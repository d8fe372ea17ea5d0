import type { RegionDetail } from '@gongzhi/contracts';
import { App, Button, Space, Upload } from 'antd';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { can, useSession } from '../../app/session';
import { polygonFromGeojson } from './geojsonFile';

/**
 * Real polygons replace generated ones: a data administrator uploads a region's boundary, an
 * administrator a community's whole set of grids (a GeoJSON FeatureCollection).
 */
export function BoundaryUploads({ region, onDone }: { region: RegionDetail; onDone(): void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      message.success(t('saved'));
      onDone();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const boundary = async (file: File) => {
    const geometry = polygonFromGeojson(await file.text());
    if (!geometry) return void message.error(t('badGeojson'));
    await run(() => api(`/regions/${region.code}/boundary`, { method: 'PUT', body: { geometry } }));
  };
  const grids = async (file: File) => {
    let collection: { type?: string; features?: unknown[] };
    try {
      collection = JSON.parse(await file.text());
    } catch {
      return void message.error(t('badGeojson'));
    }
    if (collection.type !== 'FeatureCollection' || !collection.features?.length) return void message.error(t('badGeojson'));
    modal.confirm({
      title: t('uploadGrids'),
      content: t('uploadGridsConfirm', { n: collection.features.length }),
      onOk: () => run(() => api(`/regions/${region.code}/grids`, { method: 'PUT', body: collection })),
    });
  };
  const pick = (handler: (f: File) => Promise<void>) => (file: File) => {
    void handler(file);
    return false;
  };
  return (
    <Space wrap>
      {can(user, 'region:write') && (
        <Upload accept=".geojson,.json" showUploadList={false} beforeUpload={pick(boundary)}><Button>{t('uploadBoundary')}</Button></Upload>
      )}
      {region.level === 'village' && can(user, 'grid:write') && (
        <Upload accept=".geojson,.json" showUploadList={false} beforeUpload={pick(grids)}><Button>{t('uploadGrids')}</Button></Upload>
      )}
    </Space>
  );
}
