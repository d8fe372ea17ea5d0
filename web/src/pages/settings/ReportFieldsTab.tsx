import { attributeDatatypes, attributeListDatatypes, type CategoryAttributeItem, type CategoryItem, type CreateCategoryAttributeRequest } from '@gongzhi/contracts';
import { Alert, App, Button, Cascader, Drawer, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorText } from '../../api/client';
import { useI18n, type MessageKey } from '../../app/i18n';
import { ExportTableButton } from '../../components/table/ExportTableButton';
import type { ExportColumn } from '../../components/table/tableText';
import { categoryOptions, categoryPath } from '../cases/categories';

type Datatype = CategoryAttributeItem['datatype'];
const isList = (d: Datatype | undefined) => !!d && (attributeListDatatypes as readonly string[]).includes(d);
const datatypeColour: Record<Datatype, string> = { string: 'default', text: 'default', number: 'blue', datetime: 'cyan', singlevaluelist: 'gold', multivaluelist: 'orange' };

/** 上报附加项: the extra fields of one type, in the order a report form asks them, with a drawer to add or edit one. */
export function ReportFieldsTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [categories, setCategories] = useState<CategoryItem[]>([]);
  const [code, setCode] = useState<string | null>(null);
  const [items, setItems] = useState<CategoryAttributeItem[] | null>(null);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<CategoryAttributeItem | 'new' | null>(null);
  const fail = useCallback((e: unknown) => void message.error(errorText(e)), [message]);

  useEffect(() => {
    let live = true;
    api<{ items: CategoryItem[] }>('/case-categories').then((r) => {
      if (!live) return;
      setCategories(r.items);
      // 井盖 comes with fields: a useful first view
      setCode((c) => c ?? (r.items.some((x) => x.code === 'C0101') ? 'C0101' : null));
    }).catch(fail);
    return () => void (live = false);
  }, [fail]);
  useEffect(() => {
    if (!code) return;
    let live = true;
    setItems(null);
    api<{ items: CategoryAttributeItem[] }>(`/case-categories/${code}/attributes`).then((r) => live && setItems(r.items)).catch(fail);
    return () => void (live = false);
  }, [code, version, fail]);

  const options = useMemo(() => categoryOptions(categories, lang === 'en', (k) => t(`kind_${k}` as MessageKey)), [categories, lang, t]);
  const category = categories.find((c) => c.code === code);
  const categoryName = category ? `${lang === 'en' ? category.nameEn : category.name}（${category.code}）` : '';

  const move = async (index: number, by: -1 | 1) => {
    if (!items || !code) return;
    const codes = items.map((a) => a.code);
    [codes[index], codes[index + by]] = [codes[index + by]!, codes[index]!];
    try {
      setItems((await api<{ items: CategoryAttributeItem[] }>(`/case-categories/${code}/attribute-order`, { method: 'PUT', body: { codes } })).items);
    } catch (e) {
      fail(e);
    }
  };
  const remove = async (a: CategoryAttributeItem) => {
    try {
      await api(`/case-categories/${code}/attributes/${a.code}`, { method: 'DELETE' });
      message.success(t('deleted'));
      setVersion((v) => v + 1);
    } catch (e) {
      fail(e);
    }
  };

  // for the sheet: a description and its hint, and the list values' tags, would run together as one text
  const columns: ExportColumn<CategoryAttributeItem>[] = [
    { title: t('rf_order'), dataIndex: 'order', width: 64 },
    { title: t('rf_code'), dataIndex: 'code', width: 150, render: (c: string) => <span className="code">{c}</span> },
    { title: t('rf_description'), dataIndex: 'description', render: (d: string, a) => (
      <div style={{ maxWidth: 360 }}>
        <div>{d}</div>
        {a.datatypeDescription && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.datatypeDescription}</Typography.Text>}
      </div>
    ), exportValue: (a) => (a.datatypeDescription ? `${a.description}（${a.datatypeDescription}）` : a.description) },
    { title: t('rf_datatype'), dataIndex: 'datatype', width: 110, render: (d: Datatype) => <Tag color={datatypeColour[d]}>{t(`rf_dt_${d}`)}</Tag> },
    { title: t('rf_required'), key: 'required', width: 80, render: (_, a) => (!a.variable ? <Tag>{t('rf_infoOnly')}</Tag> : a.required ? <Tag color="red">{t('yes')}</Tag> : <Typography.Text type="secondary">{t('no')}</Typography.Text>) },
    { title: t('rf_values'), key: 'values', render: (_, a) => (a.values.length ? (
      <Space size={[4, 4]} wrap style={{ maxWidth: 360 }}>{a.values.map((v) => <Tag key={v.key} title={v.key} style={{ marginInlineEnd: 0 }}>{v.name}</Tag>)}</Space>
    ) : '—'), exportValue: (a) => a.values.map((v) => v.name).join('、') },
    {
      title: t('action'), key: 'actions', width: 230, fixed: 'right', noExport: true,
      render: (_, a, i) => (
        <Space size={0}>
          <Button type="link" size="small" disabled={i === 0} onClick={() => move(i, -1)}>{t('rf_moveUp')}</Button>
          <Button type="link" size="small" disabled={i === (items?.length ?? 0) - 1} onClick={() => move(i, 1)}>{t('rf_moveDown')}</Button>
          <Button type="link" size="small" onClick={() => setEditing(a)}>{t('edit')}</Button>
          <Popconfirm title={t('rf_delete', { code: a.code })} okText={t('delete')} cancelText={t('cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove(a)}>
            <Button type="link" size="small" danger>{t('delete')}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="report-fields-tab">
      <Alert type="info" showIcon message={t('rf_intro')} style={{ marginBottom: 12 }} />
      <Space wrap style={{ marginBottom: 8 }}>
        <Cascader options={options} showSearch allowClear={false} value={code ? categoryPath(categories, code) : undefined} placeholder={t('rf_pickCategory')}
          onChange={(path) => setCode((path as string[] | undefined)?.at(-1) ?? null)} style={{ width: 280 }} data-testid="report-fields-category" />
        <Button type="primary" disabled={!code} onClick={() => setEditing('new')} data-testid="report-field-add">{t('rf_add')}</Button>
        {items && <Typography.Text type="secondary">{t('rf_count', { n: items.length })}</Typography.Text>}
        <ExportTableButton title={t('set_reportFields')} note={categoryName || undefined} columns={columns} rows={items ?? []} testId="export-report-fields" />
      </Space>
      <Table<CategoryAttributeItem> size="small" rowKey="code" bordered loading={!!code && !items} dataSource={items ?? []} columns={columns} pagination={false}
        scroll={{ x: 'max-content' }} locale={{ emptyText: code ? t('rf_none') : t('rf_noCategory') }} data-testid="report-fields" />
      {code && <FieldDrawer editing={editing} categoryCode={code} categoryName={categoryName} items={items ?? []} onClose={() => setEditing(null)}
        onSaved={() => { setEditing(null); setVersion((v) => v + 1); }} />}
    </div>
  );
}

type FormValues = Omit<CreateCategoryAttributeRequest, 'values'> & { values?: Array<{ key: string; name: string }> };

function FieldDrawer({ editing, categoryCode, categoryName, items, onClose, onSaved }: {
  editing: CategoryAttributeItem | 'new' | null; categoryCode: string; categoryName: string; items: CategoryAttributeItem[]; onClose(): void; onSaved(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const datatype = Form.useWatch('datatype', form);
  const variable = Form.useWatch('variable', form);

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing === 'new') form.setFieldsValue({ code: '', description: '', datatype: 'singlevaluelist', required: false, variable: true, order: items.length + 1, values: [{ key: '', name: '' }] });
    else form.setFieldsValue({ ...editing, datatypeDescription: editing.datatypeDescription ?? '' });
  }, [editing, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async () => {
    if (!editing) return;
    const v = await form.validateFields();
    const body = {
      datatype: v.datatype, description: v.description.trim(), required: v.variable !== false && !!v.required, variable: v.variable !== false,
      datatypeDescription: v.datatypeDescription?.trim() || null, order: v.order ?? undefined,
      values: isList(v.datatype) ? (v.values ?? []).map((x) => ({ key: x.key.trim(), name: x.name.trim() })) : [],
    };
    setSaving(true);
    try {
      if (editing === 'new') await api(`/case-categories/${categoryCode}/attributes`, { method: 'POST', body: { code: v.code.trim(), ...body } });
      else await api(`/case-categories/${categoryCode}/attributes/${editing.code}`, { method: 'PUT', body });
      message.success(t('saved'));
      onSaved();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const title = !editing ? '' : editing === 'new' ? t('rf_new', { category: categoryName }) : t('rf_edit', { code: editing.code });
  return (
    <Drawer open={!!editing} title={title} width={520} onClose={onClose} destroyOnHidden
      extra={<Space><Button onClick={onClose}>{t('cancel')}</Button><Button type="primary" loading={saving} onClick={save} data-testid="report-field-save">{t('save')}</Button></Space>}>
      <Form form={form} layout="vertical" requiredMark={false} data-testid="report-field-form">
        {editing === 'new' && (
          <Form.Item name="code" label={t('rf_code')} extra={t('rf_codeHint')}
            rules={[
              { required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('rf_codeHint') },
              { validator: (_, c: string) => (items.some((a) => a.code === c) ? Promise.reject(new Error(t('rf_codeTaken', { code: c }))) : Promise.resolve()) },
            ]}>
            <Input className="code" maxLength={40} style={{ width: 260 }} />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('rf_description')} rules={[{ required: true, whitespace: true, max: 200 }]}><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={200} /></Form.Item>
        <Space size="large" align="start">
          <Form.Item name="datatype" label={t('rf_datatype')} rules={[{ required: true }]}>
            <Select style={{ width: 160 }} options={attributeDatatypes.map((d) => ({ value: d, label: t(`rf_dt_${d}`) }))} data-testid="report-field-datatype" />
          </Form.Item>
          <Form.Item name="order" label={t('rf_order')}><InputNumber min={1} max={100} precision={0} style={{ width: 90 }} /></Form.Item>
        </Space>
        <Space size="large" align="start">
          <Form.Item name="variable" label={t('rf_variable')} valuePropName="checked" tooltip={t('rf_variableHint')}><Switch /></Form.Item>
          <Form.Item name="required" label={t('rf_required')} valuePropName="checked"><Switch disabled={variable === false} data-testid="report-field-required" /></Form.Item>
        </Space>
        <Form.Item name="datatypeDescription" label={t('rf_hint')}><Input maxLength={200} placeholder={t('rf_hintPlaceholder')} /></Form.Item>
        {isList(datatype) && (
          <Form.List name="values" rules={[{ validator: (_, v?: unknown[]) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t('rf_valuesRequired')))) }]}>
            {(fields, { add, remove }, { errors }) => (
              <div data-testid="report-field-values">
                <Typography.Text strong>{t('rf_values')}</Typography.Text>
                {fields.map((f) => (
                  <Space key={f.key} align="start" style={{ display: 'flex', marginTop: 8 }}>
                    <Form.Item name={[f.name, 'key']} style={{ marginBottom: 0 }} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,40}$/, message: t('rf_keyHint') }]}>
                      <Input placeholder={t('rf_valueKey')} className="code" style={{ width: 140 }} maxLength={40} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'name']} style={{ marginBottom: 0 }} rules={[{ required: true, whitespace: true, max: 100 }]}>
                      <Input placeholder={t('rf_valueName')} style={{ width: 220 }} maxLength={100} />
                    </Form.Item>
                    <Button type="text" danger onClick={() => remove(f.name)} aria-label={t('delete')}>×</Button>
                  </Space>
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" onClick={() => add({ key: '', name: '' })} style={{ marginTop: 8 }} data-testid="report-field-add-value">+ {t('rf_addValue')}</Button>
              </div>
            )}
          </Form.List>
        )}
      </Form>
    </Drawer>
  );
}
