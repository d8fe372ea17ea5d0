import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { metricDefinitions, metricNames } from './metrics.js';

/**
 * The rollups of the cases (migration 0014): how a case's facts are keyed, how a change is added to
 * every row the case belongs to, and the recount they must equal. All of it is SQL built from the
 * metric list, so the job, the rebuild and the recount cannot drift apart.
 */

const keyColumns = ['day', 'county_code', 'street_code', 'community_code', 'category_code', 'source', 'unit_id', 'reporter_id'] as const;

/** A case row (alias c) as its keys and facts. */
export const factsOf = `
  (c.reported_at at time zone 'Asia/Shanghai')::date as day, c.county_code, c.street_code, c.community_code, c.category_code, c.source,
  c.lead_unit_id as unit_id, case when c.source = 'grid_worker' then c.reporter_id end as reporter_id,
  ${metricNames.map((m) => `${metricDefinitions[m]} as ${m}`).join(', ')}`;

const metricList = metricNames.join(', ');
export const sumList = metricNames.map((m) => `sum(${m}) as ${m}`).join(', ');
const anyNonZero = metricNames.map((m) => `${m} <> 0`).join(' or ');
const rollupKey = 'level, dim, bucket, bucket_start, region_code, dim_value';

/** The rows a case counts in: its city, county, street and community for all, its city and county per breakdown. */
const spread = [
  ...(['city', 'county', 'street', 'community'] as const).map((level) => ({ level, dim: 'all' })),
  ...(['city', 'county'] as const).flatMap((level) => (['category', 'source', 'unit'] as const).map((dim) => ({ level, dim }))),
];
const regionOf = { city: 'substr(x.county_code, 1, 4)', county: 'x.county_code', street: 'x.street_code', community: 'x.community_code' } as const;
const valueOf = { all: `''`, category: 'x.category_code', source: 'x.source', unit: `coalesce(x.unit_id::text, '')` } as const;

/**
 * `keyed` (rows of keys and facts) spread over the rows they count in — a day, its month and its year;
 * the regions and breakdowns above — and summed per row.
 */
const spreadAndSum = (keyed: string) => `
  select ${rollupKey}, ${sumList} from (
    select b.bucket, b.bucket_start, l.level, l.region_code, l.dim, l.dim_value, ${metricNames.map((m) => `x.${m}`).join(', ')}
    from ${keyed} x
    cross join lateral (values ('d', x.day), ('m', date_trunc('month', x.day)::date), ('y', date_trunc('year', x.day)::date)) b (bucket, bucket_start)
    cross join lateral (values ${spread.map((r) => `('${r.level}', ${regionOf[r.level]}, '${r.dim}', ${valueOf[r.dim as keyof typeof valueOf]})`).join(', ')}) l (level, region_code, dim, dim_value)
  ) spread group by ${rollupKey}`;

/**
 * Counts up to `limit` changed cases: adds what each contributes now minus what it contributed when
 * last counted to every rollup row it belongs to, keeps the new contribution and clears the mark —
 * one statement, so a crash loses nothing and counts nothing twice. Cases another transaction holds
 * are left for the next run (SKIP LOCKED). Returns how many cases were counted.
 */
export async function countChangedCases(db: Kysely<DB>, limit = 5000): Promise<number> {
  const { rows } = await sql<{ n: number }>`${sql.raw(`
    with dirty as (select id from cases where stats_dirty limit ${Number(limit)} for update skip locked),
    fresh as (select c.id as case_id, ${factsOf} from cases c join dirty d on d.id = c.id),
    delta as (
      select ${keyColumns.join(', ')}, ${metricList} from fresh
      union all
      select ${keyColumns.map((k) => `s.${k}`).join(', ')}, ${metricNames.map((m) => `-s.${m}`).join(', ')}
      from case_stat_snapshots s join dirty d on d.id = s.case_id
    ),
    summed as (${spreadAndSum('delta')}),
    added as (
      insert into case_stats (${rollupKey}, ${metricList})
      select ${rollupKey}, ${metricList} from summed where ${anyNonZero}
      on conflict (${rollupKey}) do update set ${metricNames.map((m) => `${m} = case_stats.${m} + excluded.${m}`).join(', ')}
      returning 1
    ),
    kept as (
      insert into case_stat_snapshots (case_id, ${keyColumns.join(', ')}, ${metricList})
      select case_id, ${keyColumns.join(', ')}, ${metricList} from fresh
      on conflict (case_id) do update set ${[...keyColumns, ...metricNames].map((k) => `${k} = excluded.${k}`).join(', ')}
      returning 1
    ),
    cleared as (update cases set stats_dirty = false where id in (select id from dirty) returning 1)
    select (select count(*) from cleared)::int as n, (select count(*) from added) as a, (select count(*) from kept) as k`)}`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Counts every changed case, in batches, until none is left. */
export async function countAllChangedCases(db: Kysely<DB>, batch = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await countChangedCases(db, batch);
    total += n;
    if (n < batch) return total;
  }
}

