/**
 * A whole city for the command-centre bench: 重庆市's real divisions (38 districts and counties, 1,031
 * townships, 11,270 communities and villages from ../shared/data/divisions), three grids per community,
 * a grid worker per grid, departments per county, 30 million people and 10 million cases over three
 * years with skewed places, categories and sources, and the life of each case (closed, rated, reworked,
 * overdue …) as the loop would have left it. Written with set-based SQL straight into PostgreSQL, with
 * the secondary indexes built after the load, then the rollups counted in one rebuild.
 *
 * Sizes: BENCH_CITY_PEOPLE (30,000,000) and BENCH_CITY_CASES (10,000,000). The database is kept
 * (BENCH_CITY_DB, gz_bench_city) so the query bench can run again without regenerating; a database
 * that already holds a city of the asked size is reused.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrate.js';
import { seedCaseReference } from '../server/src/modules/cases/index.js';
import { rebuildStats } from '../server/src/modules/stats/index.js';

const divisions = path.resolve(import.meta.dirname, '../../shared/data/divisions');
const province = '50';
export const cityProvince = '500000000000';

/** Department keys of every county, as the demo's (accounts/seed.ts) so categories route the same way. */
const departmentKeys = ['ZF', 'ZJ', 'HB', 'JT', 'JY', 'RS', 'SW', 'WJ', 'GA', 'SF', 'MZ', 'YJ', 'SJ'];

function csvRows(file: string): { code: string; name: string; parent_code: string; level: string }[] {
  const [header, ...lines] = fs.readFileSync(path.join(divisions, file), 'utf8').trim().split(/\r?\n/);
  const keys = header!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v])) as { code: string; name: string; parent_code: string; level: string });
}

async function timed(label: string, log: Record<string, number>, fn: () => Promise<unknown>) {
  const t = performance.now();
  await fn();
  log[label] = Math.round(performance.now() - t);
  console.error(`city: ${label} ${log[label]} ms`);
}

export async function ensureCity(url: string, people: number, cases: number): Promise<Record<string, unknown>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await client.query<{ n: string }>(`select count(*)::text as n from information_schema.tables where table_name = 'cases'`);
    if (existing.rows[0]!.n === '1') {
      const { rows } = await client.query<{ cases: string; people: string }>(`select (select count(*) from cases)::text as cases, (select count(*) from people)::text as people`);
      if (Number(rows[0]!.cases) === cases && Number(rows[0]!.people) === people) return { reused: true, cases, people };
      throw new Error(`database ${url} holds another city (${rows[0]!.cases} cases, ${rows[0]!.people} people): drop it or set BENCH_CITY_DB`);
    }
  } finally {
    await client.end();
  }
  return generateCity(url, people, cases);
}

async function generateCity(url: string, people: number, cases: number): Promise<Record<string, unknown>> {
  const log: Record<string, number> = {};
  const database = await openDatabase({ url, dataDir: '/tmp' });
  await timed('migrate', log, () => migrate(database));
  const db = database.db;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = (text: string, values?: unknown[]) => client.query(text, values);
  // the secondary indexes are built after the load; give those builds room (this session only)
  await q(`set maintenance_work_mem = '1GB'`);
  try {
    await timed('regions', log, async () => {
      const rows = [
        ...csvRows('provinces.csv'), ...csvRows('cities.csv'), ...csvRows('counties.csv'), ...csvRows('townships.csv'), ...csvRows('villages_chongqing_50.csv'),
      ].filter((r) => r.code.startsWith(province));
      for (let i = 0; i < rows.length; i += 2000) {
        const part = rows.slice(i, i + 2000);
        await q(`insert into regions (code, name, level, parent_code, boundary_source)
          select code, name, level, nullif(parent_code, ''), 'generated' from jsonb_to_recordset($1::jsonb) as r(code text, name text, level text, parent_code text)`, [JSON.stringify(part)]);
      }
    });
    await timed('grids, units, grid workers', log, async () => {
      // three small square grids per community, laid out on a lattice over 重庆 (geometry is not what this bench reads)
      await q(`insert into grids (code, community_code, county_code, name, type, geom, area_m2, geometry_source)
        select v.code || lpad(g::text, 3, '0'), v.code, substr(v.code, 1, 6), '第' || g || '网格', 'comprehensive',
          st_multi(st_makeenvelope(x, y, x + 0.004, y + 0.004, 4326)), 160000, 'generated'
        from (select code, row_number() over (order by code) as n from regions where level = 'village') v
        cross join generate_series(1, 3) g
        cross join lateral (select 105.3 + ((v.n * 3 + g) % 400) * 0.005 as x, 28.2 + ((v.n * 3 + g) / 400) * 0.005 as y) p`);
      await q(`insert into units (code, name, kind, region_code)
        select substr(c.code, 1, 6) || '-' || k, c.name || k, 'department', c.code from regions c cross join unnest($1::text[]) k where c.level = 'county'`, [departmentKeys]);
      await q(`insert into units (code, name, kind, region_code)
        select substr(t.code, 1, 9) || '-BSC', t.name || '办事处', 'office', t.code from regions t where t.level = 'township'`);
      // one worker per grid; they never sign in here, so one fixed hash serves
      await q(`insert into users (username, display_name, role, scope_code, password_hash)
        select 'gw' || code, '网格员' || code, 'grid_worker', code, 'scrypt$bench$unusable' from grids`);
    });
    await seedCaseReference(db, (await q(`select code from regions where level = 'county' order by code limit 1`)).rows[0].code);
    // grids by position for random picks, busier grids repeated (one to four times), with their worker
    await q(`create table bench_grid_pick as
      select (row_number() over (order by g.code, r) - 1)::int as k, g.code, g.community_code, u.id as worker_id, u.display_name as worker_name
      from grids g join users u on u.username = 'gw' || g.code cross join generate_series(1, 1 + (hashint4(hashtext(g.code)) & 3)) r`);
    await q('create index on bench_grid_pick (k)');
    const picks = Number((await q('select count(*) from bench_grid_pick')).rows[0].count);
    await timed('people', log, () => generatePeople(q, people, picks));
    await timed('cases', log, () => generateCases(q, cases, picks));
    await timed('rollups', log, () => rebuildStats(db));
    await timed('analyze', log, () => q('analyze'));
  } finally {
    await client.end();
    await database.close();
  }
  return { generated: true, people, cases, ms: log };
}

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

