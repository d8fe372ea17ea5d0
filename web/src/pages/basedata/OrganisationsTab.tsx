import { orgTypeValues } from '@gongzhi/contracts';
import { Button, Input, List, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { navigate, organisationHref } from '../../app/pages';
import { useIsPhone } from '../../app/responsive';
import { can, useSession } from '../../app/session';
import { ExportTableButton, loadAllPages } from '../../components/table/ExportTableButton';
import type { ExportColumn } from '../../components/table/tableText';
import { Pager } from './bits';
import { NewRecordDrawer } from './NewRecordDrawer';
import { listQuery } from './query';
import { RegionPicker } from './RegionPicker';
import { enumText, useStrings, type StringKey } from './strings';
import { useI18n } from '../../app/i18n';
import type { OrgListItem } from './types';
import { usePagedList } from './usePagedList';

type Filters = { q?: string; region?: string; type?: string };

/** 单位: enterprises, sole traders, social organisations and public bodies of the jurisdiction, searchable by name or credit code. */
export function OrganisationsTab() {
  const s = useStrings();
  const { lang } = useI18n();
  const { user } = useSession();
  const phone = useIsPhone();
  const [adding, setAdding] = useState(false);
  const { filters, update, page, setPage, items, hasMore, loading } = usePagedList<OrgListItem, Filters>('/basedata/organisations', phone ? 10 : 20);
  const open = (o: OrgListItem) => navigate(organisationHref(o.id));
  const industry = (code: string | null) => (code ? enumText(lang, 'industry', code) ?? code : '—');
  const typeName = (o: OrgListItem) => s(`org_type_${o.orgType}` as StringKey);

  const columns: ExportColumn<OrgListItem>[] = [
    { title: s('orgName'), dataIndex: 'name', ellipsis: true, render: (n: string) => <a>{n}</a> },
    { title: s('uscc'), dataIndex: 'uscc', width: 190, render: (v: string | null) => <span className="code">{v ?? '—'}</span> },
    { title: s('orgType'), width: 110, render: (_, o) => typeName(o) },
    { title: s('industry'), dataIndex: 'industry', width: 180, ellipsis: true, render: industry },
    { title: s('legalRep'), dataIndex: 'legalRep', width: 100, render: (v: string | null) => v ?? '—' },
    { title: s('headCount'), dataIndex: 'headCount', width: 90, align: 'right', render: (v: number | null) => v ?? '—' },
    { title: s('orgAddress'), dataIndex: 'address', ellipsis: true },
  ];
  // the sheet says what the list was narrowed to: the search words, the region code, the type
  const narrowedTo = [filters.q && `“${filters.q}”`, filters.region, filters.type && s(`org_type_${filters.type}` as StringKey)].filter(Boolean).join('　');

  const toolbar = (
    <Space wrap style={{ marginBottom: 12 }} data-testid="org-filters">
      <Input.Search allowClear placeholder={s('searchOrgs')} style={{ width: phone ? 'calc(100vw - 24px)' : 280 }} data-testid="org-search"
        onSearch={(q) => update({ q: q.trim() || undefined })} enterButton />
      <RegionPicker value={filters.region} onChange={(region) => update({ region })} />
      <Select allowClear placeholder={s('allTypes')} style={{ width: 150 }} value={filters.type} onChange={(type?: string) => update({ type })}
        options={orgTypeValues.map((v) => ({ value: v, label: s(`org_type_${v}` as StringKey) }))} />
      {can(user, 'basedata:write') && <Button type="primary" onClick={() => setAdding(true)} data-testid="add-org">{s('newOrg')}</Button>}
      {/* every page with the current filters, not only the page shown */}
      <ExportTableButton title={s('tab_organisations')} note={narrowedTo || undefined} columns={columns} testId="export-organisations"
        loadRows={() => loadAllPages<OrgListItem>('/basedata/organisations', listQuery(filters))} />
    </Space>
  );

  const table = (
    <Table<OrgListItem>
      size="small" rowKey="id" loading={loading} dataSource={items} pagination={false} scroll={{ x: 1100 }} data-testid="org-table"
      locale={{ emptyText: s('noOrgs') }} onRow={(o) => ({ onClick: () => open(o), style: { cursor: 'pointer' } })}
      columns={columns}
    />
  );

  const cards = (
    <List<OrgListItem> loading={loading} dataSource={items} locale={{ emptyText: s('noOrgs') }} data-testid="org-list"
      renderItem={(o) => (
        <List.Item onClick={() => open(o)} data-testid="org-item"
          style={{ cursor: 'pointer', display: 'block', background: '#fff', padding: '10px 12px', marginBottom: 8, borderRadius: 6, borderBlockEnd: 'none' }}>
          <Typography.Text strong>{o.name}</Typography.Text>
          <div style={{ fontSize: 12, margin: '4px 0' }}>{typeName(o)} · {industry(o.industry)}{o.headCount != null ? ` · ${o.headCount}` : ''}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{o.address}</Typography.Text>
        </List.Item>
      )}
    />
  );

  return (
    <div>
      {toolbar}
      {phone ? cards : table}
      <Pager page={page} hasMore={hasMore} onPage={setPage} />
      <NewRecordDrawer entity="organisation" open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
