import ExcelJS from 'exceljs';
import { addCharts, type ChartSpec } from './charts.js';

/**
 * The report workbook: 概况 (every key figure and indicator, this period against the one before) and one
 * sheet per breakdown, each with a title row naming region and period, a frozen header, widths and
 * number formats (ratios as percentages). 概况 also holds two charts drawn from the other sheets' cells: the
 * daily trend of reports and closures, and the top categories (charts.ts adds them; ExcelJS writes none).
 */
export interface IndicatorColumn {
  code: string;
  name: string;
  formula: string;
  unit: 'ratio' | 'hours' | 'count';
}

export interface FigureLine {
  metrics: Record<string, number>;
  indicators: Record<string, number | null>;
}

export interface BreakdownSheet {
  name: string;
  /** Headers of the columns that name a row (代码, 名称 …). */
  labelHeaders: string[];
  rows: { labels: string[]; figures: FigureLine }[];
  /** A 合计 row: the region's own totals, not a sum of the rows. */
  total?: FigureLine;
}

export interface ReportContent {
  title: string;
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  generatedAt: Date;
  generatedBy: string;
  definitions: IndicatorColumn[];
  now: FigureLine;
  previous: FigureLine;
  sheets: BreakdownSheet[];
}

/** Counts every report shows beside the indicators (an indicator that is just one of them replaces it). */
export const keyMetrics: readonly { metric: string; name: string }[] = [
  { metric: 'reported', name: '上报数' },
  { metric: 'registered', name: '立案数' },
  { metric: 'dispatched', name: '派遣数' },
  { metric: 'handled', name: '处置数' },
  { metric: 'closed', name: '结案数' },
  { metric: 'open', name: '在办数' },
  { metric: 'overdue', name: '超期数' },
  { metric: 'rated', name: '评价数' },
];

const unitLabel = { ratio: '%', hours: '小时', count: '件' } as const;
const numFmt = { ratio: '0.0%', hours: '0.0', count: '#,##0' } as const;
const changeFmt = { ratio: '+0.0%;-0.0%;0.0%', hours: '+0.0;-0.0;0.0', count: '+#,##0;-#,##0;0' } as const;
const growthFmt = '+0.0%;-0.0%;0.0%';

interface Column {
  name: string;
  /** the count it shows, for the key counts */
  metric?: string;
  unit: keyof typeof numFmt;
  value: (f: FigureLine) => number | null;
}

/** The key counts first (an indicator that is just one of them stands in its place), then every other indicator. */
function columnsOf(definitions: readonly IndicatorColumn[]): Column[] {
  const indicator = (d: IndicatorColumn): Column => ({ name: d.name, unit: d.unit, value: (f) => f.indicators[d.code] ?? null });
  const used = new Set<string>();
  const counts = keyMetrics.map((k): Column => {
    const same = definitions.find((d) => d.formula.trim() === k.metric && !used.has(d.code));
    if (same) used.add(same.code);
    return { ...(same ? indicator(same) : { name: k.name, unit: 'count' as const, value: (f: FigureLine) => f.metrics[k.metric] ?? 0 }), metric: k.metric };
  });
  return [...counts, ...definitions.filter((d) => !used.has(d.code)).map(indicator)];
}

const bold: Partial<ExcelJS.Font> = { bold: true };
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

function titleRow(sheet: ExcelJS.Worksheet, title: string, width: number) {
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, Math.max(width, 1));
  sheet.getRow(1).height = 24;
}

