import { caseStates, type CaseState } from '@gongzhi/contracts';
import { Empty, List, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { caseHref, dwellingHref } from '../../app/pages';
import { ExportTableButton } from '../../components/table/ExportTableButton';
import type { ExportColumn } from '../../components/table/tableText';
import { StateTag } from '../cases/bits';
import { formatTime } from '../cases/format';
import { useStrings, type StringKey } from './strings';
import type { PersonDetail, Residence, RevealLog } from './types';

/** 居住史: where the person lived, newest first: the dwelling, as whom (产权人, 租户 …), from when to when. */
export function ResidenceTimeline({ residences }: { residences: readonly Residence[] }) {
  const s = useStrings();
  if (residences.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s('noResidences')} />;
  return (
    <Timeline style={{ marginTop: 8 }} data-testid="residences"
      items={residences.map((r) => ({
        key: `${r.dwellingId}-${r.movedIn}`,
        color: r.movedOut ? 'gray' : 'green',
        children: (
          <div>
            <Space size={6} wrap>
              <a href={dwellingHref(r.dwellingId)}>{r.address}</a>
              <Tag style={{ marginInlineEnd: 0 }}>{s(`residence_${r.relation}` as StringKey)}</Tag>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {s('movedInOut', { from: r.movedIn, to: r.movedOut ?? s('untilNow') })}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}

/** 关联案件: the cases that concern the person, each a link to its case page. */
export function PersonCases({ cases }: { cases: PersonDetail['cases'] }) {
  const s = useStrings();
  if (cases.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s('noCases')} />;
  return (
    <List size="small" dataSource={cases} data-testid="person-cases" renderItem={(c) => (
      <List.Item>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Space size={6} wrap>
            <a href={caseHref(c.id)} className="code">{c.number}</a>
            {(caseStates as readonly string[]).includes(c.state) ? <StateTag state={c.state as CaseState} /> : <Tag>{c.state}</Tag>}
          </Space>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '2px 0 0' }}>{c.description}</Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatTime(c.reportedAt)}</Typography.Text>
        </div>
      </List.Item>
    )} />
  );
}

/** 查看记录: who saw the person's full numbers, when and why (from the audit log); `version` changes after a reveal. */
export function RevealLogList({ personId, version }: { personId: string; version: number }) {
  const s = useStrings();
  const [items, setItems] = useState<RevealLog['items'] | null>(null);
  useEffect(() => {
    let live = true;
    api<RevealLog>(`/basedata/people/${personId}/reveals`).then((r) => live && setItems(r.items)).catch(() => live && setItems([]));
    return () => void (live = false);
  }, [personId, version]);
  const columns: ExportColumn<RevealLog['items'][number]>[] = [
    { title: s('revealWhen'), dataIndex: 'at', width: 140, render: (v: string) => formatTime(v) },
    { title: s('revealWho'), dataIndex: 'actorName', width: 110 },
    { title: s('revealWhat'), dataIndex: 'field', width: 90, render: (f: string) => (f === 'id_number' ? s('idNumber') : f === 'phone' ? s('phone') : f) },
    { title: s('revealWhy'), dataIndex: 'reason' },
  ];
  return (
    <>
      {/* the card around this list is the person page's; the button sits right-aligned above the table */}
      <div style={{ textAlign: 'right', marginBottom: 8 }}>
        <ExportTableButton title={s('reveals')} columns={columns} rows={items ?? []} testId="export-reveal-log" />
      </div>
      <Table size="small" rowKey={(r) => `${r.at}-${r.field}`} dataSource={items ?? []} loading={items === null} pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
        locale={{ emptyText: s('noReveals') }} data-testid="reveal-log" scroll={{ x: 480 }} columns={columns} />
    </>
  );
}
