import { Input, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { listQuery } from '../query';
import { RegionPicker } from '../RegionPicker';
import { useStrings, type StringKey } from '../strings';
import type { Estate } from '../types';

/** 小区/街路巷 of the jurisdiction, narrowed by community and by name. */
export function EstateList({ selected, onPick, onError }: { selected: string | null; onPick(estate: Estate): void; onError(e: unknown): void }) {
  const s = useStrings();
  const [community, setCommunity] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [estates, setEstates] = useState<Estate[] | null>(null);
  useEffect(() => {
    let live = true;
    setEstates(null);
    const timer = setTimeout(() => {
      api<{ items: Estate[] }>(`/basedata/estates?${listQuery({ community, q: q.trim() || undefined })}`)
        .then((r) => live && setEstates(r.items))
        .catch((e: unknown) => { if (live) { setEstates([]); onError(e); } });
    }, q ? 250 : 0);
    return () => { live = false; clearTimeout(timer); };
  }, [community, q]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div style={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}>
      <Space direction="vertical" style={{ width: '100%', marginBottom: 8 }} size={6}>
        <Input.Search allowClear placeholder={s('searchEstates')} value={q} onChange={(e) => setQ(e.target.value)} data-testid="estate-search" />
        <RegionPicker levels="divisions" value={community} onChange={setCommunity} width="100%" />
      </Space>
      <div style={{ flex: 1, overflow: 'auto', minHeight: 0 }}>
        <List<Estate> size="small" loading={estates === null} dataSource={estates ?? []} locale={{ emptyText: s('noEstates') }} data-testid="estate-list"
          pagination={(estates?.length ?? 0) > 50 ? { pageSize: 50, size: 'small', simple: true, align: 'center' } : false}
          renderItem={(e) => (
            <List.Item onClick={() => onPick(e)} data-testid="estate-item"
              style={{ cursor: 'pointer', padding: '8px 10px', borderRadius: 4, background: e.id === selected ? '#fff1f0' : undefined }}>
              <Typography.Text strong={e.id === selected} ellipsis style={{ maxWidth: 150 }}>{e.name}</Typography.Text>
              <Space size={4}>
                <Tag style={{ marginInlineEnd: 0 }}>{s(`kind_${e.kind}` as StringKey)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s('buildingsN', { n: e.buildings })}</Typography.Text>
              </Space>
            </List.Item>
          )} />
      </div>
    </div>
  );
}
