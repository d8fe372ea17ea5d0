import type { BaseEntityName, discrepancyItem, FieldDefinition } from '@gongzhi/contracts';
import { Alert, App, Button, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { api, errorText } from '../../../api/client';
import { useI18n } from '../../../app/i18n';
import { dwellingHref, organisationHref, personHref } from '../../../app/pages';
import { ExportTableButton, loadAllPages } from '../../../components/table/ExportTableButton';
import type { ExportColumn } from '../../../components/table/tableText';
import { formatTime } from '../../cases/format';
import { valueText } from '../format';
import { useFields, useSources } from '../reference';
import { useStrings } from '../strings';
import { useDiscrepancyText } from './strings';

type Discrepancy = z.infer<typeof discrepancyItem>;
type Status = Discrepancy['status'];
const pageSize = 20;
const recordHref: Record<BaseEntityName, (id: string) => string> = { person: personHref, dwelling: dwellingHref, organisation: organisationHref };

/**
 * 比对: values a source brought that differ from what is kept and that source is not the field's
 * authority for (一数一源). The data administrator keeps the current value or accepts the new one.
 */
export function DiscrepanciesTab() {
  const td = useDiscrepancyText();
  const s = useStrings();
  const { lang } = useI18n();
  const { message } = App.useApp();
  const [status, setStatus] = useState<Status>('open');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Discrepancy[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const sources = useSources();
  const fields: Record<BaseEntityName, FieldDefinition[] | null> = { person: useFields('person'), dwelling: useFields('dwelling'), organisation: useFields('organisation') };

  const load = useCallback(() => {
    api<{ items: Discrepancy[]; total: number }>(`/basedata/discrepancies?status=${status}&page=${page}&pageSize=${pageSize}`)
      .then((r) => {
        setData(r);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [status, page]);
  useEffect(load, [load]);

  const resolve = async (d: Discrepancy, decision: 'keep' | 'accept') => {
    setBusy(d.id);
    try {
      await api(`/basedata/discrepancies/${d.id}/resolve`, { method: 'POST', body: { decision } });
      void message.success(td(decision === 'keep' ? 'kept' : 'accepted'));
      // the page refills from the server (the next open one moves up)
      if (data && data.items.length === 1 && page > 1) setPage(page - 1);
      else load();
    } catch (e) {
      void message.error(errorText(e));
      load();
    } finally {
      setBusy(null);
    }
  };

  const sourceName = (code: string | null) => {
    if (!code) return td('noSource');
    const s = sources.find((x) => x.code === code);
    return s ? (lang === 'en' && s.nameEn ? s.nameEn : s.name) : code;
  };
  const plain = (d: Discrepancy, v: string | null) => (v === null || v === '' ? td('empty') : valueText(fields[d.entity]?.find((f) => f.key === d.field), v, lang));
  const fromText = (source: string | null) => td('from', { source: sourceName(source) });
  // in the sheet the value and where it came from share a cell: 张三（来源：公安）
  const valueExport = (d: Discrepancy, v: string | null, source: string | null) => `${plain(d, v)}（${fromText(source)}）`;
  const valueCell = (d: Discrepancy, v: string | null, source: string | null, strong: boolean) => (
    <Space direction="vertical" size={0}>
      <Typography.Text strong={strong} type={v === null || v === '' ? 'secondary' : undefined}>{plain(d, v)}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fromText(source)}</Typography.Text>
    </Space>
  );

  const columns: ExportColumn<Discrepancy>[] = [
    // the kind tag and the name would run together (人员张三) without the space
    { title: td('record'), key: 'record', width: 170, exportValue: (d) => `${td(`entity_${d.entity}`)} ${d.recordName}`, render: (_, d) => (
      <Space size={4} wrap><Tag style={{ marginInlineEnd: 0 }}>{td(`entity_${d.entity}`)}</Tag><a href={recordHref[d.entity](d.recordId)}>{d.recordName}</a></Space>
    ) },
    { title: td('grid'), dataIndex: 'gridCode', width: 150, render: (g: string) => <span className="code">{g}</span> },
    { title: td('field'), dataIndex: 'fieldLabel', width: 120 },
    { title: td('current'), key: 'current', exportValue: (d) => valueExport(d, d.currentValue, d.currentSource), render: (_, d) => valueCell(d, d.currentValue, d.currentSource, false) },
    { title: td('proposed'), key: 'proposed', exportValue: (d) => valueExport(d, d.proposedValue, d.proposedSource), render: (_, d) => valueCell(d, d.proposedValue, d.proposedSource, true) },
    { title: td('at'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatTime(v) },
    status === 'open'
      ? { title: td('decide'), key: 'decide', width: 200, fixed: 'right', noExport: true, render: (_, d) => (
        <Space size={4}>
          <Button size="small" onClick={() => void resolve(d, 'keep')} loading={busy === d.id} disabled={busy !== null} data-testid="keep">{td('keep')}</Button>
          <Popconfirm title={td('acceptConfirm', { value: plain(d, d.proposedValue) })} onConfirm={() => void resolve(d, 'accept')}>
            <Button size="small" type="primary" disabled={busy !== null} data-testid="accept">{td('accept')}</Button>
          </Popconfirm>
        </Space>
      ) }
      : { title: td('decide'), dataIndex: 'status', width: 120, render: (s: Status) => <Tag color={s === 'accepted' ? 'green' : 'default'}>{td(`status_${s}`)}</Tag> },
  ];

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="discrepancies-tab">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Segmented<Status> value={status} onChange={(s) => { setStatus(s); setPage(1); }}
          options={(['open', 'kept', 'accepted'] as const).map((s) => ({ value: s, label: td(`status_${s}`) }))} />
        <Space size={12}>
          {data && <Typography.Text type="secondary">{td('totalN', { n: data.total })}</Typography.Text>}
          {/* every page of the chosen status, not only the page shown */}
          <ExportTableButton title={s('tab_discrepancies')} note={td(`status_${status}`)} columns={columns} testId="export-discrepancies"
            loadRows={() => loadAllPages<Discrepancy>('/basedata/discrepancies', `status=${status}`)} />
        </Space>
      </Space>
      <Typography.Text type="secondary">{td('intro')}</Typography.Text>
      {error && <Alert type="warning" showIcon message={td('notLive', { e: error })} />}
      <Table<Discrepancy> size="small" rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={!data && !error} scroll={{ x: 1000 }}
        locale={{ emptyText: td('none') }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }} />
    </Space>
  );
}
