import { casePriorities, caseLevels, type CategoryItem } from '@gongzhi/contracts';
import { App, Button, Drawer, Form, Input, InputNumber, Segmented, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useState, type Key } from 'react';
import { api, errorText } from '../../api/client';
import { useI18n, type MessageKey } from '../../app/i18n';
import { ExportTableButton } from '../../components/table/ExportTableButton';
import type { ExportColumn } from '../../components/table/tableText';
import { formatWorkingMinutes, minutesPerDay } from './format';

type Row = CategoryItem & { children?: Row[] };
type Kind = CategoryItem['kind'];
const stages = ['register', 'dispatch', 'handle', 'verify'] as const;
/** The bounds the server accepts (upsertCategoryRequest). */
export const limitBounds = { register: [10, 14400], dispatch: [10, 14400], handle: [30, 144000], verify: [10, 14400] } as const;
const priorityColour = { normal: 'default', urgent: 'orange', critical: 'red' } as const;

/** Who the drawer edits: an existing category, or a new type under a major class. */
type Editing = { mode: 'edit'; item: CategoryItem } | { mode: 'new'; major: CategoryItem };

/** The next free two-digit code under a major class, from 98 down (the defaults count up from 01). */
export function suggestTypeCode(major: string, items: readonly CategoryItem[]): string {
  const taken = new Set(items.map((c) => c.code));
  for (let n = 98; n >= 1; n--) {
    const suffix = String(n).padStart(2, '0');
    if (!taken.has(`${major}${suffix}`)) return suffix;
  }
  return '99';
}

/** 案件类别: the two-level table of classes and types with their urgency, starting level and time limits. */
export function CategoriesTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [items, setItems] = useState<CategoryItem[] | null>(null);
  const [version, setVersion] = useState(0);
  const [kind, setKind] = useState<Kind | 'all'>('all');
  const [q, setQ] = useState('');
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const fail = useCallback((e: unknown) => void message.error(errorText(e)), [message]);

  useEffect(() => {
    let live = true;
    api<{ items: CategoryItem[] }>('/case-categories').then((r) => live && setItems(r.items)).catch(fail);
    return () => void (live = false);
  }, [version, fail]);

  const rows = useMemo<Row[]>(() => {
    const all = items ?? [];
    const needle = q.trim().toLowerCase();
    const hit = (c: CategoryItem) => !needle || c.code.toLowerCase().includes(needle) || c.name.includes(needle) || c.nameEn.toLowerCase().includes(needle);
    return all
      .filter((c) => c.parentCode === null && (kind === 'all' || c.kind === kind))
      .map((m) => {
        const minors = all.filter((c) => c.parentCode === m.code);
        const shown = hit(m) ? minors : minors.filter(hit);
        return { major: m, shown, matches: hit(m) || shown.length > 0 };
      })
      .filter((x) => x.matches)
      .map(({ major, shown }) => ({ ...major, ...(shown.length ? { children: shown } : {}) }));
  }, [items, kind, q]);

  // a search opens the classes it found something in
  useEffect(() => {
    if (q.trim()) setExpanded(rows.map((r) => r.code));
  }, [q, rows]);

  const majors = (items ?? []).filter((c) => c.parentCode === null).length;
  const limit = (m: number) => formatWorkingMinutes(m, t);
  const head: ExportColumn<Row>[] = [
    { title: t('set_code'), dataIndex: 'code', width: 120, render: (c: string) => <span className="code">{c}</span> },
    { title: t('name'), dataIndex: 'name', width: 170, render: (n: string, c) => (c.parentCode ? n : <Typography.Text strong>{n}</Typography.Text>) },
    { title: t('set_nameEn'), dataIndex: 'nameEn', width: 200, ellipsis: { showTitle: true } },
    { title: t('priority'), dataIndex: 'priority', width: 90, render: (p: Row['priority']) => <Tag color={priorityColour[p]}>{t(`prio_${p}`)}</Tag> },
    { title: t('set_startLevel'), dataIndex: 'defaultLevel', width: 90, render: (l: Row['defaultLevel']) => t(`level_${l}`) },
  ];
  const limitColumn = (s: (typeof stages)[number]): ExportColumn<Row> => ({
    title: t(`stage_${s}`), key: s, width: 108, render: (_: unknown, c: Row) => <span style={{ whiteSpace: 'nowrap' }}>{limit(c.limits[s])}</span>,
  });
  const tail: ExportColumn<Row>[] = [
    { title: t('set_sensitive'), dataIndex: 'sensitive', width: 64, render: (v: boolean) => (v ? <Tag color="purple">{t('yes')}</Tag> : <Typography.Text type="secondary">{t('no')}</Typography.Text>) },
    { title: t('set_active'), dataIndex: 'active', width: 64, render: (v: boolean) => (v ? <Tag color="green">{t('yes')}</Tag> : <Tag>{t('no')}</Tag>) },
    {
      title: t('action'), key: 'actions', width: 170, fixed: 'right', noExport: true,
      render: (_, c) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', item: c })}>{t('edit')}</Button>
          {c.parentCode === null && <Button type="link" size="small" data-testid={`add-type-${c.code}`} onClick={() => setEditing({ mode: 'new', major: c })}>{t('set_addType')}</Button>}
        </Space>
      ),
    },
  ];
  const columns: ColumnsType<Row> = [...head, { title: t('set_limits'), children: stages.map(limitColumn) }, ...tail];
  // a sheet has one header row: the grouped time limits become 时限（工作时间）·立案 …, and the types follow their class
  // whether or not the class is expanded on screen
  const exportColumns: ExportColumn<Row>[] = [...head, ...stages.map((s) => ({ ...limitColumn(s), title: `${t('set_limits')}·${t(`stage_${s}`)}` })), ...tail];
  const exportRows = rows.flatMap((r) => [r, ...(r.children ?? [])]);
  const note = [kind === 'all' ? '' : t(`kind_${kind}`), q.trim() && `“${q.trim()}”`].filter(Boolean).join('　');

  return (
    <div data-testid="categories-tab">
      <Space wrap style={{ marginBottom: 8 }}>
        <Segmented<Kind | 'all'> value={kind} onChange={setKind}
          options={[{ value: 'all', label: t('set_allKinds') }, ...(['component', 'event', 'social'] as const).map((k) => ({ value: k, label: t(`kind_${k}`) }))]} />
        <Input.Search allowClear placeholder={t('set_searchCategories')} style={{ width: 240 }} onSearch={setQ} onChange={(e) => !e.target.value && setQ('')} />
        <Typography.Text type="secondary">{t('set_categoriesTotal', { majors, minors: (items?.length ?? 0) - majors })}</Typography.Text>
        <ExportTableButton title={t('set_categories')} note={note || undefined} columns={exportColumns} rows={exportRows} testId="export-categories" />
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('set_limitsHint', { h: minutesPerDay / 60, m: minutesPerDay })}
      </Typography.Paragraph>
      <Table<Row>
        size="small" rowKey="code" bordered loading={!items} dataSource={rows} columns={columns} pagination={false} scroll={{ x: 'max-content' }}
        expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: setExpanded, indentSize: 20 }}
        rowClassName={(c) => (c.active ? '' : 'settings-inactive')}
      />
      <CategoryDrawer editing={editing} items={items ?? []} english={lang === 'en'} onClose={() => setEditing(null)} onSaved={(c) => {
        setEditing(null);
        setVersion((v) => v + 1);
        if (c.parentCode) setExpanded((keys) => (keys.includes(c.parentCode!) ? keys : [...keys, c.parentCode!]));
      }} />
    </div>
  );
}

