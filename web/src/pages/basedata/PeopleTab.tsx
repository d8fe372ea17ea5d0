import { personTypeValues } from '@gongzhi/contracts';
import { Button, Input, List, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { navigate, personHref } from '../../app/pages';
import { useIsPhone } from '../../app/responsive';
import { can, useSession } from '../../app/session';
import { GroupTags, Pager, PersonTypeTag } from './bits';
import { ageOn, today } from './format';
import { exportHref } from './query';
import { NewRecordDrawer } from './NewRecordDrawer';
import { useTags } from './reference';
import { RegionPicker } from './RegionPicker';
import { useStrings, type StringKey } from './strings';
import type { PersonListItem } from './types';
import { usePagedList } from './usePagedList';

type Filters = { q?: string; region?: string; type?: string; tag?: string };

/** 人员: search by name, ID number or phone, narrow by region, type and tag; a table (cards on a phone) that opens the person. */
export function PeopleTab() {
  const s = useStrings();
  const { lang, t } = useI18n();
  const { user } = useSession();
  const phone = useIsPhone();
  const tags = useTags();
  const [adding, setAdding] = useState(false);
  const { filters, update, page, setPage, items, hasMore, loading } = usePagedList<PersonListItem, Filters>('/basedata/people', phone ? 10 : 20);
  const open = (p: PersonListItem) => navigate(personHref(p.id));
  const day = today();
  const born = (p: PersonListItem) => (p.birthDate ? `${p.birthDate} · ${s('ageN', { n: ageOn(p.birthDate, day) ?? 0 })}` : '—');

  const toolbar = (
    <Space wrap style={{ marginBottom: 12 }} data-testid="people-filters">
      <Input.Search allowClear placeholder={s('searchPeople')} style={{ width: phone ? 'calc(100vw - 24px)' : 280 }} data-testid="people-search"
        onSearch={(q) => update({ q: q.trim() || undefined })} enterButton />
      <RegionPicker value={filters.region} onChange={(region) => update({ region })} />
      <Select allowClear placeholder={s('allTypes')} style={{ width: 130 }} value={filters.type} onChange={(type?: string) => update({ type })} data-testid="type-filter"
        options={personTypeValues.map((v) => ({ value: v, label: s(`person_type_${v}` as StringKey) }))} />
      <Select allowClear showSearch optionFilterProp="label" placeholder={s('allTags')} style={{ width: 150 }} value={filters.tag} onChange={(tag?: string) => update({ tag })}
        options={tags.map((x) => ({ value: x.code, label: lang === 'en' && x.nameEn ? x.nameEn : x.name }))} />
      {can(user, 'basedata:write') && <Button type="primary" onClick={() => setAdding(true)} data-testid="add-person">{s('newPerson')}</Button>}
      {can(user, 'basedata:export') && (
        <Tooltip title={can(user, 'basedata:reveal') ? undefined : s('exportMaskedHint')}>
          <Button href={exportHref('person', { ...filters })} download data-testid="export-people">{t('exportExcel')}</Button>
        </Tooltip>
      )}
    </Space>
  );

  const table = (
    <Table<PersonListItem>
      size="small" rowKey="id" loading={loading} dataSource={items} pagination={false} scroll={{ x: 1100 }} data-testid="people-table"
      locale={{ emptyText: s('noPeople') }} onRow={(p) => ({ onClick: () => open(p), style: { cursor: 'pointer' } })}
      columns={[
        { title: s('name'), dataIndex: 'name', width: 100, render: (n: string) => <a>{n}</a> },
        { title: s('gender'), dataIndex: 'gender', width: 76, render: (g: string | null) => (g ? s(`gender_${g}` as StringKey) : '—') },
        { title: s('birthAge'), width: 160, render: (_, p) => born(p) },
        { title: s('idNumber'), dataIndex: 'idMasked', width: 180, render: (v: string) => <span className="code">{v}</span> },
        { title: s('phone'), dataIndex: 'phoneMasked', width: 120, render: (v: string | null) => <span className="code">{v ?? '—'}</span> },
        { title: s('personType'), dataIndex: 'personType', width: 100, render: (_, p) => <PersonTypeTag type={p.personType} /> },
        { title: s('tags'), dataIndex: 'tags', render: (codes: string[]) => <GroupTags codes={codes} /> },
        { title: s('address'), dataIndex: 'address', ellipsis: true, render: (a: string | null) => a ?? '—' },
        { title: s('grid'), dataIndex: 'gridCode', width: 150, render: (g: string) => <span className="code">{g}</span> },
      ]}
    />
  );

  const cards = (
    <List<PersonListItem> loading={loading} dataSource={items} locale={{ emptyText: s('noPeople') }} data-testid="people-list"
      renderItem={(p) => (
        <List.Item onClick={() => open(p)} data-testid="person-item"
          style={{ cursor: 'pointer', display: 'block', background: '#fff', padding: '10px 12px', marginBottom: 8, borderRadius: 6, borderBlockEnd: 'none' }}>
          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text strong>{p.name}{p.gender ? ` · ${s(`gender_${p.gender}` as StringKey)}` : ''}{p.birthDate ? ` · ${s('ageN', { n: ageOn(p.birthDate, day) ?? 0 })}` : ''}</Typography.Text>
            <PersonTypeTag type={p.personType} />
          </Space>
          <div className="code" style={{ fontSize: 12, margin: '4px 0' }}>{p.idMasked}{p.phoneMasked ? ` · ${p.phoneMasked}` : ''}</div>
          <GroupTags codes={p.tags} />
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{p.address ?? p.gridCode}</Typography.Text>
        </List.Item>
      )}
    />
  );

  return (
    <div>
      {toolbar}
      {phone ? cards : table}
      <Pager page={page} hasMore={hasMore} onPage={setPage} />
      <NewRecordDrawer entity="person" open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
