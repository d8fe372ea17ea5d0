import { Empty, List, Typography } from 'antd';
import { formatTime } from '../cases/format';
import { useStrings } from './strings';
import type { Visit } from './types';

/** 走访记录: who visited, when, and what they noted; newest first. */
export function VisitList({ visits }: { visits: readonly Visit[] }) {
  const s = useStrings();
  if (visits.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s('noVisits')} />;
  const sorted = [...visits].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <List size="small" dataSource={sorted} data-testid="visits" renderItem={(v) => (
      <List.Item>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatTime(v.at)} · {v.workerName}</Typography.Text>
          <div style={{ whiteSpace: 'pre-wrap' }}>{v.notes || '—'}</div>
        </div>
      </List.Item>
    )} />
  );
}
