import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { coversCode, requirePermission, significantPrefix, type Principal } from '../../platform/access.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { indicatorValues, loadIndicators, type IndicatorDefinition } from './indicators.service.js';
import { metricNames, zeroMetrics, type Metrics } from './metrics.js';
import { bucketsOf, previousPeriod } from './periods.js';
import { shanghaiDay } from '../calendar/index.js';
import { categoryNames } from '../cases/index.js';
import { unitsByIds, usersByIds } from '../accounts/index.js';
import { regionAndGridNames } from '../regions/index.js';
import { codeRange } from './code-range.js';
import { factsOf, sumList } from './rollup.js';

export type Breakdown = 'region' | 'category' | 'source' | 'unit' | 'reporter' | 'day';
type Level = 'province' | 'city' | 'county' | 'street' | 'community' | 'grid';

export interface FiguresQuery {
  region?: string;
  from: string;
  to: string;
  by?: Breakdown;
}

export interface FigureRow {
  key: string;
  /** what people read for the key: the region's, category's, unit's or grid worker's name (null for sources and days: the client words them) */
  name: string | null;
  metrics: Metrics;
  indicators: Record<string, number | null>;
}

const levels: Level[] = ['province', 'city', 'county', 'street', 'community', 'grid'];
const levelByDigits: Record<number, Level> = { 2: 'province', 4: 'city', 6: 'county', 9: 'street', 12: 'community', 15: 'grid' };

/** The level of a region code and the level of its children (a grid has none: it is its own). */
function levelsOf(code: string): { own: Level; child: Level } {
  const own = levelByDigits[significantPrefix(code).length] ?? 'province';
  return { own, child: levels[Math.min(levels.indexOf(own) + 1, levels.length - 1)]! };
}

/**
 * Where a figure is kept in the rollups (migration 0014): all cases of a city, county, street or
 * community; breakdowns of a city or county. A province reads its cities. Null: counted from the cases.
 */
function rollupOf(level: Level, dim: 'all' | 'category' | 'source' | 'unit' | 'reporter'): Exclude<Level, 'grid' | 'province'> | null {
  const stored = level === 'province' ? 'city' : level;
  if (stored === 'grid' || dim === 'reporter') return null;
  if (dim === 'all') return stored;
  return stored === 'city' || stored === 'county' ? stored : null;
}

const sumRow = (r: Record<string, unknown>): Metrics => Object.fromEntries(metricNames.map((m) => [m, Number(r[m] ?? 0)])) as Metrics;
const dimColumn: Record<Exclude<Breakdown, 'region' | 'day'>, string> = {
  category: 'c.category_code', source: 'c.source', unit: `coalesce(c.lead_unit_id::text, '')`, reporter: `case when c.source = 'grid_worker' then c.reporter_id::text else '' end`,
};
const childColumn: Record<Level, string> = {
  province: `substr(c.county_code, 1, 2)`, city: `substr(c.county_code, 1, 4)`, county: 'c.county_code', street: 'c.street_code', community: 'c.community_code', grid: `coalesce(c.grid_code, '')`,
};
const inPeriod = (from: string, to: string) =>
  sql`c.reported_at >= (${from}::date::timestamp at time zone 'Asia/Shanghai') and c.reported_at < ((${to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`;
const inRegion = (prefix: string) =>
  prefix.length === 15 ? sql`c.grid_code = ${prefix}` : sql`c.community_code >= ${codeRange(prefix)[0]} and c.community_code < ${codeRange(prefix)[1]}`;

/**
 * Sums of the facts of the cases reported in [from, to] inside the region, per key ('' for the
 * total, else the child region, category, source, unit or grid worker): from the rollups where they
 * hold the level and breakdown, else counted from the region's cases — a street's, a community's or a
 * grid's, few enough to count at once. Grid workers are ranked per street and below.
 */
async function sums(db: Kysely<DB>, region: string, from: string, to: string, by: Breakdown | null): Promise<Map<string, Metrics>> {
  const prefix = significantPrefix(region);
  const { own, child } = levelsOf(region);
  if (by === 'day') return daySums(db, prefix, own, from, to);
  const dim = by === null || by === 'region' ? 'all' : by;
  if (dim === 'reporter' && levels.indexOf(own) < levels.indexOf('street')) throw badRequest('stats.reporter_scope');
  const stored = rollupOf(by === 'region' ? child : own, dim);
  let rows: Record<string, unknown>[];
  if (stored && !(by === 'region' && own === 'grid')) {
    const buckets = bucketsOf(from, to);
    if (buckets.length === 0) return new Map();
    const keyExpr = by === 'region' ? 'region_code' : dim === 'all' ? `''` : 'dim_value';
    ({ rows } = await sql<Record<string, unknown>>`
      select ${sql.raw(keyExpr)} as key, ${sql.raw(sumList)} from case_stats
      where level = ${stored} and dim = ${dim} and region_code >= ${codeRange(prefix)[0]} and region_code < ${codeRange(prefix)[1]}
        and (bucket, bucket_start) in (${sql.join(buckets.map((b) => sql`(${b.bucket}, ${b.start}::date)`))})
      group by 1`.execute(db));
  } else {
    const keyExpr = by === 'region' ? childColumn[child] : by === null ? `''` : dimColumn[by];
    ({ rows } = await sql<Record<string, unknown>>`
      select key, ${sql.raw(sumList)} from (select ${sql.raw(keyExpr)} as key, ${sql.raw(factsOf)} from cases c where ${inRegion(prefix)} and ${inPeriod(from, to)}) f
      group by key`.execute(db));
  }
  return new Map(rows.map((r) => [String(r.key ?? ''), sumRow(r)]));
}

