import { Button, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { formatTime } from '../cases/format';
import type { OutboxEntry } from './outbox';
import { useCollectText } from './strings';

/** After this many failed tries a waiting entry may be discarded too (a server that keeps failing on it would hold up the rest). */
const stuckAfter = 5;

interface Props {
  entries: OutboxEntry[];
  onEdit(entry: OutboxEntry): void;
  onRetry(id: string): void;
  onDiscard(id: string): void;
}

/** What is still on the phone: each entry with its state, and for 需修改 the server's words and what to do. */
export function OutboxList({ entries, onEdit, onRetry, onDiscard }: Props) {
  const tc = useCollectText();
  if (entries.length === 0) return <Empty description={tc('allSynced')} data-testid="outbox-empty" />;
  return (
    <List size="small" bordered dataSource={entries} data-testid="outbox-list" renderItem={(e) => (
      <List.Item key={e.id} data-testid="outbox-entry" style={{ display: 'block' }}>
        <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
          <Space direction="vertical" size={2}>
            <Space size={6} wrap>
              <Tag color={e.kind === 'person' ? 'blue' : 'cyan'} style={{ marginInlineEnd: 0 }}>{tc(e.kind === 'person' ? 'kindPerson' : 'kindVisit')}</Tag>
              <Typography.Text strong>{e.label || '—'}</Typography.Text>
              {e.state === 'rejected'
                ? <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="entry-rejected">{tc('needsChange')}</Tag>
                : <Tag color="gold" style={{ marginInlineEnd: 0 }}>{tc('waiting')}</Tag>}
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {tc('madeAt', { time: formatTime(e.createdAt) })}{e.attempts > 0 && e.state === 'pending' ? ` · ${tc('triedN', { n: e.attempts })}` : ''}
            </Typography.Text>
          </Space>
        </Space>
        {e.state === 'rejected' && (
          <div style={{ marginTop: 6 }} data-testid="entry-error">
            <Typography.Text type="danger">{e.error}</Typography.Text>
            {e.fieldErrors.map((f) => <Typography.Text key={`${f.field}:${f.message}`} type="danger" style={{ display: 'block', fontSize: 13 }}>· {f.message}</Typography.Text>)}
          </div>
        )}
        {e.state === 'pending' && e.error && <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{tc('lastError', { e: e.error })}</Typography.Text>}
        {(e.state === 'rejected' || e.attempts >= stuckAfter) && (
          <Space style={{ marginTop: 8 }} wrap>
            {e.kind === 'person' && e.state === 'rejected' && <Button size="small" type="primary" onClick={() => onEdit(e)}>{tc('edit')}</Button>}
            {e.state === 'rejected' && <Button size="small" onClick={() => onRetry(e.id)}>{tc('retry')}</Button>}
            <Popconfirm title={tc('discardConfirm')} onConfirm={() => onDiscard(e.id)} okText={tc('discard')} cancelText={tc('keep')}>
              <Button size="small" danger>{tc('discard')}</Button>
            </Popconfirm>
          </Space>
        )}
      </List.Item>
    )} />
  );
}
