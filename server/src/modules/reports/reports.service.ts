import type { CreateReportRequest, ReportItem, ReportKind, ReportListQuery } from '@gongzhi/contracts';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { coversCode, requirePermission, significantPrefix, type Permission, type Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { statsFigures } from '../stats/index.js';
import { daysIn, isRealDay, lastMonth, lastWeek, monthOf, periodLabel, weekOf, type ReportPeriod } from './periods.js';
import { reportWorkbook, type BreakdownSheet, type FigureLine } from './workbook.js';

const kindTitle: Record<ReportKind, string> = { weekly: '网格化治理周报', monthly: '网格化治理月报', custom: '网格化治理报表' };
const maxDays = 366;

/** The report's period from the request: a week or month holding `from` (default: the last whole one), or from–to. */
export function requestedPeriod(kind: ReportKind, from: string | undefined, to: string | undefined, now = new Date()): ReportPeriod {
  if ((from && !isRealDay(from)) || (to && !isRealDay(to)) || (from && to && from > to)) throw badRequest('report.period', { from: from ?? '', to: to ?? '' });
  if (kind === 'weekly') return from ? weekOf(from) : lastWeek(now);
  if (kind === 'monthly') return from ? monthOf(from) : lastMonth(now);
  if (!from || !to) throw badRequest('report.custom_dates');
  if (daysIn({ from, to }) > maxDays) throw badRequest('report.period', { from, to });
  return { from, to };
}

type Figures = Awaited<ReturnType<typeof statsFigures>>;
const line = (f: { metrics: Record<string, number>; indicators: Record<string, number | null> }): FigureLine => f;
const byReported = (a: { figures: FigureLine }, b: { figures: FigureLine }) => (b.figures.metrics.reported ?? 0) - (a.figures.metrics.reported ?? 0);

async function nameMap(db: Kysely<DB>, table: 'regions' | 'case_categories', keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db.selectFrom(table).select(['code', 'name']).where('code', 'in', keys).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

async function idNames(db: Kysely<DB>, table: 'units' | 'users', keys: string[]): Promise<Map<string, string>> {
  const ids = keys.filter((k) => /^[0-9a-f-]{36}$/.test(k));
  if (ids.length === 0) return new Map();
  const rows = table === 'units'
    ? await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute()
    : await db.selectFrom('users').select(['id', 'display_name as name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The breakdown sheets from statsFigures' rows, named from the reference tables. */
async function breakdownSheets(db: Kysely<DB>, f: Record<'region' | 'category' | 'unit' | 'day', Figures>, byReporter: Figures[]): Promise<BreakdownSheet[]> {
  const keys = (x: Figures) => x.rows.map((r) => r.key);
  const [regions, categories, units, reporters] = await Promise.all([
    nameMap(db, 'regions', [...keys(f.region), ...byReporter.map((x) => x.region)]), nameMap(db, 'case_categories', keys(f.category)), idNames(db, 'units', keys(f.unit)),
    idNames(db, 'users', byReporter.flatMap(keys)),
  ]);
  const reporterRows = byReporter.flatMap((x) =>
    x.rows.map((r) => ({ labels: [regions.get(x.region) ?? x.region, r.key ? (reporters.get(r.key) ?? r.key) : '（其他渠道上报）'], figures: line(r) })),
  );
  return [
    {
      name: '分区域', labelHeaders: ['区域代码', '区域名称'],
      rows: f.region.rows.map((r) => ({ labels: [r.key, regions.get(r.key) ?? r.key], figures: line(r) })).sort((a, b) => a.labels[0]!.localeCompare(b.labels[0]!)),
      total: { metrics: f.region.totals, indicators: f.region.indicators },
    },
    { name: '分类别', labelHeaders: ['类别代码', '类别名称'], rows: f.category.rows.map((r) => ({ labels: [r.key, categories.get(r.key) ?? r.key], figures: line(r) })).sort(byReported) },
    { name: '分单位', labelHeaders: ['主办单位'], rows: f.unit.rows.map((r) => ({ labels: [r.key ? (units.get(r.key) ?? r.key) : '（未派遣）'], figures: line(r) })).sort(byReported) },
    { name: '网格员', labelHeaders: ['所属区域', '网格员'], rows: reporterRows.sort(byReported) },
    { name: '趋势', labelHeaders: ['日期'], rows: f.day.rows.map((r) => ({ labels: [r.key], figures: line(r) })) },
  ];
}

interface Generation {
  kind: ReportKind;
  region: string;
  period: ReportPeriod;
  /** null for the schedule */
  by: Principal | null;
}

/** Counts the figures as the principal may see them and writes the workbook and its row. Returns the row id, or null when a scheduled twin exists. */
async function generate(db: Kysely<DB>, reader: Principal, g: Generation): Promise<string | null> {
  const ask = (by: 'region' | 'category' | 'unit' | 'reporter' | 'day', code = g.region) => statsFigures(db, reader, { region: code, from: g.period.from, to: g.period.to, by });
  const [region, category, unit, day] = await Promise.all([ask('region'), ask('category'), ask('unit'), ask('day')]);
  // grid workers are ranked within a street (statsFigures refuses wider): a county's report lists each street's
  const level = significantPrefix(g.region).length;
  const streets = level >= 9 ? [g.region] : level === 6 ? region.rows.map((r) => r.key).sort() : [];
  const byReporter: Figures[] = [];
  for (const street of streets) byReporter.push(await ask('reporter', street));
  const regionName = (await nameMap(db, 'regions', [g.region])).get(g.region) ?? g.region;
  const title = `${regionName} ${periodLabel(g.kind, g.period)} ${kindTitle[g.kind]}`;
  const generatedAt = new Date();
  const generatedBy = g.by ? g.by.displayName : 'system';
  const { bytes, sheetCount } = await reportWorkbook({
    title, period: g.period, previousPeriod: region.previousPeriod, generatedAt, generatedBy,
    definitions: region.definitions, now: { metrics: region.totals, indicators: region.indicators }, previous: { metrics: region.previous.totals, indicators: region.previous.indicators },
    sheets: await breakdownSheets(db, { region, category, unit, day }, byReporter),
  });
  const inserted = await db
    .insertInto('stat_reports')
    .values({
      kind: g.kind, region_code: g.region, region_name: regionName, period_from: g.period.from, period_to: g.period.to, title,
      generated_by: g.by?.kind === 'user' ? g.by.id : null, generated_by_name: generatedBy, scheduled: g.by === null, generated_at: generatedAt,
      content: bytes, size: bytes.length, sheet_count: sheetCount,
    })
    .onConflict((oc) => oc.columns(['kind', 'region_code', 'period_from']).where('scheduled', '=', true).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

const itemColumns = [
  'id', 'kind', 'region_code', 'region_name', 'title', 'generated_by_name', 'scheduled', 'generated_at', 'size', 'sheet_count',
  sql<string>`to_char(period_from, 'YYYY-MM-DD')`.as('from'), sql<string>`to_char(period_to, 'YYYY-MM-DD')`.as('to'),
] as const;

function fileName(r: { kind: ReportKind; region_name: string; from: string; to: string }): string {
  const period = r.kind === 'custom' ? `${r.from}至${r.to}` : periodLabel(r.kind, r).replace(/ \(.*\)$/, '');
  return `${r.region_name}_${period}_${kindTitle[r.kind]}.xlsx`;
}

async function listRows(db: Kysely<DB>, where: { id?: string; prefix?: string; kind?: ReportKind }, limit: number): Promise<ReportItem[]> {
  let q = db.selectFrom('stat_reports').select(itemColumns).orderBy('generated_at', 'desc').orderBy('id').limit(limit);
  if (where.id) q = q.where('id', '=', where.id);
  if (where.prefix) q = q.where('region_code', 'like', `${where.prefix}%`);
  if (where.kind) q = q.where('kind', '=', where.kind);
  return (await q.execute()).map((r) => ({
    id: r.id, kind: r.kind, region: r.region_code, regionName: r.region_name, from: r.from, to: r.to, title: r.title,
    generatedBy: r.generated_by_name, scheduled: r.scheduled, generatedAt: new Date(r.generated_at).toISOString(),
    size: r.size, sheetCount: r.sheet_count, fileName: fileName(r),
  }));
}

function readerOf(actor: Principal | null, region: string | undefined): { p: Principal; region: string } {
  const p = requirePermission(actor, 'stats:read');
  const code = region ?? p.scopeCode;
  if (!coversCode(p.scopeCode, code)) throw notFound('region.not_found', { code });
  return { p, region: code };
}

/** POST /reports: generates the report now, inside the reader's jurisdiction, and answers its metadata. */
export async function createReport(db: Kysely<DB>, actor: Principal | null, body: CreateReportRequest, ip: string): Promise<ReportItem> {
  const { p, region } = readerOf(actor, body.region);
  const period = requestedPeriod(body.kind, body.from, body.to);
  const id = (await generate(db, p, { kind: body.kind, region, period, by: p }))!;
  await writeAudit(db, { action: 'report.generate', actor: p, targetType: 'stat_report', targetId: id, ip, detail: { kind: body.kind, region, ...period } });
  return (await listRows(db, { id }, 1))[0]!;
}

export async function listReports(db: Kysely<DB>, actor: Principal | null, q: ReportListQuery): Promise<{ items: ReportItem[] }> {
  const { region } = readerOf(actor, q.region);
  return { items: await listRows(db, { prefix: significantPrefix(region), kind: q.kind }, q.limit) };
}

/** The workbook's bytes and file name; a report outside the reader's jurisdiction is not found. */
export async function reportFile(db: Kysely<DB>, actor: Principal | null, id: string): Promise<{ fileName: string; bytes: Buffer }> {
  const p = requirePermission(actor, 'stats:read');
  const row = await db.selectFrom('stat_reports').select([...itemColumns, 'content']).where('id', '=', id).executeTakeFirst();
  if (!row || !coversCode(p.scopeCode, row.region_code)) throw notFound('report.not_found', { id });
  return { fileName: fileName(row), bytes: Buffer.from(row.content) };
}

/** Who the schedule reads as: the region itself, with the figures' permission only. */
function scheduleReader(region: string): Principal {
  return { kind: 'api_key', id: 'system', name: 'system', displayName: 'system', role: null, scopeCode: region, unitId: null, permissions: new Set<Permission>(['stats:read']) };
}

/** The county and street regions (12-digit codes) with cases reported in the period, from the rollups. */
async function regionsWithCases(db: Kysely<DB>, period: ReportPeriod): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`
    select distinct rpad(region_code, 12, '0') as code from case_stats
    where level in ('county', 'street') and dim = 'all' and bucket = 'd' and reported > 0
      and bucket_start between ${period.from}::date and ${period.to}::date
    order by 1`.execute(db);
  return rows.map((r) => r.code);
}

/**
 * The schedule: last week's and last month's report for every county and street with cases in them,
 * made once — a run finds the ones already made, and the unique index settles two processes racing.
 * Returns how many it made.
 */
export async function makeScheduledReports(db: Kysely<DB>, now = new Date()): Promise<number> {
  let made = 0;
  for (const [kind, period] of [['weekly', lastWeek(now)], ['monthly', lastMonth(now)]] as const) {
    const done = new Set(
      (await db.selectFrom('stat_reports').select('region_code').where('scheduled', '=', true).where('kind', '=', kind).where('period_from', '=', period.from).execute()).map((r) => r.region_code),
    );
    for (const region of await regionsWithCases(db, period)) {
      if (done.has(region)) continue;
      if (await generate(db, scheduleReader(region), { kind, region, period, by: null })) made++;
    }
  }
  return made;
}