interface FormValues {
  suffix?: string;
  name: string;
  nameEn: string;
  priority: CategoryItem['priority'];
  defaultLevel: CategoryItem['defaultLevel'];
  limits: CategoryItem['limits'];
  duplicates?: CategoryItem['duplicates'];
  sensitive: boolean;
  active: boolean;
}

function CategoryDrawer({ editing, items, english, onClose, onSaved }: {
  editing: Editing | null; items: CategoryItem[]; english: boolean; onClose(): void; onSaved(c: CategoryItem): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const limits = Form.useWatch('limits', form);

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing.mode === 'edit') {
      const { code: _code, parentCode: _parent, kind: _kind, ...rest } = editing.item;
      form.setFieldsValue(rest);
    } else {
      const m = editing.major;
      form.setFieldsValue({ suffix: suggestTypeCode(m.code, items), name: '', nameEn: '', priority: 'normal', defaultLevel: m.defaultLevel, limits: { ...m.limits }, duplicates: m.duplicates && { ...m.duplicates }, sensitive: false, active: true });
    }
  }, [editing, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async () => {
    if (!editing) return;
    const v = await form.validateFields();
    const code = editing.mode === 'edit' ? editing.item.code : `${editing.major.code}${v.suffix}`;
    const base = editing.mode === 'edit' ? editing.item : { parentCode: editing.major.code, kind: editing.major.kind };
    const body: Omit<CategoryItem, 'code'> = {
      parentCode: base.parentCode, kind: base.kind, name: v.name.trim(), nameEn: v.nameEn.trim(), priority: v.priority, defaultLevel: v.defaultLevel,
      limits: { register: v.limits.register, dispatch: v.limits.dispatch, handle: v.limits.handle, verify: v.limits.verify }, sensitive: v.sensitive, active: v.active,
      ...(v.duplicates?.radiusM && v.duplicates.windowHours ? { duplicates: { radiusM: v.duplicates.radiusM, windowHours: v.duplicates.windowHours } } : {}),
    };
    setSaving(true);
    try {
      const saved = await api<CategoryItem>(`/case-categories/${code}`, { method: 'PUT', body });
      message.success(t('saved'));
      onSaved(saved);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const title = !editing ? '' : editing.mode === 'edit'
    ? t('set_editCategory', { code: editing.item.code })
    : t('set_newType', { major: `${english ? editing.major.nameEn : editing.major.name}（${editing.major.code}）` });
  return (
    <Drawer open={!!editing} title={title} width={460} onClose={onClose} destroyOnHidden
      extra={<Space><Button onClick={onClose}>{t('cancel')}</Button><Button type="primary" loading={saving} onClick={save} data-testid="category-save">{t('save')}</Button></Space>}>
      <Form form={form} layout="vertical" data-testid="category-form" requiredMark={false}>
        {editing?.mode === 'new' && (
          <Form.Item name="suffix" label={t('set_typeCode')} extra={t('set_typeCodeHint', { example: `${editing.major.code}01` })}
            rules={[
              { required: true, pattern: /^\d{2}$/, message: t('set_typeCodeHint', { example: `${editing.major.code}01` }) },
              { validator: (_, s: string) => {
                const taken = items.find((c) => c.code === `${editing.major.code}${s}`);
                return taken ? Promise.reject(new Error(t('set_codeTaken', { code: taken.code, name: taken.name }))) : Promise.resolve();
              } },
            ]}>
            <Input addonBefore={<span className="code">{editing.major.code}</span>} maxLength={2} className="code" style={{ width: 160 }} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, max: 40 }]}><Input /></Form.Item>
        <Form.Item name="nameEn" label={t('set_nameEn')} rules={[{ required: true, whitespace: true, max: 80 }]}><Input /></Form.Item>
        <Space size="large">
          <Form.Item name="priority" label={t('priority')}>
            <Select style={{ width: 120 }} options={casePriorities.map((p) => ({ value: p, label: t(`prio_${p}`) }))} />
          </Form.Item>
          <Form.Item name="defaultLevel" label={t('set_startLevel')}>
            <Select style={{ width: 120 }} options={caseLevels.map((l) => ({ value: l, label: t(`level_${l}` as MessageKey) }))} />
          </Form.Item>
        </Space>
        <Typography.Title level={5} style={{ margin: '4px 0 0' }}>{t('set_limits')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 8px' }}>{t('set_limitsHint', { h: minutesPerDay / 60, m: minutesPerDay })}</Typography.Paragraph>
        {stages.map((s) => {
          const [min, max] = limitBounds[s];
          const value = limits?.[s];
          return (
            <Form.Item key={s} name={['limits', s]} label={t(`stage_${s}`)} rules={[{ required: true, type: 'number', min, max, message: t('set_limitRange', { min, max }) }]}
              extra={typeof value === 'number' && value >= min && value <= max ? formatWorkingMinutes(value, t) : t('set_limitRange', { min, max })}
              style={{ marginBottom: 12 }}>
              <InputNumber min={1} precision={0} step={30} addonAfter={t('set_minutes')} style={{ width: 200 }} />
            </Form.Item>
          );
        })}
        <Typography.Title level={5} style={{ margin: '4px 0 0' }}>{t('set_duplicates')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 8px' }}>{t('set_duplicatesHint')}</Typography.Paragraph>
        <Space size="large">
          <Form.Item name={['duplicates', 'radiusM']} label={t('set_duplicateRadius')} rules={[{ type: 'number', min: 1, max: 5000 }]}>
            <InputNumber min={1} max={5000} precision={0} step={10} addonAfter="m" style={{ width: 150 }} data-testid="duplicate-radius" />
          </Form.Item>
          <Form.Item name={['duplicates', 'windowHours']} label={t('set_duplicateWindow')} rules={[{ type: 'number', min: 1, max: 8760 }]}>
            <InputNumber min={1} max={8760} precision={0} step={24} addonAfter="h" style={{ width: 150 }} data-testid="duplicate-window" />
          </Form.Item>
        </Space>
        <Space size="large">
          <Form.Item name="sensitive" label={t('set_sensitive')} valuePropName="checked" tooltip={t('set_sensitiveHint')}><Switch /></Form.Item>
          <Form.Item name="active" label={t('set_active')} valuePropName="checked"><Switch /></Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
