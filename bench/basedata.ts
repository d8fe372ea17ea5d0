/**
 * Base data at the scale of a real district (not a test): import a generated 1.63-million-row,
 * 143-field resident file (GBK CSV, as 公安 exports are) into PostgreSQL with the same code path as
 * `gongzhi import`, then measure people search through the real HTTP app at that size.
 *   npm run bench -- basedata            (BENCH_ROWS=1630000 by default)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrate.js';
import { hashPassword } from '../server/src/modules/accounts/index.js';
import { importFromCommandLine } from '../server/src/modules/basedata/index.js';
import { coreFields } from '../server/src/modules/basedata/field-model.js';
import { residentFields } from '../server/src/modules/basedata/synthetic/resident-fields.js';
import { seedRegions } from '../server/src/modules/regions/index.js';
import { createLogger } from '../server/src/platform/logger.js';
import { piiKeysFrom } from '../server/src/platform/pii.js';

const piiKey = Buffer.alloc(32, 9).toString('base64');

function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
  return { n: sorted.length, p50Ms: at(50), p95Ms: at(95), p99Ms: at(99), maxMs: at(100) };
}

/** The resident form's fields beyond the core ones, defined for the district as an administrator would. */
async function defineResidentFields(db: Awaited<ReturnType<typeof openDatabase>>['db']) {
  const core = new Set(coreFields.person.map((f) => f.key));
  const extra = residentFields.filter((f) => !core.has(f.key));
  await db
    .insertInto('field_definitions')
    .values(extra.map((f, i) => ({
      entity: 'person' as const, scope_code: '370303000000', key: f.key, label: f.labelZh, type: f.type,
      options: JSON.stringify((f.options ?? []).map((o) => ({ value: o.value, label: o.labelZh }))), sort: 100 + i,
    })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  return extra.length;
}

/** Sample rows of the file: names, ID numbers and phones people would search for. */
function sampleQueries(file: string, n: number) {
  const text = iconv.decode(fs.readFileSync(file).subarray(0, 4 * 1024 * 1024), 'gb18030');
  const lines = text.split('\r\n').slice(1, -1).map((l) => l.split(','));
  const step = Math.max(1, Math.floor(lines.length / n));
  const picked = lines.filter((_, i) => i % step === 0).slice(0, n);
  return {
    names: picked.map((l) => l[0]!.slice(0, 2)),
    ids: picked.map((l) => l[1]!).filter(Boolean),
    phones: picked.map((l) => l[5]!).filter(Boolean),
  };
}

export async function basedataBench(url: string, rows = Number(process.env.BENCH_ROWS ?? 1_630_000)) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-bench-bd-'));
  const database = await openDatabase({ url, dataDir });
  await migrate(database);
  await seedRegions(database.db);
  const extraFields = await defineResidentFields(database.db);
  const grids = (await database.db.selectFrom('grids').select('code').where('retired_at', 'is', null).execute()).map((g) => g.code);
  const gridFile = path.join(dataDir, 'grids.txt');
  fs.writeFileSync(gridFile, grids.join('\n'));

  const file = path.join(os.tmpdir(), `gz-residents-${rows}.csv`);
  const generateStarted = performance.now();
  if (!fs.existsSync(file)) {
    execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'generate-residents.ts'), '--rows', String(rows), '--out', `${file}.part`, '--gbk', '--grids', gridFile, '--as-of', '2026-11-01'], { stdio: 'inherit' });
    fs.renameSync(`${file}.part`, file);
  }
  const generateMs = Math.round(performance.now() - generateStarted);
  // the generator's invented address codes name no dwelling of this database: leave that column out
  const mappingFile = path.join(dataDir, 'mapping.json');
  const mapping = Object.fromEntries(residentFields.filter((f) => f.key !== 'address_code').map((f) => [f.labelZh, f.key]));
  fs.writeFileSync(mappingFile, JSON.stringify(mapping));

  const pii = piiKeysFrom(piiKey);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
  const started = performance.now();
  const totals = await importFromCommandLine(database.db, pii, { file, entity: 'person', source: 'gongan', mappingFile, dryRun: false, scope: '370303000000' }, process.stderr);
  const importMs = Math.round(performance.now() - started);
  clearInterval(sampler);

  // search through the real HTTP app, as a district data administrator and as a grid worker
  const app = await buildApp({ config: loadConfig({ GONGZHI_DATA_DIR: dataDir, DATABASE_URL: url, GONGZHI_PII_KEY: piiKey, LOG_LEVEL: 'silent' }), database, logger: createLogger('silent'), serveWeb: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const worker = grids[0]!;
  const login = async (username: string, role: string, scope: string) => {
    await database.db.insertInto('users').values({ username, display_name: username, role, scope_code: scope, password_hash: await hashPassword('bench-password') }).onConflict((oc) => oc.doNothing()).execute();
    const res = await fetch(`${address}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'bench-password' }) });
    return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  };
  const admin = await login('bench-admin', 'data_admin', '370303000000');
  const gridWorker = await login('bench-worker', 'grid_worker', worker);
  const q = sampleQueries(file, 200);
  const search = async (cookie: string, terms: string[]) => {
    const times: number[] = [];
    let found = 0;
    for (const term of terms) {
      const t = performance.now();
      const res = await fetch(`${address}/api/v1/basedata/people?q=${encodeURIComponent(term)}`, { headers: { cookie } });
      const body = (await res.json()) as { items: unknown[] };
      times.push(performance.now() - t);
      if (body.items.length > 0) found++;
    }
    return { ...percentiles(times), found };
  };
  const searchResults = {
    districtByName: await search(admin, q.names),
    districtById: await search(admin, q.ids),
    districtByPhone: await search(admin, q.phones),
    gridWorkerByName: await search(gridWorker, q.names),
  };
  await app.close();
  const count = await database.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    rows, fields: residentFields.length, extraFieldsDefined: extraFields, fileMiB: Math.round(fs.statSync(file).size / 2 ** 20), generateMs,
    import: { ms: importMs, rowsPerSecond: Math.round(totals.rowsRead / (importMs / 1000)), peakRssMiB: Math.round(peakRss / 2 ** 20), ...totals },
    peopleInDatabase: Number(count.n),
    search: searchResults,
  };
}
