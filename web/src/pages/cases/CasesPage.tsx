import { caseSources, caseStates, type CaseInbox, type CaseListItem, type CaseListResponse, type SessionUser } from '@gongzhi/contracts';
import { Alert, App, Button, Cascader, Checkbox, DatePicker, Input, List, Segmented, Select, Space, Table, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorText } from '../../api/client';
import { useI18n, type MessageKey } from '../../app/i18n';
import { caseHref, navigate } from '../../app/pages';
import { useIsPhone } from '../../app/responsive';
import { can, useSession } from '../../app/session';
import { DuplicateTag, ReadingTag, StateTag } from './bits';
import { CasesMap } from './CasesMap';
import { categoryOptions } from './categories';
import { formatTime } from './format';
import { useCategories } from './reference';

type Tab = CaseInbox | 'all';

/** The lists a role works from: its inboxes first, then its own reports, then the search over everything it may read. */
export function tabsFor(user: SessionUser): Tab[] {
  const tabs: Tab[] = [];
  if (can(user, 'case:dispatch')) tabs.push('dispatch');
  if (can(user, 'case:handle')) tabs.push('handle');
  if (can(user, 'case:verify')) tabs.push('verify');
  if (can(user, 'case:dispatch')) tabs.push('requests');
  if (can(user, 'case:report')) tabs.push('mine');
  if (user.role !== 'citizen') tabs.push('all');
  return tabs;
}

export interface Filters {
  state?: string[];
  category?: string;
  source?: string;
  range?: [string, string];
  overdue?: boolean;
  q?: string;
  /** set by a link from a figure (驾驶舱): the region, lead unit or reporter the count covers */
  region?: string;
  unit?: string;
  reporter?: string;
}

/** The filters a link carries after the hash (#/cases?region=…&from=…&to=…&state=…), so a figure opens the cases behind it. */
export function filtersFromHash(hash: string): Filters | null {
  const query = hash.split('?')[1];
  if (!query) return null;
  const p = new URLSearchParams(query);
  const f: Filters = {};
  for (const key of ['region', 'unit', 'reporter', 'category', 'source'] as const) if (p.get(key)) f[key] = p.get(key)!;
  if (p.getAll('state').length) f.state = p.getAll('state');
  if (p.get('from') && p.get('to')) f.range = [p.get('from')!, p.get('to')!];
  if (p.get('overdue') === 'true') f.overdue = true;
  return Object.keys(f).length ? f : null;
}

/** The list's search as a query string; without a page it is what 导出 Excel takes (/cases/export). */
export function listQuery(tab: Tab, filters: Filters, page?: number, pageSize?: number): string {
  const p = new URLSearchParams();
  if (tab !== 'all') p.set('inbox', tab);
  else {
    for (const s of filters.state ?? []) p.append('state', s);
    if (filters.category) p.set('category', filters.category);
    if (filters.source) p.set('source', filters.source);
    if (filters.range) {
      p.set('from', filters.range[0]);
      p.set('to', filters.range[1]);
    }
    if (filters.overdue) p.set('overdue', 'true');
    for (const key of ['region', 'unit', 'reporter'] as const) if (filters[key]) p.set(key, filters[key]!);
  }
  if (filters.q) p.set('q', filters.q);
  if (page !== undefined) p.set('page', String(page));
  if (pageSize !== undefined) p.set('pageSize', String(pageSize));
  return p.toString();
}

const tabKey = 'gongzhi.casesTab';

