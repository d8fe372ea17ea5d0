import type { ImportItem } from '@gongzhi/contracts';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { ExportTableButton } from '../../../components/table/ExportTableButton';
import type { ExportColumn } from '../../../components/table/tableText';
import { formatTime } from '../../cases/format';
import { useSources } from '../reference';
import { useImportText } from './strings';

const stateColour = { queued: 'default', running: 'processing', done: 'success', failed: 'error' } as const;

/** 导入记录: past imports, newest first; a row opens its counts and row errors. */
export function ImportHistory({ items, selected, onOpen }: { items: ImportItem[] | null; selected: string | null; onOpen(job: ImportItem): void }) {
  const ti = useImportText();
  const { lang } = useI18n();
  const sources = useSources();
  const sourceName = (code: string) => {
    const s = sources.find((x) => x.code === code);
    return s ? (lang === 'en' && s.nameEn ? s.nameEn : s.name) : code;
  };
  const state = (r: ImportItem) => ti(`state_${r.state}`);
  const counts = (r: ImportItem) => ti('resultLine', { inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, failed: r.failed, discrepancies: r.discrepancies });
  const columns: ExportColumn<ImportItem>[] = [
    { title: ti('startedAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatTime(v) },
    { title: ti('fileName'), dataIndex: 'fileName', ellipsis: true },
    { title: ti('entity'), dataIndex: 'entity', width: 90, render: (e: ImportItem['entity']) => ti(`entity_${e}`) },
    { title: ti('source'), dataIndex: 'source', width: 150, ellipsis: true, render: sourceName },
    { title: ti('kind'), dataIndex: 'dryRun', width: 70, render: (d: boolean) => (d ? <Tag color="purple">{ti('kind_trial')}</Tag> : <Tag>{ti('kind_real')}</Tag>) },
    // the state tag and the counts would run together (已完成新增 3 …) without the space
    { title: ti('result'), key: 'result', width: 300, exportValue: (r) => `${state(r)} ${counts(r)}`, render: (_, r) => (
      <span><Tag color={stateColour[r.state]}>{state(r)}</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }}>{counts(r)}</Typography.Text></span>
    ) },
    { title: ti('by'), dataIndex: 'createdByName', width: 90, ellipsis: true },
    { key: 'open', width: 60, noExport: true, render: (_, r) => <Button size="small" type="link" onClick={() => onOpen(r)}>{ti('open')}</Button> },
  ];
  return (
    <Card size="small" title={ti('history')} data-testid="import-history"
      extra={<ExportTableButton title={ti('history')} columns={columns} rows={items ?? []} testId="export-import-history" />}>
      <Table<ImportItem> size="small" rowKey="id" dataSource={items ?? []} loading={items === null} pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
        scroll={{ x: 900 }} locale={{ emptyText: ti('noHistory') }}
        rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
        columns={columns} />
    </Card>
  );
}
