import type { ArealGeometry, GridDetail } from '@gongzhi/contracts';
import { Alert, Button, Form, Input, Modal, Radio, Space, Upload, App } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { polygonFromGeojson } from './geojsonFile';

export interface EditorState {
  communityCode: string;
  grid: GridDetail | null;
  geometry: ArealGeometry | null;
}

interface Props {
  state: EditorState;
  open: boolean;
  onDraw(): void;
  onGeometry(g: ArealGeometry): void;
  onClose(): void;
  onSaved(grid: GridDetail): void;
}

/** Create or edit a grid: name, type, and a shape drawn on the map or uploaded as GeoJSON. */
export function GridEditor({ state, open, onDraw, onGeometry, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const values = (await form.validateFields()) as { name: string; type: 'comprehensive' | 'dedicated'; dedicatedKind?: string };
    if (!state.grid && !state.geometry) return setError(t('shapeMissing'));
    setBusy(true);
    setError(null);
    try {
      const extra = values.type === 'dedicated' && values.dedicatedKind ? { dedicatedKind: values.dedicatedKind } : {};
      const saved = state.grid
        ? await api<GridDetail>(`/grids/${state.grid.code}`, { method: 'PATCH', body: { name: values.name, type: values.type, ...extra, ...(state.geometry ? { geometry: state.geometry } : {}) } })
        : await api<GridDetail>('/grids', { method: 'POST', body: { communityCode: state.communityCode, name: values.name, type: values.type, ...extra, geometry: state.geometry } });
      message.success(t('saved'));
      onSaved(saved);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={state.grid ? `${t('edit')} ${state.grid.code}` : t('newGrid')} onCancel={onClose} onOk={save} confirmLoading={busy} okText={t('save')} cancelText={t('cancel')} forceRender maskClosable={false}>
      {/* kept mounted while the administrator draws on the map, so what was typed survives */}
      <Form form={form} layout="vertical" initialValues={{ name: state.grid?.name ?? '', type: state.grid?.type ?? 'comprehensive', dedicatedKind: state.grid?.dedicatedKind ?? '' }}>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, max: 60 }]}><Input /></Form.Item>
        <Form.Item name="type" label={t('type')}>
          <Radio.Group options={[{ label: t('comprehensive'), value: 'comprehensive' }, { label: t('dedicated'), value: 'dedicated' }]} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.type !== b.type}>
          {({ getFieldValue }) => getFieldValue('type') === 'dedicated' && <Form.Item name="dedicatedKind" label={t('dedicatedKind')}><Input placeholder="学校 / 公园 / 工业园区" /></Form.Item>}
        </Form.Item>
      </Form>
      <Space>
        <Button onClick={onDraw}>{t('drawOnMap')}</Button>
        <Upload accept=".geojson,.json" showUploadList={false} beforeUpload={async (file) => {
          const g = polygonFromGeojson(await file.text());
          if (g) onGeometry(g);
          else setError(t('badGeojson'));
          return false;
        }}>
          <Button>{t('uploadGeojson')}</Button>
        </Upload>
        {state.geometry && <span>✓ {t('shapeReady')}</span>}
      </Space>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} />}
    </Modal>
  );
}
