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

/**
 * `keyed` (rows of keys and facts) spread over the rows they count in: a day, its month and its
 * year; the county, the street and the community; all, and per category, source, unit and grid
 * worker (breakdowns for counties and streets; grid workers for counties), summed per row.
 */
const spreadAndSum = (keyed: string) => `
  select ${rollupKey}, ${sumList} from (
    select b.bucket, b.bucket_start, l.level, l.region_code, k.dim, k.dim_value, ${metricNames.map((m) => `x.${m}`).join(', ')}
    from ${keyed} x
    cross join lateral (values ('d', x.day), ('m', date_trunc('month', x.day)::date), ('y', date_trunc('year', x.day)::date)) b (bucket, bucket_start)
    cross join lateral (values ('county', x.county_code), ('street', x.street_code), ('community', x.community_code)) l (level, region_code)
    cross join lateral (values ('all', ''), ('category', x.category_code), ('source', x.source), ('unit', coalesce(x.unit_id::text, '')), ('reporter', coalesce(x.reporter_id::text, ''))) k (dim, dim_value)
    where k.dim = 'all' or (l.level <> 'community' and (k.dim <> 'reporter' or (l.level = 'county' and x.reporter_id is not null)))
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
 */
export async function rebuildStats(db: Kysely<DB>): Promise<void> {
  // the demo seeds inside its own transaction
  const inTransaction = (fn: (tx: Kysely<DB>) => Promise<void>) => (db.isTransaction ? fn(db) : db.transaction().execute(fn));
  await inTransaction(async (tx) => {
    await sql`lock table cases in share row exclusive mode`.execute(tx);
    await sql`delete from case_stats`.execute(tx);
    await sql`delete from case_stat_snapshots`.execute(tx);
    await sql.raw(`insert into case_stats (${rollupKey}, ${metricList}) select ${rollupKey}, ${metricList} from (${spreadAndSum(`(select ${factsOf} from cases c)`)}) r where ${anyNonZero}`).execute(tx);
    await sql.raw(`insert into case_stat_snapshots (case_id, ${keyColumns.join(', ')}, ${metricList}) select c.id, ${factsOf} from cases c`).execute(tx);
    await sql`update cases set stats_dirty = false where stats_dirty`.execute(tx);
  });
}
