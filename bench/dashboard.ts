/**
 * The command centre at city scale: every dashboard tile and indicator query, with drill-down, through
 * the real HTTP app against PostgreSQL holding the generated city (city.ts). Readers at each level
 * (the city, a district, a township, a community, a grid) ask for random periods — today, this week,
 * this month, this quarter, this year, or any range up to two years — and for each breakdown; p50, p95
 * and p99 per kind of query.
 */
import pg from 'pg';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/db/database.js';
import { hashPassword } from '../server/src/modules/accounts/index.js';
import { createLogger } from '../server/src/platform/logger.js';
import { cityProvince, ensureCity } from './city.js';

const day = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(d);
const daysAgo = (n: number) => day(new Date(Date.now() - n * 86_400_000));
const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;

function randomPeriod(): { from: string; to: string; kind: string } {
  const today = day(new Date());
  const kind = pick(['today', 'week', 'month', 'quarter', 'year', 'custom']);
  if (kind === 'today') return { from: today, to: today, kind };
  if (kind === 'week') return { from: daysAgo(6), to: today, kind };
  if (kind === 'month') return { from: `${today.slice(0, 8)}01`, to: today, kind };
  if (kind === 'quarter') return { from: daysAgo(89), to: today, kind };
  if (kind === 'year') return { from: `${today.slice(0, 4)}-01-01`, to: today, kind };
  const end = Math.floor(Math.random() * 365);
  return { from: daysAgo(end + 1 + Math.floor(Math.random() * 730)), to: daysAgo(end), kind };
}

const percentile = (sorted: number[], p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;

export async function dashboardBench(url: string, options: { people: number; cases: number; requests: number }) {
  const city = await ensureCity(url, options.people, options.cases);
  const database = await openDatabase({ url, dataDir: '/tmp' });
  const app = await buildApp({ config: loadConfig({ GONGZHI_DATA_DIR: '/tmp', LOG_LEVEL: 'silent', DATABASE_URL: url }), database, logger: createLogger('silent'), serveWeb: false });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const codes = async (sql: string) => (await client.query<{ code: string }>(sql)).rows.map((r) => r.code);
    const counties = await codes(`select code from regions where level = 'county'`);
    const townships = await codes(`select code from regions where level = 'township' order by random() limit 200`);
    const communities = await codes(`select code from regions where level = 'village' order by random() limit 500`);
    const grids = await codes(`select code from grids order by random() limit 500`);
    // a leader for the whole city signs in once; regions below are asked for explicitly
    const password = 'bench-leader-2026!';
    await client.query(`insert into users (username, display_name, role, scope_code, password_hash) values ('bench_leader', '市领导', 'leader', $1, $2)
      on conflict (username) do nothing`, [cityProvince, await hashPassword(password)]);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bench_leader', password } });
    const cookie = `gz_session=${login.cookies.find((c) => c.name === 'gz_session')!.value}`;

    const levels = { city: [cityProvince], county: counties, township: townships, community: communities, grid: grids } as const;
    const kinds = ['totals', 'by_region', 'by_category', 'by_source', 'by_unit', 'by_reporter', 'trend', 'live'] as const;
    const times: Record<string, number[]> = {};
    let failures = 0;
    // warm-up: the first queries load indexes into memory
    for (let i = 0; i < 50; i++) await app.inject({ method: 'GET', url: `/api/v1/stats/figures?from=${daysAgo(30)}&to=${daysAgo(0)}&region=${pick(counties)}`, headers: { cookie } });
    for (let i = 0; i < options.requests; i++) {
      const kind = pick(kinds);
      // grid workers are ranked within a street and below (stats.reporter_scope above)
      const level = pick((kind === 'by_reporter' ? ['township', 'community', 'grid'] : Object.keys(levels)) as (keyof typeof levels)[]);
      const region = pick(levels[level]);
      const period = randomPeriod();
      const by = { totals: '', by_region: '&by=region', by_category: '&by=category', by_source: '&by=source', by_unit: '&by=unit', by_reporter: '&by=reporter', trend: '&by=day', live: '' }[kind];
      const path = kind === 'live' ? `/api/v1/stats/live?region=${region}` : `/api/v1/stats/figures?region=${region}&from=${period.from}&to=${period.to}${by}`;
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url: path, headers: { cookie } });
      const ms = performance.now() - t;
      if (res.statusCode !== 200) {
        failures++;
        continue;
      }
      for (const key of [kind, `${kind}@${level}`, `all`]) (times[key] ??= []).push(ms);
    }
    const summary = Object.fromEntries(Object.entries(times).sort().map(([k, v]) => {
      v.sort((a, b) => a - b);
      return [k, { n: v.length, p50Ms: percentile(v, 50), p95Ms: percentile(v, 95), p99Ms: percentile(v, 99), maxMs: percentile(v, 100) }];
    }));
    const size = (await client.query<{ cases: string; stats: string; db: string }>(`select (select count(*) from cases)::text as cases, (select count(*) from case_stats)::text as stats,
      pg_size_pretty(pg_database_size(current_database())) as db`)).rows[0]!;
    return { city, rows: { cases: Number(size.cases), rollupRows: Number(size.stats) }, databaseSize: size.db, requests: options.requests, failures, latency: summary };
  } finally {
    await client.end();
    await app.close();
    await database.close();
  }
}