/** 案件: the role's inboxes and a search, as a table (a list on a phone) or as a map of the case layer. */
export function CasesPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const tabs = useMemo(() => tabsFor(user!), [user]);
  const linked = useMemo(() => filtersFromHash(window.location.hash), []);
  const [tab, setTabState] = useState<Tab>(() => {
    if (linked && tabs.includes('all')) return 'all';
    const saved = sessionStorage.getItem(tabKey) as Tab | null;
    return saved && tabs.includes(saved) ? saved : tabs[0] ?? 'mine';
  });
  const setTab = (v: Tab) => {
    sessionStorage.setItem(tabKey, v);
    setTabState(v);
    setPage(1);
  };
  const [view, setView] = useState<'list' | 'map'>('list');
  const [filters, setFilters] = useState<Filters>(() => linked ?? {});
  const [page, setPage] = useState(1);
  const pageSize = phone ? 10 : 20;
  const [data, setData] = useState<CaseListResponse | null>(null);
  const [loading, setLoading] = useState(false);
  const fail = useCallback((e: unknown) => void message.error(errorText(e)), [message]);
  const categories = useCategories(fail);
  const options = useMemo(() => categoryOptions(categories, lang === 'en', (k) => t(`kind_${k}` as MessageKey)), [categories, lang, t]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api<CaseListResponse>(`/cases?${listQuery(tab, filters, page, pageSize)}`)
      .then((r) => live && setData(r))
      .catch(fail)
      .finally(() => live && setLoading(false));
    return () => void (live = false);
  }, [tab, filters, page, pageSize, fail]);

  const update = (f: Partial<Filters>) => {
    setFilters((old) => ({ ...old, ...f }));
    setPage(1);
  };
  const open = (c: CaseListItem) => navigate(caseHref(c.id));
  const pagination = { current: page, pageSize, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, size: 'small' as const, showTotal: (n: number) => t('casesTotal', { n }) };

  // a link from a figure of the dashboard: say what the list is narrowed to, and let it go
  const linkedNotice = tab === 'all' && (filters.region || filters.unit || filters.reporter) && (
    <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="linked-filter"
      message={t('linkedFilter', { from: filters.range?.[0] ?? '…', to: filters.range?.[1] ?? '…' })}
      action={<Button size="small" onClick={() => setFilters({})}>{t('clearFilter')}</Button>} />
  );
  const filterBar = tab === 'all' && (
    <Space wrap style={{ marginBottom: 12 }} data-testid="case-filters">
      <Select mode="multiple" allowClear placeholder={t('allStates')} style={{ minWidth: 160 }} maxTagCount="responsive" value={filters.state ?? []}
        onChange={(v: string[]) => update({ state: v.length ? v : undefined })} options={caseStates.map((s) => ({ value: s, label: t(`state_${s}` as MessageKey) }))} />
      <Cascader options={options} changeOnSelect allowClear placeholder={t('allCategories')} style={{ width: 200 }} showSearch
        onChange={(v) => update({ category: v?.length ? String(v[v.length - 1]) : undefined })} />
      <Select allowClear placeholder={t('allSources')} style={{ width: 140 }} value={filters.source} onChange={(v?: string) => update({ source: v })}
        options={caseSources.map((s) => ({ value: s, label: t(`src_${s}` as MessageKey) }))} />
      <DatePicker.RangePicker placeholder={[t('dateRange'), t('dateRange')]}
        onChange={(_, s) => update({ range: s[0] && s[1] ? [s[0], s[1]] : undefined })} />
      <Checkbox checked={filters.overdue ?? false} onChange={(e) => update({ overdue: e.target.checked || undefined })}>{t('overdueOnly')}</Checkbox>
    </Space>
  );

  const table = (
    <Table<CaseListItem>
      size="small" rowKey="id" loading={loading} dataSource={data?.items ?? []} pagination={pagination} scroll={{ x: 960 }}
      locale={{ emptyText: t('noCases') }}
      onRow={(c) => ({ onClick: () => open(c), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('caseNumber'), dataIndex: 'number', width: 200, render: (n: string, c) => <><a className="code">{n}</a>{c.likelyDuplicateOf && <DuplicateTag of={c.likelyDuplicateOf} />}</> },
        { title: t('category'), dataIndex: 'categoryName', ellipsis: true },
        { title: t('description'), dataIndex: 'description', ellipsis: true },
        { title: t('streetCommunity'), render: (_, c) => `${c.streetName} / ${c.communityName}`, ellipsis: true },
        { title: t('state'), width: 150, render: (_, c) => <StateTag state={c.state} overdue={c.overdue} testId="row-state" /> },
        { title: t('stageDue'), width: 170, render: (_, c) => c.stageDueAt
          ? <Typography.Text type={c.overdue ? 'danger' : undefined} strong={c.overdue}>{c.stage ? `${t(`stage_${c.stage}` as MessageKey)} · ` : ''}{formatTime(c.stageDueAt)}</Typography.Text>
          : '—' },
        { title: t('reportedAt'), dataIndex: 'reportedAt', width: 140, render: (v: string) => formatTime(v) },
        // dispatchers see what the classifier read in each report waiting for them
        ...(data?.items.some((c) => c.reading !== undefined)
          ? [{ title: t('reading'), width: 190, render: (_: unknown, c: CaseListItem) => (c.reading ? <ReadingTag reading={c.reading} /> : '—') }]
          : []),
      ]}
    />
  );

  const list = (
    <List<CaseListItem>
      loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, align: 'center' }} locale={{ emptyText: t('noCases') }}
      renderItem={(c) => (
        <List.Item data-testid="case-item" onClick={() => open(c)} style={{ cursor: 'pointer', display: 'block', background: '#fff', padding: '10px 12px', marginBottom: 8, borderRadius: 6, borderBlockEnd: 'none' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <Typography.Text strong ellipsis>{c.categoryName}</Typography.Text>
            <StateTag state={c.state} overdue={c.overdue} testId="row-state" />
          </div>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>{c.description}</Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <span className="code">{c.number}</span> · {formatTime(c.reportedAt)} · {c.communityName}
          </Typography.Text>
          {c.likelyDuplicateOf && <DuplicateTag of={c.likelyDuplicateOf} />}
        </List.Item>
      )}
    />
  );

  return (
    <div style={{ height: '100%', display: 'flex', flexDirection: 'column', padding: phone ? '4px 8px 8px' : '8px 16px 16px', boxSizing: 'border-box', background: phone ? '#f5f6f8' : undefined }}>
      <Tabs activeKey={tab} onChange={(k) => setTab(k as Tab)} items={tabs.map((k) => ({ key: k, label: t(`inbox_${k}` as MessageKey) }))}
        tabBarExtraContent={phone ? undefined : (
          <Segmented value={view} onChange={(v) => setView(v as 'list' | 'map')} options={[{ value: 'list', label: t('listView') }, { value: 'map', label: t('mapView') }]} />
        )} />
      {view === 'map' && !phone ? (
        <CasesMap />
      ) : (
        <div style={{ flex: 1, overflow: 'auto' }}>
          <Space wrap style={{ marginBottom: 8 }}>
            <Input.Search allowClear placeholder={t('searchCases')} style={{ width: phone ? 'calc(100vw - 16px)' : 300 }} onSearch={(q) => update({ q: q || undefined })} />
            {/* the whole search, every page, made on the server (a city's list outgrows a browser) */}
            {!phone && can(user, 'case:export') && <Button href={`/api/v1/cases/export?${listQuery(tab, filters)}`} download data-testid="export-cases">{t('exportExcel')}</Button>}
          </Space>
          {linkedNotice}
          {filterBar}
          {phone ? list : table}
        </div>
      )}
    </div>
  );
}
