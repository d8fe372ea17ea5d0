import type { ReportItem, ReportList } from '@gongzhi/contracts';
import { App, Button, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../api/client';
import { formatTime } from '../cases/format';
import { useFetched } from './data';
import { Panel } from './Panel';
import { useDashText } from './strings';

/** 统计报表: the region's weekly and monthly Excel reports to download, and buttons to make last week's or month's now. */
export function Reports({ region }: { region: string }) {
  const s = useDashText();
  const { message } = App.useApp();
  const [made, setMade] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const list = useFetched<ReportList>(`/reports?region=${region.length === 15 ? region.slice(0, 12) : region}&limit=12`, made);
  const make = async (kind: 'weekly' | 'monthly') => {
    setBusy(kind);
    try {
      await api<ReportItem>('/reports', { method: 'POST', body: { kind, region: region.slice(0, 12) } });
      void message.success(s('reportMade'));
      setMade((n) => n + 1);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Panel title={s('reports')} extra={
      <Space>
        <Button size="small" loading={busy === 'weekly'} onClick={() => void make('weekly')} data-testid="make-weekly">{s('makeWeekly')}</Button>
        <Button size="small" loading={busy === 'monthly'} onClick={() => void make('monthly')}>{s('makeMonthly')}</Button>
      </Space>
    }>
      <List size="small" dataSource={list?.items ?? []} locale={{ emptyText: s('noReports') }} data-testid="reports"
        renderItem={(r) => (
          <List.Item extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.scheduled ? s('bySystem') : r.generatedBy} · {formatTime(r.generatedAt)}</Typography.Text>}>
            <a href={`/api/v1/reports/${r.id}/download`} download={r.fileName}>{r.title}</a>
          </List.Item>
        )} />
    </Panel>
  );
}