/** Drops a table's secondary indexes for a bulk load and gives back the statements that rebuild them. */
async function withoutIndexes(q: Query, table: string, load: () => Promise<void>) {
  const { rows } = await q(`select i.indexname, i.indexdef from pg_indexes i
    where i.tablename = $1 and i.indexname not in (select conname from pg_constraint where conrelid = $1::regclass)`, [table]);
  for (const r of rows) await q(`drop index ${r.indexname}`);
  await load();
  for (const r of rows) await q(r.indexdef);
}

async function generatePeople(q: Query, total: number, picks: number) {
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
  const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红鹏飞建国志强晓东海燕婷雪梅俊文斌浩宇子轩欣怡梓涵一诺思远嘉怡';
  await withoutIndexes(q, 'people', async () => {
    for (let start = 0; start < total; start += 1_000_000) {
      const n = Math.min(1_000_000, total - start);
      await q(`insert into people (id_hash, id_cipher, id_masked, name, name_grams, gender, birth_date, person_type, grid_code)
        select encode(sha256(('bench-person-' || i)::bytea), 'hex'), decode(md5(i::text), 'hex'),
          '500' || '***********' || lpad((i % 10000)::text, 4, '0'), nm, array[substr(nm, 1, 1), substr(nm, 2, 1), substr(nm, 1, 2)],
          case when i % 2 = 0 then '1' else '2' end, date '1940-01-01' + (hashint8(i) & 2147483647) % 29000,
          (array['huji', 'huji', 'huji', 'changzhu', 'liudong'])[1 + (hashint8(i + 7) & 2147483647) % 5], g.code
        from generate_series($1::bigint, $2::bigint) i
        cross join lateral (select substr($3, 1 + ((hashint4(i::int) & 2147483647) % length($3)), 1) || substr($4, 1 + ((hashint4(i::int + 1) & 2147483647) % length($4)), 1)
          || substr($4, 1 + ((hashint4(i::int + 2) & 2147483647) % length($4)), 1) as nm) name
        cross join lateral (select code from bench_grid_pick where k = (hashint4(i::int + 3) & 2147483647) % $5) g`,
        [start + 1, start + n, surnames, given, picks]);
    }
  });
}

