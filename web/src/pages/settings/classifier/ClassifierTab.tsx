import type { ClassifierModel, ClassifierModelList, ClassifierSettings } from '@gongzhi/contracts';
import { Alert, App, Button, Card, Form, InputNumber, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText } from '../../../api/client';
import { ExportTableButton } from '../../../components/table/ExportTableButton';
import type { ExportColumn } from '../../../components/table/tableText';
import { formatTime } from '../../cases/format';
import { useClassifierText } from './strings';

interface SettingsForm {
  enabled: boolean;
  threshold: number;
  retrainIntervalHours: number;
  retrainMinCorrections: number;
}

const f1 = (x: number | null) => (x === null ? '—' : x.toFixed(4));

/** 智能分拨: the confidence above which reports are dispatched by the system, the retraining schedule, and the models. */
export function ClassifierTab() {
  const t = useClassifierText();
  const { message } = App.useApp();
  const [settings, setSettings] = useState<ClassifierSettings | null>(null);
  const [models, setModels] = useState<ClassifierModelList | null>(null);
  const [saving, setSaving] = useState(false);
  const [training, setTraining] = useState(false);
  const [form] = Form.useForm<SettingsForm>();
  const enabled = Form.useWatch('enabled', form);
  const fail = useCallback((e: unknown) => void message.error(errorText(e)), [message]);

  const loadModels = useCallback(() => api<ClassifierModelList>('/classify/models').then(setModels).catch(fail), [fail]);
  useEffect(() => {
    api<ClassifierSettings>('/classify/settings').then((s) => {
      setSettings(s);
      form.setFieldsValue({ enabled: s.autoDispatchThreshold !== null, threshold: s.autoDispatchThreshold ?? 0.9, retrainIntervalHours: s.retrainIntervalHours, retrainMinCorrections: s.retrainMinCorrections });
    }).catch(fail);
    void loadModels();
  }, [form, fail, loadModels]);

  const save = async (v: SettingsForm) => {
    setSaving(true);
    try {
      const body = { autoDispatchThreshold: v.enabled ? v.threshold : null, retrainIntervalHours: v.retrainIntervalHours, retrainMinCorrections: v.retrainMinCorrections };
      setSettings(await api<ClassifierSettings>('/classify/settings', { method: 'PUT', body }));
      void message.success(t('saved'));
    } catch (e) {
      fail(e);
    } finally {
      setSaving(false);
    }
  };

  const retrain = async () => {
    setTraining(true);
    try {
      const model = await api<ClassifierModel>('/classify/models', { method: 'POST' });
      void message.success(`${t('retrained', { f1: f1(model.heldOutMacroF1), prev: f1(model.previousMacroF1) })}；${model.current ? t('madeCurrent') : t('keptOld')}`, 8);
      await loadModels();
    } catch (e) {
      fail(e);
    } finally {
      setTraining(false);
    }
  };

  const columns: ExportColumn<ClassifierModel>[] = [
    // the time and the 当前使用 tag would run together as text
    { title: t('colTrainedAt'), dataIndex: 'createdAt', render: (v: string, m: ClassifierModel) => <Space>{formatTime(v)}{m.current && <Tag color="green">{t('current')}</Tag>}</Space>,
      exportValue: (m) => (m.current ? `${formatTime(m.createdAt)}（${t('current')}）` : formatTime(m.createdAt)) },
    { title: t('colBy'), dataIndex: 'trainedBy', render: (v: string) => (v === 'system' ? t('system') : v) },
    { title: t('colSource'), dataIndex: 'source' },
    { title: t('colExamples'), key: 'n', render: (_: unknown, m: ClassifierModel) => <span className="code">{m.trainedOn} / {m.heldOutCount}</span> },
    { title: t('colCorrections'), key: 'c', render: (_: unknown, m: ClassifierModel) => <span className="code">{m.corrections.train} / {m.corrections.heldOut}</span> },
    { title: t('colF1'), dataIndex: 'heldOutMacroF1', render: (v: number) => <span className="code">{f1(v)}</span> },
    { title: t('colRawF1'), dataIndex: 'rawLikeMacroF1', render: (v: number) => <span className="code">{f1(v)}</span> },
    { title: t('colPrev'), dataIndex: 'previousMacroF1', render: (v: number | null) => <span className="code">{f1(v)}</span> },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="classifier-tab">
      <Alert type="info" showIcon message={t('intro')} />
      <Card size="small" title={t('autoDispatch')}>
        <Form form={form} layout="inline" onFinish={save} disabled={!settings} data-testid="classifier-settings">
          <Form.Item name="enabled" label={t('autoDispatch')} valuePropName="checked"><Switch data-testid="auto-dispatch-switch" /></Form.Item>
          <Form.Item name="threshold" label={t('threshold')} tooltip={t('thresholdHint')} rules={[{ required: true }]} hidden={!enabled}>
            <InputNumber min={0.5} max={1} step={0.01} precision={2} style={{ width: 100 }} data-testid="threshold-input" />
          </Form.Item>
          {!enabled && <Form.Item><Typography.Text type="secondary">{t('off')}</Typography.Text></Form.Item>}
          <Form.Item name="retrainIntervalHours" label={t('retrainEvery')} rules={[{ required: true }]}><InputNumber min={1} max={8760} style={{ width: 100 }} /></Form.Item>
          <Form.Item name="retrainMinCorrections" label={t('retrainMin')} rules={[{ required: true }]}><InputNumber min={1} max={100000} style={{ width: 100 }} /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" loading={saving} data-testid="classifier-save">{t('save')}</Button></Form.Item>
        </Form>
        {settings?.updatedBy && <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>{t('updatedBy', { name: settings.updatedBy, time: formatTime(settings.updatedAt) })}</Typography.Text>}
      </Card>
      <Card size="small" title={t('models')} extra={(
        <Space>
          <ExportTableButton title={t('models')} columns={columns} rows={models?.items ?? []} testId="export-classifier-models" />
          <Button onClick={retrain} loading={training || models?.training} data-testid="retrain">{t('retrain')}</Button>
        </Space>
      )}>
        {models && <Typography.Paragraph type="secondary" data-testid="choices-kept">{t('choices', { kept: models.choicesKept, since: models.correctionsSinceCurrent })}</Typography.Paragraph>}
        {training && <Alert type="warning" showIcon message={t('training')} style={{ marginBottom: 12 }} />}
        <Table<ClassifierModel> rowKey="id" size="small" loading={!models} dataSource={models?.items ?? []} columns={columns} pagination={false} data-testid="classifier-models"
          expandable={{ expandedRowRender: (m) => <Space wrap>{Object.entries(m.perLabelF1).map(([label, v]) => <Tag key={label}>{label} <span className="code">{v.toFixed(3)}</span></Tag>)}</Space> }} />
      </Card>
    </Space>
  );
}
