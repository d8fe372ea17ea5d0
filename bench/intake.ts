/**
 * Report intake over HTTP against PostgreSQL: `gongzhi start` in its own process, autocannon in this
 * one, for BENCH_SECONDS (60) of sustained load; then the same load on a bare one-insert route of the
 * same stack, for the ratio. Every acknowledged report is counted back in the database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openDatabase } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrate.js';
import { hashPassword } from '../server/src/modules/accounts/index.js';
import { piiKeysFrom, resolvePiiSecret } from '../server/src/platform/pii.js';
import { seedDemo } from '../server/src/seed/demo.js';

const root = path.resolve(import.meta.dirname, '..');
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);

function spawnAndWait(args: string[], env: Record<string, string>, ready: string): Promise<ChildProcess> {
  // the flag `npm start` and bin/gongzhi.mjs run the server with, for both servers alike
  const child = spawn(process.execPath, ['--max-semi-space-size=32', ...args], { env: { ...process.env, ...env }, stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = async () => {
      if (await fetch(ready).then((r) => r.status < 500, () => false)) return resolve(child);
      if (Date.now() - started > 120_000) return reject(new Error(`not ready: ${ready}`));
      setTimeout(poll, 200);
    };
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    void poll();
  });
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

function load(url: string, headers: Record<string, string>, body: () => string) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'POST',
        connections,
        duration: seconds,
        headers: { 'content-type': 'application/json', ...headers },
        requests: [{ setupRequest: (req) => ({ ...req, body: body(), headers: { ...req.headers, 'idempotency-key': crypto.randomUUID() } }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

const figures = (r: autocannon.Result) => ({
  requests: r.requests.total,
  ok2xx: r['2xx'],
  non2xx: r.non2xx,
  errors: r.errors,
  timeouts: r.timeouts,
  perSecond: Math.round(r['2xx'] / seconds),
  p50Ms: r.latency.p50,
  p90Ms: r.latency.p90,
  p99Ms: r.latency.p99,
  maxMs: r.latency.max,
});

export async function intakeBench(databaseUrl: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-bench-intake-'));
  const database = await openDatabase({ url: databaseUrl, dataDir });
  await migrate(database);
  await seedDemo(database.db, dataDir, piiKeysFrom(resolvePiiSecret(process.env.GONGZHI_PII_KEY, dataDir).secret));
  const password = `bench-${crypto.randomBytes(6).toString('hex')}`;
  await database.db.insertInto('users').values({ username: 'bench-citizen', display_name: '压测居民', role: 'citizen', scope_code: '370303000000', password_hash: await hashPassword(password) }).execute();
  // points spread over the district's grids, and the reportable types
  const { rows: points } = await sql<{ lng: number; lat: number }>`
    select st_x(p) as lng, st_y(p) as lat from (select st_pointonsurface(geom) as p from grids where retired_at is null order by random() limit 3000) s`.execute(database.db);
  const categories = (await database.db.selectFrom('case_categories').select('code').where('parent_code', 'is not', null).execute()).map((c) => c.code);
  const before = await database.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await database.close();

  const port = 19000 + Math.floor(Math.random() * 500);
  const env = { DATABASE_URL: databaseUrl, GONGZHI_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', GONGZHI_DEADLINE_SCAN_SECONDS: '0', GONGZHI_AUTO_DISPATCH_SECONDS: '0', GONGZHI_STATS_SECONDS: '0' };
  const server = await spawnAndWait([path.join(root, 'bin/gongzhi.mjs'), 'start'], env, `http://127.0.0.1:${port}/api/v1/health`);
  let intake: ReturnType<typeof figures>;
  let counted: number;
  try {
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-citizen', password }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    let i = 0;
    const body = () => {
      const pt = points[i++ % points.length]!;
      return JSON.stringify({ categoryCode: categories[i % categories.length], description: `压测上报第${i}件：路口垃圾堆放，影响通行`, lng: Number(pt.lng), lat: Number(pt.lat) });
    };
    intake = figures(await load(`http://127.0.0.1:${port}/api/v1/cases`, { cookie, 'x-csrf-token': csrfToken }, body));
  } finally {
    await stop(server);
  }
  const check = await openDatabase({ url: databaseUrl, dataDir });
  const after = await check.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  counted = Number(after.n) - Number(before.n);
  await check.close();

  const barePort = port + 600;
  const bare = await spawnAndWait(['--import', 'tsx', path.join(import.meta.dirname, 'bare-server.ts')], { DATABASE_URL: databaseUrl, PORT: String(barePort) }, `http://127.0.0.1:${barePort}/bare`);
  let bareFigures: ReturnType<typeof figures>;
  try {
    let j = 0;
    bareFigures = figures(await load(`http://127.0.0.1:${barePort}/bare`, {}, () => JSON.stringify({ description: `对照第${j++}条：一次插入`, lng: 118.05, lat: 36.8 })));
  } finally {
    await stop(bare);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    seconds,
    connections,
    intake: { ...intake, casesWritten: counted },
    bareInsert: bareFigures,
    ratio: Math.round((intake.perSecond / Math.max(1, bareFigures.perSecond)) * 100) / 100,
  };
}
