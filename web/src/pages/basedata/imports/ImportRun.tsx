import type { ImportItem, importErrorsResponse } from '@gongzhi/contracts';
import { Alert, Button, Card, Col, Pagination, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { api, errorText } from '../../../api/client';
import { formatTime } from '../../cases/format';
import { reportHref } from './importApi';
import { useImportText } from './strings';
import { finished } from './useImportJob';

type RowErrors = z.infer<typeof importErrorsResponse>;
const pageSize = 20;

/** 1.2 MB, 830 KB, 512 B. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

const stateColour = { queued: 'default', running: 'processing', done: 'success', failed: 'error' } as const;

/** One import: its progress while it runs, then its counts and its row errors with the report to download. */
export function ImportRun({ job, pollError }: { job: ImportItem; pollError: string | null }) {
  const ti = useImportText();
  const done = finished(job);
  const percent = job.totalBytes > 0 ? Math.floor((job.bytesRead / job.totalBytes) * 100) : done ? 100 : 0;
  const counts = [
    ['inserted', job.inserted, '#3f8600'],
    ['updated', job.updated, '#1677ff'],
    ['unchanged', job.unchanged, undefined],
    ['failed', job.failed, job.failed ? '#cf1322' : undefined],
    ['discrepancies', job.discrepancies, job.discrepancies ? '#d46b08' : undefined],
  ] as const;
  return (
    <Card size="small" data-testid="import-job" title={
      <Space wrap>
        <span>{ti('progress')}</span>
        <Typography.Text type="secondary">{job.fileName}</Typography.Text>
        {job.dryRun && <Tag color="purple">{ti('trialTag')}</Tag>}
        <Tag color={stateColour[job.state]} data-testid="import-state">{ti(`state_${job.state}`)}</Tag>
      </Space>
    }>
      <Progress percent={percent} status={job.state === 'failed' ? 'exception' : done ? 'success' : 'active'} data-testid="import-progress" />
      <Typography.Text type="secondary" data-testid="import-bytes">
        {ti('bytesRows', { bytes: formatBytes(job.bytesRead), total: formatBytes(job.totalBytes), rows: job.rowsRead.toLocaleString() })}
        {job.finishedAt ? ` · ${ti('finishedAt', { time: formatTime(job.finishedAt) })}` : ''}
      </Typography.Text>
      {job.error && <Alert type="error" showIcon style={{ marginTop: 8 }} message={job.error} />}
      {pollError && !done && <Alert type="warning" showIcon style={{ marginTop: 8 }} message={pollError} />}
      <Row gutter={16} style={{ marginTop: 12 }} data-testid="import-counts">
        {counts.map(([key, value, colour]) => (
          <Col key={key} xs={8} sm={4}>
            <Statistic title={ti(key)} value={value} valueStyle={colour ? { color: colour } : undefined} />
          </Col>
        ))}
      </Row>
      {done && job.discrepancies > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{ti('discrepanciesHint')}</Typography.Text>}
      {done && <RowErrorTable job={job} />}
    </Card>
  );
}

function RowErrorTable({ job }: { job: ImportItem }) {
  const ti = useImportText();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<RowErrors | null>(null);
  // the rows per page the server actually used (it may keep its own page size)
  const [perPage, setPerPage] = useState(pageSize);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api<RowErrors>(`/basedata/imports/${job.id}/errors?page=${page}&pageSize=${pageSize}`)
      .then((r) => {
        if (!live) return;
        setData(r);
        if (page === 1 && r.items.length < r.total) setPerPage(r.items.length);
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => void (live = false);
  }, [job.id, page]);
  if (error) return <Alert type="warning" showIcon style={{ marginTop: 12 }} message={error} />;
  if (!data) return null;
  const rows = data.items.flatMap((r) => r.errors.map((e, i) => ({ key: `${r.rowNo}:${i}`, rowNo: r.rowNo, first: i === 0, span: r.errors.length, ...e })));
  return (
    <div style={{ marginTop: 16 }} data-testid="import-errors">
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }} wrap>
        <Typography.Text strong>{ti('rowErrors')} <Typography.Text type="secondary">{data.total ? ti('rowErrorsN', { n: data.total }) : ti('noRowErrors')}</Typography.Text></Typography.Text>
        {data.total > 0 && <Button href={reportHref(job.id)} download data-testid="download-report">{ti('downloadErrors')}</Button>}
      </Space>
      {data.total > 0 && (
        <Table size="small" bordered dataSource={rows} rowKey="key" pagination={false}
          columns={[
            { title: ti('rowNo'), dataIndex: 'rowNo', width: 72, onCell: (r) => ({ rowSpan: r.first ? r.span : 0 }) },
            { title: ti('column'), dataIndex: 'column', width: 160 },
            { title: ti('problem'), dataIndex: 'message' },
          ]} />
      )}
      {data.total > perPage && (
        <Pagination size="small" style={{ marginTop: 8, textAlign: 'right' }} current={page} pageSize={perPage} total={data.total} onChange={setPage} showSizeChanger={false} />
      )}
    </div>
  );
}