async function generateCases(q: Query, total: number, picks: number) {
  await q(`create table bench_categories as
    select (row_number() over (order by c.code, r) - 1)::int as k, c.code, c.default_level
    from case_categories c cross join generate_series(1, 1 + (hashint4(hashtext(c.code)) & 7)) r where c.parent_code is not null`);
  const categories = Number((await q('select count(*) from bench_categories')).rows[0].count);
  await withoutIndexes(q, 'cases', async () => {
    for (let start = 0; start < total; start += 500_000) {
      const n = Math.min(500_000, total - start);
      await q(`
        insert into cases (number, county_code, street_code, community_code, grid_code, location, category_code, description, priority, source,
          reporter_id, reporter_name, state, level, lead_unit_id, version, ever_overdue, returned_count, rework_count, reopened_count, escalation_count,
          extension_days, rating, rated_at, reported_at, registered_at, dispatched_at, closed_at, updated_at, overdue_at, late_stages, stats_dirty)
        select substr(g.code, 1, 6) || '-' || to_char(r.at at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(i::text, 8, '0'),
          substr(g.code, 1, 6), substr(g.code, 1, 9) || '000', g.community_code, g.code,
          st_setsrid(st_point(105.3 + (i % 1000) * 0.002, 28.2 + (i % 997) * 0.002), 4326), k.code, '市民反映：' || k.code || ' 问题，请尽快处理', 'normal', s.source,
          case when s.source = 'grid_worker' then g.worker_id end, case when s.source = 'grid_worker' then g.worker_name end,
          st.state, k.default_level, case when st.state in ('reported', 'registered', 'rejected', 'merged') then null else u.id end, 3,
          f.overdue, f.returned, f.rework, f.reopened, f.escalated, f.extension,
          case when st.state = 'closed' and f.rate_roll < 60 then (case when f.rate_roll < 48 then 'satisfied' when f.rate_roll < 57 then 'basically_satisfied' else 'dissatisfied' end) end,
          case when st.state = 'closed' and f.rate_roll < 60 then r.at + interval '5 days' end,
          r.at,
          case when st.state not in ('reported', 'rejected', 'merged') then r.at + interval '40 minutes' end,
          case when st.state not in ('reported', 'registered', 'rejected', 'merged') then r.at + interval '90 minutes' end,
          case when st.state = 'closed' then r.at + (1 + f.rate_roll % 6) * interval '1 day' end,
          r.at, case when f.overdue and st.state not in ('closed', 'rejected', 'merged') then r.at + interval '3 days' end,
          case when f.overdue then array['handle'] else '{}'::text[] end, false
        from generate_series($1::bigint, $2::bigint) i
        cross join lateral (select (hashint8(i) & 2147483647) as h1, (hashint8(i + 1000000000) & 2147483647) as h2) hh
        -- three years to today, busier in recent months and in working hours
        cross join lateral (select now() - (power((hh.h1 % 100000) / 100000.0, 1.3) * 1095) * interval '1 day' as at) r0
        cross join lateral (select date_trunc('day', r0.at) + (7 + hh.h2 % 13) * interval '1 hour' + (hh.h2 % 60) * interval '1 minute' as at) r1
        cross join lateral (select least(r1.at, now() - interval '1 minute') as at) r
        cross join lateral (select code, community_code, worker_id, worker_name from bench_grid_pick where k = (hh.h2 % ${picks})) g
        cross join lateral (select code, default_level from bench_categories where k = (hh.h1 % ${categories})) k
        cross join lateral (select (array['grid_worker', 'grid_worker', 'grid_worker', 'grid_worker', 'grid_worker', 'hotline', 'hotline', 'citizen', 'citizen', 'dispatcher', 'open311'])[1 + hh.h2 % 11] as source) s
        cross join lateral (select id from units where code = substr(g.code, 1, 6) || '-' || (array['ZF', 'ZJ', 'HB', 'JT', 'SJ'])[1 + hh.h1 % 5]) u
        cross join lateral (select extract(epoch from now() - r.at) / 86400 as age, hh.h1 % 1000 as roll) a
        cross join lateral (select case
          when a.roll < 25 then 'rejected' when a.roll < 40 then 'merged'
          when a.age > 20 then (case when a.roll < 990 then 'closed' else 'handling' end)
          when a.age > 3 then (array['closed', 'closed', 'closed', 'feedback', 'handling', 'dispatched'])[1 + hh.h2 % 6]
          else (array['reported', 'registered', 'dispatched', 'handling', 'feedback', 'closed'])[1 + hh.h2 % 6] end as state) st
        cross join lateral (select hh.h2 % 100 < 8 as overdue, case when hh.h2 % 100 between 8 and 11 then 1 else 0 end as returned,
          case when hh.h1 % 100 < 5 then 1 else 0 end as rework, case when hh.h1 % 1000 < 8 then 1 else 0 end as reopened,
          case when hh.h2 % 1000 < 15 then 1 else 0 end as escalated, case when hh.h1 % 100 between 5 and 7 then 2 else 0 end as extension,
          hh.h2 % 100 as rate_roll) f`,
        [start + 1, start + n]);
    }
  });
}
