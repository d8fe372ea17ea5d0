import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { coversCode, requirePermission, significantPrefix, type Principal } from '../../platform/access.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { indicatorValues, loadIndicators, type IndicatorDefinition } from './indicators.service.js';
import { metricNames, zeroMetrics, type Metrics } from './metrics.js';
import { bucketsOf, previousPeriod } from './periods.js';
import { factsOf, sumList } from './rollup.js';

export type Breakdown = 'region' | 'category' | 'source' | 'unit' | 'reporter' | 'day';
type Level = 'county' | 'street' | 'community' | 'grid';

export interface FiguresQuery {
  region?: string;
  from: string;
  to: string;
  by?: Breakdown;
}

export interface FigureRow {
  key: string;
  metrics: Metrics;
  indicators: Record<string, number | null>;
}

/** The level of a region code and the level of its children (a city or province counts its counties). */
function levelsOf(code: string): { own: Level | 'above'; child: Level } {
  const n = significantPrefix(code).length;
  if (n === 15) return { own: 'grid', child: 'grid' };
  if (n === 12) return { own: 'community', child: 'grid' };
  if (n === 9) return { own: 'street', child: 'community' };
  if (n === 6) return { own: 'county', child: 'street' };
  return { own: 'above', child: 'county' };
}

const sumRow = (r: Record<string, unknown>): Metrics => Object.fromEntries(metricNames.map((m) => [m, Number(r[m] ?? 0)])) as Metrics;
const dimColumn: Record<Exclude<Breakdown, 'region' | 'day'>, string> = {
  category: 'c.category_code', source: 'c.source', unit: `coalesce(c.lead_unit_id::text, '')`, reporter: `case when c.source = 'grid_worker' then c.reporter_id::text else '' end`,
};
const childColumn: Record<Level, string> = { county: 'c.county_code', street: 'c.street_code', community: 'c.community_code', grid: `coalesce(c.grid_code, '')` };

/**
 * Sums of the facts of the cases reported in [from, to] inside `prefix`, grouped by `group` (a key
 * per row, '' for the total): from the rollups where they hold the level and breakdown, else counted
 * from the cases themselves (a community's grids, a community's or grid's breakdowns: few cases).
 */
async function sums(db: Kysely<DB>, region: string, from: string, to: string, by: Breakdown | null): Promise<Map<string, Metrics>> {
  const prefix = significantPrefix(region);
  const { own, child } = levelsOf(region);
  if (by === 'day') return daySums(db, region, own, from, to);
  const rollupLevel: Level = by === 'region' ? child : own === 'above' ? 'county' : own;
  const dim = by === null || by === 'region' ? 'all' : by;
  const fromRollups = rollupLevel !== 'grid' && (dim === 'all' || rollupLevel === 'county' || (rollupLevel === 'street' && dim !== 'reporter'));
  let rows: Record<string, unknown>[];
  if (fromRollups) {
    const buckets = bucketsOf(from, to);
    if (buckets.length === 0) return new Map();
    const keyExpr = by === 'region' ? 'region_code' : dim === 'all' ? `''` : 'dim_value';
    ({ rows } = await sql<Record<string, unknown>>`
      select ${sql.raw(keyExpr)} as key, ${sql.raw(sumList)} from case_stats
      where level = ${rollupLevel} and dim = ${dim} and region_code like ${`${prefix}%`}
        and (bucket, bucket_start) in (${sql.join(buckets.map((b) => sql`(${b.bucket}, ${b.start}::date)`))})
      group by 1`.execute(db));
  } else {
    const keyExpr = by === 'region' ? childColumn[child] : by === null ? `''` : dimColumn[by];
    const place = own === 'grid' ? sql`c.grid_code = ${prefix}` : sql`c.community_code like ${`${prefix}%`}`;
    ({ rows } = await sql<Record<string, unknown>>`
      select key, ${sql.raw(sumList)} from (
        select ${sql.raw(keyExpr)} as key, ${sql.raw(factsOf)} from cases c
        where ${place} and c.reported_at >= (${from}::date::timestamp at time zone 'Asia/Shanghai') and c.reported_at < ((${to}::date + 1)::timestamp at time zone 'Asia/Shanghai')
      ) f group by key`.execute(db));
  }
  return new Map(rows.map((r) => [String(r.key ?? ''), sumRow(r)]));
}

/** One row per day of the period (the trend): the day buckets of the region's level, or its cases for a grid. */
async function daySums(db: Kysely<DB>, region: string, own: Level | 'above', from: string, to: string): Promise<Map<string, Metrics>> {
  const prefix = significantPrefix(region);
  const { rows } = own === 'grid'
    ? await sql<Record<string, unknown>>`
      select to_char(day, 'YYYY-MM-DD') as key, ${sql.raw(sumList)} from (select ${sql.raw(factsOf)} from cases c
        where c.grid_code = ${prefix} and c.reported_at >= (${from}::date::timestamp at time zone 'Asia/Shanghai') and c.reported_at < ((${to}::date + 1)::timestamp at time zone 'Asia/Shanghai')) f
      group by day`.execute(db)
    : await sql<Record<string, unknown>>`
      select to_char(bucket_start, 'YYYY-MM-DD') as key, ${sql.raw(sumList)} from case_stats
      where level = ${own === 'above' ? 'county' : own} and dim = 'all' and bucket = 'd' and region_code like ${`${prefix}%`}
        and bucket_start between ${from}::date and ${to}::date
      group by bucket_start`.execute(db);
  return new Map(rows.map((r) => [String(r.key), sumRow(r)]));
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
    rows: [...rows.entries()].sort(([a], [b]) => (q.by === 'day' ? a.localeCompare(b) : 0)).map(([key, metrics]): FigureRow => ({ key, metrics, indicators: present(metrics) })),
  };
}
