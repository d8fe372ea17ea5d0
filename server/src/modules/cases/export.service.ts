import type { Writable } from 'node:stream';
import type { caseListQuery } from '@gongzhi/contracts';
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { requirePermission, type Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { caseColumns, type LoadedCase } from './case-record.js';
import { ratingNames, sourceNames, stageNames, stateNames } from './case-labels.js';
import { caseSearch, presentList } from './queries.service.js';

export type CaseExportQuery = Omit<z.output<typeof caseListQuery>, 'page' | 'pageSize'>;

/** An export beyond this says so in its last row (Excel holds 1,048,576 rows a sheet). */
export const maxExportRows = 1_000_000;

/** 2026-11-24T02:05:00Z → 2026-11-24 10:05, Beijing time, as government lists write it. */
const beijing = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
const when = (iso: string | null) => (iso ? beijing.format(new Date(iso)) : '');

const columns = [
  { header: '案件编号', key: 'number', width: 22 }, { header: '状态', key: 'state', width: 10 }, { header: '是否超期', key: 'overdue', width: 9 },
  { header: '问题类别', key: 'category', width: 16 }, { header: '问题描述', key: 'description', width: 48 }, { header: '地址', key: 'address', width: 28 },
  { header: '街道（乡镇）', key: 'street', width: 14 }, { header: '社区（村）', key: 'community', width: 14 }, { header: '网格编码', key: 'grid', width: 18 },
  { header: '来源', key: 'source', width: 12 }, { header: '主办单位', key: 'unit', width: 20 }, { header: '上报时间', key: 'reportedAt', width: 17 },
  { header: '当前环节', key: 'stage', width: 9 }, { header: '环节时限', key: 'stageDueAt', width: 17 }, { header: '结案时间', key: 'closedAt', width: 17 },
  { header: '评价', key: 'rating', width: 9 },
];

/**
 * Streams the cases a search of the case list finds (the same filters, inside the reader's
 * jurisdiction), newest first, to an Excel workbook with Chinese headers. Audited: who took which list.
 */
export async function exportCases(db: Kysely<DB>, actor: Principal | null, q: CaseExportQuery, out: Writable, ip: string, batch = 2000) {
  const p = requirePermission(actor, 'case:export');
  const filter = caseSearch(p, q);
  await writeAudit(db, { action: 'case.export', actor: p, targetType: 'case', ip, detail: Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = book.addWorksheet('案件', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ ...c, style: { numFmt: '@' } }));
  sheet.autoFilter = { from: 'A1', to: { row: 1, column: columns.length } };
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  // the next page starts after the last row's time as text: a Date would drop the microseconds
  let after: { at: string; id: string } | null = null;
  let written = 0;
  while (written < maxExportRows) {
    const page: ReturnType<typeof sql> = after ? sql`and (c.reported_at, c.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``;
    const rows: (LoadedCase & { cursor_at: string })[] = (await sql<LoadedCase & { cursor_at: string }>`select ${caseColumns}, c.reported_at::text as cursor_at from cases c where ${filter} ${page}
      order by c.reported_at desc, c.id desc limit ${Math.min(batch, maxExportRows - written)}`.execute(db)).rows;
    for (const c of await presentList(db, rows)) {
      sheet.addRow({
        number: c.number, state: stateNames[c.state], overdue: c.overdue ? '是' : '否', category: c.categoryName, description: c.description, address: c.address ?? '',
        street: c.streetName, community: c.communityName, grid: c.gridCode, source: sourceNames[c.source], unit: c.leadUnit?.name ?? '', reportedAt: when(c.reportedAt),
        stage: c.stage ? (stageNames[c.stage] ?? c.stage) : '', stageDueAt: when(c.stageDueAt), closedAt: when(c.closedAt), rating: c.rating ? (ratingNames[c.rating] ?? c.rating) : '',
      }).commit();
    }
    written += rows.length;
    if (rows.length < batch) break;
    const last: LoadedCase & { cursor_at: string } = rows.at(-1)!;
    after = { at: last.cursor_at, id: last.id };
  }
  if (written >= maxExportRows) sheet.addRow([`仅导出前 ${maxExportRows.toLocaleString('zh-CN')} 条；请缩小范围分批导出。Only the first ${maxExportRows} cases were exported.`]).commit();
  sheet.commit();
  await book.commit();
  return written;
}
