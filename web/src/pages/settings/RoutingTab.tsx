import type { CategoryItem, RegionTreeNode, UnitItem } from '@gongzhi/contracts';
import { Alert, App, Button, Cascader, Form, Input, Popconfirm, Select, Space, Table, Typography, TreeSelect } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorText } from '../../api/client';
import { useI18n, type MessageKey } from '../../app/i18n';
import { ExportTableButton } from '../../components/table/ExportTableButton';
import type { ExportColumn } from '../../components/table/tableText';
import { categoryOptions } from '../cases/categories';

/** A row of GET /routing-rules (routingRuleItem in the contracts). */
export interface RoutingRule {
  id: string;
  categoryCode: string;
  categoryName: string;
  regionCode: string;
  regionName: string;
  unit: { id: string; name: string };
}

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}
const treeOptions = (n: RegionTreeNode): TreeOption => ({ value: n.code, title: n.name, children: n.children.map(treeOptions) });

interface RuleForm {
  category: string[];
  regionCode: string;
  unitId: string;
}

/** 分拨规则: category × area → responsible unit, the table and a form to add one. */
export function RoutingTab() {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const [rules, setRules] = useState<RoutingRule[] | null>(null);
  const [categories, setCategories] = useState<CategoryItem[]>([]);
  const [units, setUnits] = useState<UnitItem[]>([]);
  const [tree, setTree] = useState<RegionTreeNode | null>(null);
  const [version, setVersion] = useState(0);
  const [q, setQ] = useState('');
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<RuleForm>();
  const fail = useCallback((e: unknown) => void message.error(errorText(e)), [message]);

  useEffect(() => {
    let live = true;
    api<{ items: RoutingRule[] }>('/routing-rules').then((r) => live && setRules(r.items)).catch(fail);
    return () => void (live = false);
  }, [version, fail]);
  useEffect(() => {
    let live = true;
    api<{ items: CategoryItem[] }>('/case-categories').then((r) => live && setCategories(r.items)).catch(fail);
    api<{ items: UnitItem[] }>('/units').then((r) => live && setUnits(r.items)).catch(fail);
    api<{ root: RegionTreeNode }>('/regions/tree').then((r) => live && setTree(r.root)).catch(fail);
    return () => void (live = false);
  }, [fail]);

  const options = useMemo(() => categoryOptions(categories, lang === 'en', (k) => t(`kind_${k}` as MessageKey)), [categories, lang, t]);
  const regionOptions = useMemo(() => (tree ? [treeOptions(tree)] : []), [tree]);
  const unitOptions = useMemo(() => {
    const group = (kind: UnitItem['kind']) => units.filter((u) => u.kind === kind).map((u) => ({ value: u.id, label: u.name }));
    return [
      { label: t('set_departments'), title: t('set_departments'), options: group('department') },
      { label: t('set_offices'), title: t('set_offices'), options: group('office') },
    ];
  }, [units, t]);

  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    if (!needle) return rules ?? [];
    return (rules ?? []).filter((r) => [r.categoryCode, r.categoryName, r.regionCode, r.regionName, r.unit.name].some((s) => s.toLowerCase().includes(needle)));
  }, [rules, q]);

  const create = async (values: RuleForm) => {
    const body = { categoryCode: values.category[values.category.length - 1]!, regionCode: values.regionCode, unitId: values.unitId };
    const existing = rules?.find((r) => r.categoryCode === body.categoryCode && r.regionCode === body.regionCode);
    if (existing && existing.unit.id === body.unitId) return void message.info(t('saved'));
    if (existing) {
      const ok = await modal.confirm({ title: t('set_replaceRule', { category: existing.categoryName, region: existing.regionName, unit: existing.unit.name }), okText: t('save'), cancelText: t('cancel') });
      if (!ok) return;
    }
    setSaving(true);
    try {
      await api<{ id: string }>('/routing-rules', { method: 'POST', body });
      message.success(t('saved'));
      form.resetFields();
      setVersion((v) => v + 1);
    } catch (e) {
      fail(e);
    } finally {
      setSaving(false);
    }
  };
  const remove = async (r: RoutingRule) => {
    try {
      await api(`/routing-rules/${r.id}`, { method: 'DELETE' });
      message.success(t('deleted'));
      setVersion((v) => v + 1);
    } catch (e) {
      fail(e);
    }
  };

  // a name with its code beside it reads as one run of text: the sheet gets 名称（代码）
  const named = (name: string, code: string) => (
    <Space size={6}><span>{name}</span><Typography.Text type="secondary" className="code">{code}</Typography.Text></Space>
  );
  const columns: ExportColumn<RoutingRule>[] = [
    { title: t('category'), key: 'category', render: (_, r) => named(r.categoryName, r.categoryCode), exportValue: (r) => `${r.categoryName}（${r.categoryCode}）` },
    { title: t('set_region'), key: 'region', render: (_, r) => named(r.regionName, r.regionCode), exportValue: (r) => `${r.regionName}（${r.regionCode}）` },
    { title: t('set_responsibleUnit'), key: 'unit', render: (_, r) => r.unit.name },
    { title: t('action'), key: 'actions', width: 90, noExport: true, render: (_, r) => (
      <Popconfirm title={t('set_deleteRule')} okText={t('delete')} cancelText={t('cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove(r)}>
        <Button type="link" size="small" danger>{t('delete')}</Button>
      </Popconfirm>
    ) },
  ];

  return (
    <div data-testid="routing-tab">
      <Alert type="info" showIcon message={t('set_routingHint')} style={{ marginBottom: 12 }} />
      <Form<RuleForm> form={form} layout="inline" onFinish={create} data-testid="rule-form" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="category" label={t('category')} rules={[{ required: true, message: t('set_pickCategoryAny') }]}>
          <Cascader options={options} changeOnSelect showSearch placeholder={t('set_pickCategoryAny')} style={{ width: 240 }} data-testid="rule-category" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('set_region')} rules={[{ required: true, message: t('set_pickRegion') }]}>
          <TreeSelect treeData={regionOptions} showSearch treeNodeFilterProp="title" placeholder={t('set_pickRegion')} style={{ width: 240 }}
            treeDefaultExpandedKeys={tree ? [tree.code] : []} popupMatchSelectWidth={320} data-testid="rule-region" />
        </Form.Item>
        <Form.Item name="unitId" label={t('set_responsibleUnit')} rules={[{ required: true, message: t('set_pickUnit') }]}>
          <Select options={unitOptions} showSearch optionFilterProp="label" placeholder={t('set_pickUnit')} style={{ width: 260 }} data-testid="rule-unit" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>{t('set_addRule')}</Button>
        </Form.Item>
      </Form>
      <Space style={{ marginBottom: 8 }}>
        <Input.Search allowClear placeholder={t('set_searchRules')} style={{ width: 260 }} onSearch={setQ} onChange={(e) => !e.target.value && setQ('')} />
        <Typography.Text type="secondary">{t('set_rulesTotal', { n: shown.length })}</Typography.Text>
        <ExportTableButton title={t('set_routing')} note={q.trim() ? `“${q.trim()}”` : undefined} columns={columns} rows={shown} testId="export-routing" />
      </Space>
      <Table<RoutingRule> size="small" rowKey="id" loading={!rules} dataSource={shown} pagination={false} scroll={{ x: 'max-content' }}
        columns={columns} />
    </div>
  );
}
