/**
 * Benchmarks: `npm run bench` prints figures and writes bench/results/<date>.json. Not tests.
 * - start-up: cold (open + migrate + seed 张店区) and warm (open + migrate check) on PGlite and PostgreSQL,
 *   in-process by phase, and as a whole: `gongzhi start` until /api/v1/health answers
 * - locate: p50/p95 of GET /api/v1/grids/locate on random points, through the real HTTP app
 * - intake: sustained POST /api/v1/cases on PostgreSQL for 60 s, and a bare one-insert route for the ratio
 * - basedata: import of a generated 1.63M-row, 143-field resident file, then people search at that size
 * - classify: train the case classifier on the labelled messages, held-out and raw-like macro-F1, classifications/s
 * - duplicates: precision and recall of likely-duplicate flagging against the demo generator's merged second reports
 * - dashboard: a city (重庆, 30 M people, 10 M cases by default; BENCH_CITY_PEOPLE / BENCH_CITY_CASES) in a kept database
 *   (BENCH_CITY_DB, default gz_bench_city), then every dashboard and indicator query with drill-down, p50/p95/p99
 * `npm run bench -- intake` (or startup, locate) runs one part; no argument runs them all.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { openDatabase, type Database } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrate.js';
import { createLogger } from '../server/src/platform/logger.js';
import { piiKeysFrom, resolvePiiSecret } from '../server/src/platform/pii.js';
import { seedDemo } from '../server/src/seed/demo.js';
import { basedataBench } from './basedata.js';
import { classifyBench } from './classify.js';
import { dashboardBench } from './dashboard.js';
import { duplicatesBench } from './duplicates.js';
import { intakeBench } from './intake.js';

const pgAdminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const parts = new Set(process.argv.slice(2));
const wants = (part: string) => parts.size === 0 || parts.has(part);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const result = await fn();
  return [result, Math.round(performance.now() - t)];
}

async function startup(url: string | undefined, dataDir: string) {
  const [db, openMs] = await timed(() => openDatabase({ url, dataDir }));
  const [, migrateMs] = await timed(() => migrate(db));
  const [seeded, seedMs] = await timed(() => seedDemo(db.db, dataDir, piiKeysFrom(resolvePiiSecret(process.env.GONGZHI_PII_KEY, dataDir).secret)));
  return { db, openMs, migrateMs, seedMs, seeded: Boolean(seeded), totalMs: openMs + migrateMs + seedMs };
}

async function adminQuery(text: string) {
  const c = new pg.Client({ connectionString: pgAdminUrl });
  await c.connect();
  await c.query(text);
  await c.end();
}

/** Runs a part on a database of its own on the local PostgreSQL, dropped afterwards; a part that cannot run says why. */
async function onScratchDatabase(run: (url: string) => Promise<unknown>): Promise<unknown> {
  const name = `gz_bench_${crypto.randomBytes(4).toString('hex')}`;
  try {
    await adminQuery(`create database ${name}`);
    const u = new URL(pgAdminUrl);
    u.pathname = `/${name}`;
    return await run(u.toString());
  } catch (error) {
    return { skipped: String(error) };
  } finally {
    await adminQuery(`drop database if exists ${name}`).catch(() => {});
  }
}

/** Milliseconds from spawning `gongzhi start` to the first 200 from /api/v1/health. */
async function processStartup(env: Record<string, string>): Promise<number> {
  const port = 18000 + Math.floor(Math.random() * 1000);
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(import.meta.dirname, '../bin/gongzhi.mjs'), 'start'], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (await fetch(`http://127.0.0.1:${port}/api/v1/health`).then((r) => r.ok, () => false)) return Math.round(performance.now() - started);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

function percentile(sorted: number[], p: number) {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
}

async function locateBench(database: Database, dataDir: string, n = 2000) {
  const app = await buildApp({ config: loadConfig({ GONGZHI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), database, logger: createLogger('silent'), serveWeb: false });
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const lng = 117.95 + Math.random() * 0.25;
    const lat = 36.7 + Math.random() * 0.2;
    const t = performance.now();
    const res = await app.inject({ method: 'GET', url: `/api/v1/grids/locate?lng=${lng}&lat=${lat}` });
    times.push(performance.now() - t);
    if (res.statusCode === 200) hits++;
  }
  await app.close();
  times.sort((a, b) => a - b);
  return { requests: n, inside: hits, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), p99Ms: percentile(times, 99) };
}

const results: Record<string, unknown> = { at: new Date().toISOString(), machine: { cpus: os.cpus().length, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version } };

// Whole process: first start (migrate + seed) and second start, on both databases
if (wants('startup')) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-bench-proc-'));
  const lite = { GONGZHI_DATA_DIR: dir };
  results.processStartup = { pglite: { firstMs: await processStartup(lite), againMs: await processStartup(lite) } };
  fs.rmSync(dir, { recursive: true, force: true });
  try {
    const name = `gz_bench_${crypto.randomBytes(4).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    const u = new URL(pgAdminUrl);
    u.pathname = `/${name}`;
    const pgEnv = { GONGZHI_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'gz-bench-proc-')), DATABASE_URL: u.toString() };
    (results.processStartup as Record<string, unknown>).postgres = { firstMs: await processStartup(pgEnv), againMs: await processStartup(pgEnv) };
    await adminQuery(`drop database ${name}`);
  } catch (error) {
    (results.processStartup as Record<string, unknown>).postgres = { skipped: String(error) };
  }
}

// PGlite
if (wants('startup') || wants('locate')) {
const liteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-bench-'));
const cold = await startup(undefined, liteDir);
await cold.db.close();
const warm = await startup(undefined, liteDir);
results.pglite = { cold: { ...cold, db: undefined }, warm: { ...warm, db: undefined }, locate: await locateBench(warm.db, liteDir, 500) };
await warm.db.close();
fs.rmSync(liteDir, { recursive: true, force: true });

// PostgreSQL
results.postgres = await onScratchDatabase(async (url) => {
  const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-bench-pg-'));
  const pgCold = await startup(url, pgDir);
  await pgCold.db.close();
  const pgWarm = await startup(url, pgDir);
  const figures = { cold: { ...pgCold, db: undefined }, warm: { ...pgWarm, db: undefined }, locate: await locateBench(pgWarm.db, pgDir) };
  await pgWarm.db.close();
  return figures;
});
}

if (wants('intake')) results.intake = await onScratchDatabase(intakeBench);

if (wants('basedata')) results.basedata = await onScratchDatabase(basedataBench);

if (wants('classify')) results.classify = await classifyBench();

if (wants('duplicates')) results.duplicates = await onScratchDatabase(duplicatesBench);

// only when asked for by name: generating the city takes most of an hour
if (parts.has('dashboard')) {
  const name = process.env.BENCH_CITY_DB ?? 'gz_bench_city';
  await adminQuery(`create database ${name}`).catch(() => undefined); // kept between runs
  const u = new URL(pgAdminUrl);
  u.pathname = `/${name}`;
  results.dashboard = await dashboardBench(u.toString(), {
    people: Number(process.env.BENCH_CITY_PEOPLE ?? 30_000_000),
    cases: Number(process.env.BENCH_CITY_CASES ?? 10_000_000),
    requests: Number(process.env.BENCH_DASHBOARD_REQUESTS ?? 2000),
  });
}

console.log(JSON.stringify(results, null, 2));
fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(import.meta.dirname, 'results', `${new Date().toISOString().slice(0, 19).replaceAll(':', '')}${parts.size ? `-${[...parts].join('-')}` : ''}.json`), JSON.stringify(results, null, 2));
