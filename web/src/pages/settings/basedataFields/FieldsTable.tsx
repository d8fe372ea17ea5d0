import type { BaseEntityName, FieldDefinition } from '@gongzhi/contracts';
import { App, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText } from '../../../api/client';
import { useI18n } from '../../../app/i18n';
import { ExportTableButton } from '../../../components/table/ExportTableButton';
import type { ExportColumn } from '../../../components/table/tableText';
import { useSources } from '../../basedata/reference';
import { FieldDrawer, type FieldEditing } from './FieldDrawer';
import { useFieldsText } from './strings';

/** The fields of one entity: core ones read-only, extra ones editable; each with its authoritative source. */
export function FieldsTable({ entity }: { entity: BaseEntityName }) {
  const tf = useFieldsText();
  const { lang } = useI18n();
  const { message } = App.useApp();
  const sources = useSources();
  const [fields, setFields] = useState<FieldDefinition[] | null>(null);
  const [editing, setEditing] = useState<FieldEditing | null>(null);
  const [settingAuthority, setSettingAuthority] = useState<string | null>(null);

  const load = useCallback(() => {
    api<{ items: FieldDefinition[] }>(`/basedata/fields?entity=${entity}`)
      .then((r) => setFields(r.items))
      .catch((e: unknown) => void message.error(errorText(e)));
  }, [entity, message]);
  useEffect(() => {
    setFields(null);
    load();
  }, [load]);

  const setAuthority = async (f: FieldDefinition, source: string | null) => {
    setSettingAuthority(f.key);
    try {
      await api('/basedata/authorities', { method: 'PUT', body: { entity, field: f.key, source } });
      void message.success(tf('authoritySet', { field: f.label }));
      setFields((all) => all?.map((x) => (x.key === f.key ? { ...x, authority: source } : x)) ?? null);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSettingAuthority(null);
    }
  };

  const checks = (f: FieldDefinition) => [
    ...(f.type === 'choice' ? [tf('ruleOptions', { n: f.options.length })] : []),
    ...(f.maxLength ? [tf('ruleLen', { n: f.maxLength })] : []),
    ...(f.min !== null || f.max !== null ? [tf('ruleRange', { min: f.min ?? '−∞', max: f.max ?? '∞' })] : []),
    ...(f.pattern ? [`${tf('rulePattern')} ${f.pattern}`] : []),
  ].join('；');
  const sourceOptions = [{ value: '', label: tf('noAuthority') }, ...sources.map((s) => ({ value: s.code, label: lang === 'en' && s.nameEn ? s.nameEn : s.name }))];

  // for the sheet: the two lines of a label would run together, and the authority is a Select, which holds no text
  const columns: ExportColumn<FieldDefinition>[] = [
    { title: tf('kindCol'), dataIndex: 'core', width: 64, render: (core: boolean) => (core ? <Tag>{tf('core')}</Tag> : <Tag color="blue">{tf('extra')}</Tag>) },
    { title: tf('key'), dataIndex: 'key', width: 130, render: (k: string) => <span className="code">{k}</span> },
    { title: tf('label'), key: 'label', width: 170, render: (_, f) => (
      <Space direction="vertical" size={0}><span>{f.label}</span>{f.labelEn && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.labelEn}</Typography.Text>}</Space>
    ), exportValue: (f) => (f.labelEn ? `${f.label}（${f.labelEn}）` : f.label) },
    { title: tf('type'), dataIndex: 'type', width: 70, render: (x: FieldDefinition['type']) => tf(`type_${x}`) },
    { title: tf('required'), dataIndex: 'required', width: 60, render: (r: boolean) => (r ? <Tag color="red">{tf('yes')}</Tag> : <Typography.Text type="secondary">{tf('no')}</Typography.Text>) },
    { title: tf('rules'), key: 'rules', width: 200, ellipsis: { showTitle: true }, render: (_, f) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{checks(f) || '—'}</Typography.Text> },
    { title: tf('scope'), dataIndex: 'scopeCode', width: 130, render: (s: string | null) => (s ? <span className="code">{s}</span> : tf('everywhere')) },
    { title: tf('authority'), key: 'authority', width: 200, render: (_, f) => (
      <Select size="small" style={{ width: 180 }} value={f.authority ?? ''} options={sourceOptions} showSearch optionFilterProp="label" loading={settingAuthority === f.key} disabled={settingAuthority !== null}
        onChange={(v: string) => void setAuthority(f, v || null)} data-testid={`authority-${f.key}`} />
    ), exportValue: (f) => sourceOptions.find((o) => o.value === (f.authority ?? ''))?.label ?? f.authority },
    { title: tf('active'), dataIndex: 'active', width: 56, render: (a: boolean) => (a ? <Tag color="green">{tf('yes')}</Tag> : <Tag>{tf('no')}</Tag>) },
    { title: tf('action'), key: 'action', width: 70, fixed: 'right', noExport: true, render: (_, f) => (f.core ? null : <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', field: f })}>{tf('edit')}</Button>) },
  ];

  return (
    <div data-testid={`fields-${entity}`}>
      <Space style={{ marginBottom: 8 }}>
        <Button type="primary" onClick={() => setEditing({ mode: 'new', entity })} data-testid="add-field">{tf('addField')}</Button>
        <ExportTableButton title={`${tf('tab')}（${tf(`entity_${entity}`)}）`} columns={columns} rows={fields ?? []} testId="export-fields" />
      </Space>
      <Table<FieldDefinition> size="small" bordered rowKey="key" loading={!fields} dataSource={fields ?? []} columns={columns} pagination={false}
        scroll={{ x: 'max-content' }} rowClassName={(f) => (f.active ? '' : 'settings-inactive')} />
      <FieldDrawer editing={editing} takenKeys={(fields ?? []).map((f) => f.key)} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); load(); }} />
    </div>
  );
}