/** One row per day of the period (the trend): the region's day rows, or its cases for a grid. */
async function daySums(db: Kysely<DB>, prefix: string, own: Level, from: string, to: string): Promise<Map<string, Metrics>> {
  const stored = rollupOf(own, 'all');
  const { rows } = stored
    ? await sql<Record<string, unknown>>`
      select to_char(bucket_start, 'YYYY-MM-DD') as key, ${sql.raw(sumList)} from case_stats
      where level = ${stored} and dim = 'all' and bucket = 'd' and region_code >= ${codeRange(prefix)[0]} and region_code < ${codeRange(prefix)[1]}
        and bucket_start between ${from}::date and ${to}::date
      group by bucket_start`.execute(db)
    : await sql<Record<string, unknown>>`
      select to_char(day, 'YYYY-MM-DD') as key, ${sql.raw(sumList)} from (select ${sql.raw(factsOf)} from cases c where ${inRegion(prefix)} and ${inPeriod(from, to)}) f
      group by day`.execute(db);
  return new Map(rows.map((r) => [String(r.key), sumRow(r)]));
}

/** Names for the keys of a breakdown, looked up once for the page. */
async function named(db: Kysely<DB>, by: Breakdown | undefined, rows: Omit<FigureRow, 'name'>[]): Promise<FigureRow[]> {
  const keys = rows.map((r) => r.key).filter(Boolean);
  let names = new Map<string, string>();
  // cities and counties are kept by their short prefix (5001, 370303): their names are under the full code
  const full = (key: string) => (key.length < 12 ? key.padEnd(12, '0') : key);
  if (by === 'region') names = new Map([...(await regionAndGridNames(db, keys.map(full))).entries()].map(([code, name]) => [keys.find((k) => full(k) === code) ?? code, name]));
  else if (by === 'category') names = await categoryNames(db);
  else if (by === 'unit') names = new Map([...(await unitsByIds(db, keys)).values()].map((u) => [u.id, u.name]));
  else if (by === 'reporter') names = new Map((await usersByIds(db, keys)).map((u) => [u.id, u.display_name]));
  return rows.map((r) => ({ ...r, name: names.get(r.key) ?? null }));
}

const isDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 综合评价 for a region (default: the reader's jurisdiction) over a period: the summed facts, every
 * indicator, the same for the period before (环比), and with `by`, one row per child region, category,
 * source, unit or grid worker. A region outside the reader's jurisdiction is not found.
 */
export async function statsFigures(db: Kysely<DB>, actor: Principal | null, q: FiguresQuery) {
  const p = requirePermission(actor, 'stats:read');
  const region = q.region ?? p.scopeCode;
  if (!isDay.test(q.from) || !isDay.test(q.to) || q.from > q.to) throw badRequest('stats.period', { from: q.from, to: q.to });
  if (!coversCode(p.scopeCode, region)) throw notFound('region.not_found', { code: region });
  const definitions = await loadIndicators(db);
  const before = previousPeriod(q.from, q.to);
  const [now, then, rows] = await Promise.all([
    sums(db, region, q.from, q.to, null),
    sums(db, region, before.from, before.to, null),
    q.by ? sums(db, region, q.from, q.to, q.by) : Promise.resolve(new Map<string, Metrics>()),
  ]);
  const totals = now.get('') ?? zeroMetrics();
  const previous = then.get('') ?? zeroMetrics();
  const present = (metrics: Metrics) => indicatorValues(definitions, metrics);
  return {
    region, from: q.from, to: q.to, previousPeriod: before,
    totals, indicators: present(totals), previous: { totals: previous, indicators: present(previous) },
    definitions: definitions.map(({ tree: _tree, ...d }: IndicatorDefinition) => d),
    rows: await named(db, q.by, [...rows.entries()].sort(([a], [b]) => (q.by === 'day' ? a.localeCompare(b) : 0)).map(([key, metrics]) => ({ key, metrics, indicators: present(metrics) }))),
  };
}

/**
 * The live tiles of a dashboard: reported today, open and overdue now (from the rollups: every case
 * ever reported that is still open), and what happened today — closures and escalations — counted
 * from the cases and their timeline as they stand.
 */
export async function liveFigures(db: Kysely<DB>, actor: Principal | null, regionCode: string | undefined, now = new Date()) {
  const p = requirePermission(actor, 'stats:read');
  const region = regionCode ?? p.scopeCode;
  if (!coversCode(p.scopeCode, region)) throw notFound('region.not_found', { code: region });
  const today = shanghaiDay(now);
  const prefix = significantPrefix(region);
  const place = inRegion(prefix);
  const dayStart = sql`(${today}::date::timestamp at time zone 'Asia/Shanghai')`;
  const [todays, ever, closed, escalated] = await Promise.all([
    sums(db, region, today, today, null),
    sums(db, region, '2000-01-01', today, null),
    sql<{ n: number }>`select count(*)::int as n from cases c where c.closed_at >= ${dayStart} and c.state = 'closed' and ${place}`.execute(db),
    sql<{ n: number }>`select count(distinct e.case_id)::int as n from case_events e join cases c on c.id = e.case_id
      where e.action in ('escalate', 'auto_escalate') and e.at >= ${dayStart} and ${place}`.execute(db),
  ]);
  const t = todays.get('') ?? zeroMetrics();
  const all = ever.get('') ?? zeroMetrics();
  return { region, at: now.toISOString(), newToday: t.reported, openNow: all.open, overdueNow: all.open_overdue, closedToday: closed.rows[0]!.n, escalatedToday: escalated.rows[0]!.n };
}
