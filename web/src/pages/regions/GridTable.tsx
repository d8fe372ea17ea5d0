import type { GridListItem, GridListResponse } from '@gongzhi/contracts';
import { Input, Table } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';

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
  useEffect(() => setPage(1), [region, q]);
  useEffect(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: '10', ...(region ? { region } : {}), ...(q ? { q } : {}) });
    api<GridListResponse>(`/grids?${params}`).then(setData).catch(onError);
  }, [region, q, page, version]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div>
      <Input.Search placeholder={t('search')} allowClear onSearch={setQ} style={{ marginBottom: 8 }} data-testid="grid-search" />
      <Table<GridListItem>
        size="small"
        rowKey="code"
        dataSource={data?.items ?? []}
        loading={!data}
        onRow={(r) => ({ onClick: () => onPick(r.code), style: { cursor: 'pointer', background: r.code === selected ? '#fff1f0' : undefined } })}
        pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, onChange: setPage, size: 'small', showSizeChanger: false, showTotal: (n) => t('total', { n }) }}
        columns={[
          { title: t('gridCode'), dataIndex: 'code', render: (c: string) => <span className="code">{c}</span> },
          { title: t('name'), dataIndex: 'name', ellipsis: true },
          { title: t('head'), dataIndex: 'headName', width: 72, render: (n: string | null) => n ?? '—' },
        ]}
      />
    </div>
  );
}