function headerRow(row: ExcelJS.Row, headers: readonly string[]) {
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = h;
    cell.font = bold;
    cell.fill = headerFill;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

function summarySheet(book: ExcelJS.Workbook, c: ReportContent, columns: readonly Column[]) {
  const sheet = book.addWorksheet('概况', { views: [{ state: 'frozen', ySplit: 3 }] });
  const headers = ['项目', '单位', '本期', '上期', '增减', '环比'];
  titleRow(sheet, c.title, headers.length);
  sheet.getCell(2, 1).value = `本期 ${c.period.from} 至 ${c.period.to}；上期 ${c.previousPeriod.from} 至 ${c.previousPeriod.to}；${c.generatedBy} 生成于 ${c.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  sheet.mergeCells(2, 1, 2, headers.length);
  headerRow(sheet.getRow(3), headers);
  for (const col of columns) {
    const now = col.value(c.now);
    const before = col.value(c.previous);
    const change = now !== null && before !== null ? now - before : null;
    const growth = change !== null && before ? change / Math.abs(before) : null;
    const row = sheet.addRow([col.name, unitLabel[col.unit], now, before, change, growth]);
    for (const [i, fmt] of [[3, numFmt[col.unit]], [4, numFmt[col.unit]], [5, changeFmt[col.unit]], [6, growthFmt]] as const) row.getCell(i).numFmt = fmt;
  }
  [18, 8, 14, 14, 14, 12].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
}

function breakdownSheet(book: ExcelJS.Workbook, title: string, s: BreakdownSheet, columns: readonly Column[]) {
  const frozen = s.labelHeaders.length;
  const sheet = book.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 2, xSplit: frozen }] });
  const headers = [...s.labelHeaders, ...columns.map((col) => (col.unit === 'count' ? col.name : `${col.name}（${unitLabel[col.unit]}）`))];
  titleRow(sheet, `${title} · ${s.name}`, headers.length);
  headerRow(sheet.getRow(2), headers);
  sheet.getRow(2).height = 32;
  const write = (labels: readonly string[], f: FigureLine) => {
    const row = sheet.addRow([...labels, ...columns.map((col) => col.value(f))]);
    columns.forEach((col, i) => (row.getCell(frozen + i + 1).numFmt = numFmt[col.unit]));
    return row;
  };
  for (const r of s.rows) write(r.labels, r.figures);
  if (s.total) write(['合计', ...s.labelHeaders.slice(1).map(() => '')], s.total).font = bold;
  s.labelHeaders.forEach((h, i) => (sheet.getColumn(i + 1).width = h.includes('代码') ? 15 : 22));
  columns.forEach((_, i) => (sheet.getColumn(frozen + i + 1).width = 11));
}

export async function reportWorkbook(c: ReportContent): Promise<{ bytes: Buffer; sheetCount: number }> {
  const book = new ExcelJS.Workbook();
  book.creator = '共治 Gongzhi';
  book.created = c.generatedAt;
  const columns = columnsOf(c.definitions);
  summarySheet(book, c, columns);
  for (const s of c.sheets) breakdownSheet(book, c.title, s, columns);
  const bytes = await addCharts(Buffer.from(await book.xlsx.writeBuffer()), 1, chartsOf(c, columns));
  return { bytes, sheetCount: book.worksheets.length };
}

/** The charts beside 概况 (columns H onwards): the trend of 上报 and 结案 by day, and the ten categories with most reports. */
function chartsOf(c: ReportContent, columns: readonly Column[]): ChartSpec[] {
  const series = (s: BreakdownSheet, metric: string, rows: BreakdownSheet['rows']) => {
    const i = columns.findIndex((col) => col.metric === metric);
    return { name: columns[i]!.name, col: s.labelHeaders.length + i + 1, values: rows.map((r) => columns[i]!.value(r.figures)) };
  };
  const charts: ChartSpec[] = [];
  const trend = c.sheets.find((s) => s.name === '趋势');
  if (trend?.rows.length) {
    charts.push({
      kind: 'line', title: '受理与结案趋势', dataSheet: trend.name, firstRow: 3, categories: { col: 1, values: trend.rows.map((r) => r.labels[0]!) },
      series: [series(trend, 'reported', trend.rows), series(trend, 'closed', trend.rows)], at: { col: 7, row: 2, cols: 9, rows: 18 },
    });
  }
  const categories = c.sheets.find((s) => s.name === '分类别');
  if (categories?.rows.length) {
    const top = categories.rows.slice(0, 10);
    charts.push({
      kind: 'bar', title: '问题类别 Top 10（上报数）', dataSheet: categories.name, firstRow: 3, categories: { col: 2, values: top.map((r) => r.labels[1]!) },
      series: [series(categories, 'reported', top)], at: { col: 7, row: 21, cols: 9, rows: 18 },
    });
  }
  return charts;
}
