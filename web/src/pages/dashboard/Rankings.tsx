import { Card, Table, Tabs, theme } from 'antd';
import { useState } from 'react';
import { ExportTableButton } from '../../components/table/ExportTableButton';
import type { ExportColumn } from '../../components/table/tableText';
import { useI18n } from '../../app/i18n';
import { significant, useFigures, type Breakdown, type Figures } from './data';
import { formatValue } from './format';
import type { NameOf, Names } from './names';
import type { Period } from './period';
import { useDashText } from './strings';

type Row = Figures['rows'][number] & { name: string };
const tabs = ['region', 'unit', 'reporter'] as const;
const counts = ['reported', 'open', 'open_overdue'] as const;

/**
 * The #/cases link of a count: the cases behind it — the row's region (a county's short code made whole),
 * unit or grid worker, reported in the period, and for 办理中 / 超期 only the open or overdue ones.
 */
const openStates = ['reported', 'registered', 'dispatched', 'handling', 'suspended', 'feedback'];
function casesHref(by: Breakdown, key: string, period: Period, metric: string) {
  const p = new URLSearchParams({ [by]: by === 'region' && key.length < 12 ? key.padEnd(12, '0') : key, from: period.from, to: period.to });
  if (metric === 'open') for (const s of openStates) p.append('state', s);
  if (metric === 'open_overdue') p.set('overdue', 'true');
  return `#/cases?${p.toString()}`;
}

/** The places of the best and worst three values of a column, for colouring them. */
function extremes(rows: Row[], value: (r: Row) => number | null, higherIsBetter: boolean) {
  const known = rows.map(value).filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (known.length < 4) return { good: () => false, bad: () => false };
  const low = known[2]!, high = known[known.length - 3]!;
  // ties: a value as good as the worst three is not among the best, and the other way round; an end
  // where more than a quarter of the rows tie (everyone at 100%) is not coloured at all
  const many = Math.max(3, known.length / 4);
  const topOk = known.filter((v) => v >= high).length <= many, bottomOk = known.filter((v) => v <= low).length <= many;
  const top = (v: number) => topOk && v >= high && v > low, bottom = (v: number) => bottomOk && v <= low && v < high;
  return { good: (v: number | null) => v !== null && (higherIsBetter ? top(v) : bottom(v)), bad: (v: number | null) => v !== null && (higherIsBetter ? bottom(v) : top(v)) };
}

/** 综合评价: the child regions, units or grid workers of the period with every indicator, sortable; the best three green, the worst three red. */
export function Rankings({ region, period, tick, names, regionName }: { region: string; period: Period; tick: number; names: Names; regionName: NameOf }) {
  const s = useDashText();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const [chosen, setTab] = useState<(typeof tabs)[number]>('region');
  // grid workers are ranked within a street and below
  const shown = tabs.filter((k) => k !== 'reporter' || significant(region).length >= 9);
  const tab = shown.includes(chosen) ? chosen : 'region';
  const figures = useFigures(region, period, tick, tab);
  const nameOf: NameOf = tab === 'region' ? regionName : (k) => (k === '' ? s('noUnit') : names[tab](k));
  // grid workers are named by the server (staff records the dashboard cannot list); the rest from the reference data
  const rows: Row[] = (figures?.rows ?? []).filter((r) => tab === 'region' || r.key !== '').map((r) => ({ ...r, name: (tab === 'reporter' && r.name) || nameOf(r.key) }));
  const tabLabel = (k: (typeof tabs)[number]) => s(k === 'region' ? 'tabRegions' : k === 'unit' ? 'tabUnits' : 'tabWorkers');
  const tone = (good: boolean, bad: boolean) => (good ? { color: token.colorSuccess, fontWeight: 600 } : bad ? { color: token.colorError, fontWeight: 600 } : undefined);
  const columns: ExportColumn<Row>[] = [
    { key: 'name', title: s('colName'), dataIndex: 'name', fixed: 'left', width: 150, sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    ...counts.map((m) => {
      const ex = extremes(rows, (r) => r.metrics[m] ?? 0, m === 'reported');
      return {
        key: m, title: s(m === 'open_overdue' ? 'overdue' : m === 'open' ? 'open' : 'reported'), width: 90, align: 'right' as const,
        sorter: (a: Row, b: Row) => (a.metrics[m] ?? 0) - (b.metrics[m] ?? 0),
        render: (_: unknown, r: Row) => <a href={casesHref(tab, r.key, period, m)} style={m === 'reported' ? undefined : tone(false, ex.bad(r.metrics[m] ?? 0))}>{formatValue(r.metrics[m], 'count')}</a>,
      };
    }),
    ...(figures?.definitions ?? []).filter((d) => d.unit !== 'count').map((d) => {
      const ex = extremes(rows, (r) => r.indicators[d.code] ?? null, d.higherIsBetter);
      return {
        key: d.code, title: lang === 'en' ? d.nameEn : d.name, width: 110, align: 'right' as const,
        sorter: (a: Row, b: Row) => (a.indicators[d.code] ?? -1) - (b.indicators[d.code] ?? -1),
        render: (_: unknown, r: Row) => <span style={tone(ex.good(r.indicators[d.code] ?? null), ex.bad(r.indicators[d.code] ?? null))}>{formatValue(r.indicators[d.code], d.unit)}</span>,
      };
    }),
  ];
  return (
    <Card size="small" title={s('rankings')} data-testid="rankings">
      <Tabs size="small" activeKey={tab} onChange={(k) => setTab(k as typeof tab)}
        items={shown.map((k) => ({ key: k, label: tabLabel(k) }))}
        tabBarExtraContent={<ExportTableButton title={`${s('rankings')}（${tabLabel(tab)}）`} note={`${regionName(region)}　${period.from} 至 ${period.to}`} columns={columns} rows={rows} testId="export-rankings" />} />
      <Table<Row> size="small" rowKey="key" columns={columns} dataSource={rows} loading={!figures} pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }} data-testid="rankings-table" />
    </Card>
  );
}
