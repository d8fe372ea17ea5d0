import type { GridListItem, GridListResponse } from '@gongzhi/contracts';
import { Input, Table } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { ExportTableButton, loadAllPages } from '../../components/table/ExportTableButton';
import type { ExportColumn } from '../../components/table/tableText';

interface Props {
  region: string | null;
  selected: string | null;
  version: number;
  onPick(code: string): void;
  onError(e: unknown): void;
}

/** The searchable, paginated grid table beside the map, limited to the selected region. */
export function GridTable({ region, selected, version, onPick, onError }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<GridListResponse | null>(null);
  // the filters the table shows; the export asks for every page of the same list
  const filter = new URLSearchParams({ ...(region ? { region } : {}), ...(q ? { q } : {}) }).toString();
  useEffect(() => setPage(1), [region, q]);
  useEffect(() => {
    api<GridListResponse>(`/grids?${filter ? `${filter}&` : ''}page=${page}&pageSize=10`).then(setData).catch(onError);
  }, [filter, page, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const columns: ExportColumn<GridListItem>[] = [
    { title: t('gridCode'), dataIndex: 'code', render: (c: string) => <span className="code">{c}</span> },
    { title: t('name'), dataIndex: 'name', ellipsis: true },
    { title: t('head'), dataIndex: 'headName', width: 72, render: (n: string | null) => n ?? '—' },
  ];
  return (
    <div>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 8 }}>
        <Input.Search placeholder={t('search')} allowClear onSearch={setQ} data-testid="grid-search" style={{ flex: 1 }} />
        <ExportTableButton title={t('grids')} note={[region, q && `“${q}”`].filter(Boolean).join('　') || undefined} columns={columns}
          loadRows={() => loadAllPages<GridListItem>('/grids', filter)} testId="export-grids" />
      </div>
      <Table<GridListItem>
        size="small"
        rowKey="code"
        dataSource={data?.items ?? []}
        loading={!data}
        onRow={(r) => ({ onClick: () => onPick(r.code), style: { cursor: 'pointer', background: r.code === selected ? '#fff1f0' : undefined } })}
        pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, onChange: setPage, size: 'small', showSizeChanger: false, showTotal: (n) => t('total', { n }) }}
        columns={columns}
      />
    </div>
  );
}
