import { Card } from 'antd';
import type { ReactNode } from 'react';

/** A titled box of the dashboard; bigger type on the big screen. */
export function Panel({ title, big, children, extra }: { title: ReactNode; big?: boolean; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card size="small" title={<span style={{ fontSize: big ? 22 : undefined }}>{title}</span>} extra={extra} styles={{ body: { padding: big ? 12 : 8 } }} style={{ minWidth: 0 }}>
      {children}
    </Card>
  );
}
