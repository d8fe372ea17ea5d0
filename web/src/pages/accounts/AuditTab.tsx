import type { AuditItem } from '@gongzhi/contracts';
import { App, Input, Table } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';

/** 审计日志: sign-ins, failures, lockouts and every change, newest first. */
export function AuditTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [actor, setActor] = useState('');
  const [items, setItems] = useState<AuditItem[] | null>(null);
  useEffect(() => {
    api<{ items: AuditItem[] }>(`/audit?pageSize=200${actor ? `&actor=${encodeURIComponent(actor)}` : ''}`)
      .then((r) => setItems(r.items))
      .catch((e: Error) => void message.error(e.message));
  }, [actor, message]);
  const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return (
    <div data-testid="audit-tab">
      <Input.Search placeholder={t('username')} allowClear onSearch={setActor} style={{ width: 240, marginBottom: 12 }} />
      <Table<AuditItem> size="small" rowKey="id" loading={!items} dataSource={items ?? []} pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('time'), dataIndex: 'at', render: time, width: 180 },
          { title: t('username'), dataIndex: 'actorName' },
          { title: t('action'), dataIndex: 'action', render: (a: string) => <span className="code">{a}</span> },
          { title: t('target'), render: (_, a) => (a.targetId ? `${a.targetType}:${a.targetId}` : '—') },
          { title: 'IP', dataIndex: 'ip' },
          { title: t('detail'), dataIndex: 'detail', render: (d: object) => <span className="code" style={{ fontSize: 12 }}>{JSON.stringify(d)}</span> },
        ]}
      />
    </div>
  );
}