export type RollupRow = { level: string; dim: string; bucket: string; bucket_start: string; region_code: string; dim_value: string } & Record<(typeof metricNames)[number], number>;

const asRows = (rows: Record<string, unknown>[]) =>
  rows.map((r) => ({ ...r, bucket_start: String(r.bucket_start instanceof Date ? r.bucket_start.toISOString().slice(0, 10) : r.bucket_start).slice(0, 10), ...Object.fromEntries(metricNames.map((m) => [m, Number(r[m])])) }) as RollupRow);

/** Every rollup row recounted from the cases as they are now (rows of zeros left out). */
export async function recountStats(db: Kysely<DB>): Promise<RollupRow[]> {
  const { rows } = await sql<Record<string, unknown>>`${sql.raw(`
    select * from (${spreadAndSum(`(select ${factsOf} from cases c)`)}) r where ${anyNonZero}
    order by ${rollupKey}`)}`.execute(db);
  return asRows(rows);
}

/** Every rollup row as the job maintained it (rows of zeros left out). */
export async function storedStats(db: Kysely<DB>): Promise<RollupRow[]> {
  const { rows } = await sql<Record<string, unknown>>`${sql.raw(`select * from case_stats where ${anyNonZero} order by ${rollupKey}`)}`.execute(db);
  return asRows(rows);
}

/**
 * Replaces the rollups and snapshots with a recount of every case: for a bulk load (the demo, the
 * bench's city), where adding millions of cases one change at a time would be slower than counting.
 * Counted the cheap way — each level and breakdown's day rows in one pass over the cases, then months
 * and years from the days — which the tests hold equal to what the job maintains.
 */
export async function rebuildStats(db: Kysely<DB>): Promise<void> {
  // the demo seeds inside its own transaction
  const inTransaction = (fn: (tx: Kysely<DB>) => Promise<void>) => (db.isTransaction ? fn(db) : db.transaction().execute(fn));
  await inTransaction(async (tx) => {
    await sql`lock table cases in share row exclusive mode`.execute(tx);
    await sql`delete from case_stats`.execute(tx);
    await sql`delete from case_stat_snapshots`.execute(tx);
    await sql.raw(`create temporary table stats_facts on commit drop as select ${factsOf} from cases c`).execute(tx);
    for (const r of spread) {
      const region = regionOf[r.level].replace(/x\./g, '');
      const value = valueOf[r.dim as keyof typeof valueOf].replace(/x\./g, '');
      await sql.raw(`insert into case_stats (${rollupKey}, ${metricList})
        select '${r.level}', '${r.dim}', 'd', day, ${region}, ${value}, ${sumList} from stats_facts group by day, ${region}${r.dim === 'all' ? '' : `, ${value}`}`).execute(tx);
    }
    for (const [bucket, unit] of [['m', 'month'], ['y', 'year']] as const) {
      await sql.raw(`insert into case_stats (${rollupKey}, ${metricList})
        select level, dim, '${bucket}', date_trunc('${unit}', bucket_start)::date, region_code, dim_value, ${sumList}
        from case_stats where bucket = 'd' group by level, dim, date_trunc('${unit}', bucket_start), region_code, dim_value`).execute(tx);
    }
    await sql.raw(`insert into case_stat_snapshots (case_id, ${keyColumns.join(', ')}, ${metricList}) select c.id, ${factsOf} from cases c`).execute(tx);
    await sql`update cases set stats_dirty = false where stats_dirty`.execute(tx);
  });
}
