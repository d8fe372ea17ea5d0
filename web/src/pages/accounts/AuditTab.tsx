import type { AuditItem } from '@gongzhi/contracts';
import { App, Input, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { ExportTableButton, loadAllPages } from '../../components/table/ExportTableButton';
import type { ExportColumn } from '../../components/table/tableText';

/** 审计日志: sign-ins, failures, lockouts and every change, newest first. */
export function AuditTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [actor, setActor] = useState('');
  const [items, setItems] = useState<AuditItem[] | null>(null);
  const filter = actor ? `actor=${encodeURIComponent(actor)}` : '';
  useEffect(() => {
    api<{ items: AuditItem[] }>(`/audit?${filter ? `${filter}&` : ''}pageSize=200`)
      .then((r) => setItems(r.items))
      .catch((e: Error) => void message.error(e.message));
  }, [filter, message]);
  const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  const columns: ExportColumn<AuditItem>[] = [
    { title: t('time'), dataIndex: 'at', render: time, width: 180 },
    { title: t('username'), dataIndex: 'actorName' },
    { title: t('action'), dataIndex: 'action', render: (a: string) => <span className="code">{a}</span> },
    { title: t('target'), render: (_, a) => (a.targetId ? `${a.targetType}:${a.targetId}` : '—') },
    { title: 'IP', dataIndex: 'ip' },
    { title: t('detail'), dataIndex: 'detail', render: (d: object) => <span className="code" style={{ fontSize: 12 }}>{JSON.stringify(d)}</span> },
  ];
  return (
    <div data-testid="audit-tab">
      <Space style={{ marginBottom: 12 }}>
        <Input.Search placeholder={t('username')} allowClear onSearch={setActor} style={{ width: 240 }} />
        {/* the table holds the newest 200 entries; the export reads the whole log page by page (up to its row cap) */}
        <ExportTableButton title={t('audit')} note={actor ? `${t('username')}：${actor}` : undefined} columns={columns}
          loadRows={() => loadAllPages<AuditItem>('/audit', filter)} testId="export-audit" />
      </Space>
      <Table<AuditItem> size="small" rowKey="id" loading={!items} dataSource={items ?? []} pagination={{ pageSize: 20, showSizeChanger: false }} columns={columns} />
    </div>
  );
}
