import type { BaseEntityName, ImportItem, importPreview } from '@gongzhi/contracts';
import { Alert, App, Button, Card, Form, Popconfirm, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import { api, errorText } from '../../../api/client';
import { useI18n } from '../../../app/i18n';
import { ExportTableButton } from '../../../components/table/ExportTableButton';
import type { ExportColumn } from '../../../components/table/tableText';
import { fieldLabel } from '../format';
import { useFields, useSources } from '../reference';
import { postFileForm } from './importApi';
import { assignColumn, startingMapping, unmappedRequired, type ColumnMapping } from './mapping';
import { useImportText } from './strings';

type ImportPreview = z.infer<typeof importPreview>;
type SampleRow = { key: number; cells: string[] };
const entities: BaseEntityName[] = ['person', 'dwelling', 'organisation'];

/**
 * Choosing a file, its kind of records and its source; the preview (the file is uploaded once, with
 * it) with an editable column mapping; the trial and the real run of that upload.
 */
export function ImportSetup({ onStarted }: { onStarted(job: ImportItem): void }) {
  const { lang } = useI18n();
  const ti = useImportText();
  const { message } = App.useApp();
  const language = lang === 'en' ? 'en' : 'zh-CN';
  const [entity, setEntity] = useState<BaseEntityName>('person');
  const [source, setSource] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [starting, setStarting] = useState<'trial' | 'real' | null>(null);
  const fields = useFields(entity);
  const sources = useSources();
  const active = useMemo(() => (fields ?? []).filter((f) => f.active), [fields]);

  useEffect(() => {
    setPreview(null);
    setPreviewError(null);
    if (!file) return;
    let live = true;
    setReading(true);
    postFileForm<ImportPreview>('/basedata/imports/preview', { entity }, file, language)
      .then((p) => live && setPreview(p))
      .catch((e: unknown) => live && setPreviewError(errorText(e)))
      .finally(() => live && setReading(false));
    return () => void (live = false);
  }, [file, entity, language]);

  useEffect(() => {
    if (preview && fields) setMapping(startingMapping(preview.headers, preview.mapping, fields));
  }, [preview, fields]);

  const missing = unmappedRequired(mapping, active);
  const sourceName = (code: string | undefined) => {
    const s = sources.find((x) => x.code === code);
    return s ? (lang === 'en' && s.nameEn ? s.nameEn : s.name) : '';
  };

  const start = async (dryRun: boolean) => {
    if (!preview) return void message.warning(ti('needFile'));
    if (!source) return void message.warning(ti('needSource'));
    setStarting(dryRun ? 'trial' : 'real');
    try {
      // the file was uploaded with the preview; both runs use that upload
      const job = await api<ImportItem>('/basedata/imports', { method: 'POST', body: { uploadId: preview.uploadId, entity, source, mapping, dryRun } });
      onStarted(job);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setStarting(null);
    }
  };

  const fieldOptions = [{ value: '', label: ti('skip') }, ...active.map((f) => ({ value: f.key, label: `${fieldLabel(f, lang)}${f.required ? ` (${ti('required')})` : ''}` }))];
  // a header's export name is its text: the mapping Select inside it holds none
  const columns: ExportColumn<SampleRow>[] = (preview?.headers ?? []).map((h, i) => ({
    key: `${i}:${h}`,
    width: 200,
    title: (
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text strong ellipsis={{ tooltip: h }}>{h}</Typography.Text>
        <Select size="small" style={{ width: '100%' }} value={mapping[h] ?? ''} options={fieldOptions} showSearch optionFilterProp="label"
          onChange={(k: string) => setMapping((m) => assignColumn(m, h, k || null))} data-testid={`map-${h}`} />
      </Space>
    ),
    render: (_: unknown, row: SampleRow) => <span style={{ whiteSpace: 'nowrap' }}>{row.cells[i] ?? ''}</span>,
  }));

  const sample: SampleRow[] = (preview?.sample ?? []).map((cells, i) => ({ key: i, cells }));

  return (
    <Card size="small" title={ti('file')} data-testid="import-setup">
      <Form layout="inline" style={{ rowGap: 8 }}>
        <Form.Item label={ti('entity')}>
          <Select value={entity} onChange={setEntity} style={{ width: 120 }} options={entities.map((e) => ({ value: e, label: ti(`entity_${e}`) }))} data-testid="import-entity" />
        </Form.Item>
        <Form.Item label={ti('source')} required>
          <Select value={source} onChange={setSource} style={{ width: 240 }} placeholder={ti('pickSource')} showSearch optionFilterProp="label"
            options={sources.map((s) => ({ value: s.code, label: lang === 'en' && s.nameEn ? s.nameEn : s.name }))} data-testid="import-source" />
        </Form.Item>
        <Form.Item extra={ti('fileHint')}>
          <Upload accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" maxCount={1} showUploadList={false}
            beforeUpload={(f) => { setFile(f); return false; }}>
            <Button data-testid="import-file">{file ? file.name : ti('pickFile')}</Button>
          </Upload>
        </Form.Item>
      </Form>
      {reading && <Typography.Text type="secondary">{ti('reading')}</Typography.Text>}
      {previewError && <Alert type="error" showIcon style={{ marginTop: 12 }} message={previewError} />}
      {preview && (
        <div style={{ marginTop: 16 }} data-testid="import-preview">
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text strong>{ti('preview')}</Typography.Text>
            <Tag data-testid="import-file-facts">{ti('fileFacts', { name: preview.fileName, format: preview.format.toUpperCase(), encoding: preview.encoding ?? ti('noEncoding') })}</Tag>
            <Typography.Text type="secondary">{ti('firstRows', { n: preview.sample.length })}</Typography.Text>
            <ExportTableButton title={ti('preview')} note={preview.fileName} columns={columns} rows={sample} testId="export-import-sample" />
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{ti('mappingHint')}</Typography.Paragraph>
          <Table size="small" bordered pagination={false} columns={columns} dataSource={sample}
            scroll={{ x: 'max-content' }} data-testid="import-sample" />
          {missing.length > 0 && (
            <Alert type="warning" showIcon style={{ marginTop: 12 }} message={ti('missingRequired', { fields: missing.map((f) => fieldLabel(f, lang)).join('、') })} />
          )}
          <Space style={{ marginTop: 12 }} wrap>
            <Button onClick={() => void start(true)} loading={starting === 'trial'} disabled={starting !== null} data-testid="import-dry-run">{ti('dryRun')}</Button>
            <Popconfirm title={ti('runConfirm', { file: preview.fileName, source: sourceName(source) })} onConfirm={() => void start(false)} disabled={!source}>
              <Button type="primary" loading={starting === 'real'} disabled={starting !== null} data-testid="import-start"
                onClick={() => !source && void message.warning(ti('needSource'))}>{ti('runImport')}</Button>
            </Popconfirm>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{ti('dryRunHint')}</Typography.Text>
          </Space>
        </div>
      )}
    </Card>
  );
}
