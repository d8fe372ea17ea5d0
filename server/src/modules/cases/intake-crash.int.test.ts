import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { hashPassword } from '../accounts/index.js';
import { copyTemplate } from '../../test/harness.js';

/**
 * A burst of reports, the server killed with SIGKILL in the middle of it, a restart: every report
 * that was acknowledged is there, and a phone retrying what was cut off gets exactly one case.
 */
const root = path.resolve(import.meta.dirname, '../../../..');
let copy: Awaited<ReturnType<typeof copyTemplate>>;
let server: ChildProcess | null = null;
/** Settles when the current server process has exited (listened for from the start: a kill may come first). */
let exited: Promise<unknown> = Promise.resolve();
let port = 0;
const password = `crash-${crypto.randomBytes(6).toString('hex')}`;
let point: { lng: number; lat: number };

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

async function start() {
  port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), GONGZHI_DATA_DIR: copy.dataDir, LOG_LEVEL: 'silent', GONGZHI_DEADLINE_SCAN_SECONDS: '0' };
  if (copy.url) env.DATABASE_URL = copy.url;
  else delete env.DATABASE_URL;
  server = spawn(process.execPath, [path.join(root, 'bin/gongzhi.mjs'), 'start'], { env, stdio: 'ignore' });
  const child = server;
  exited = new Promise((r) => child.once('exit', r));
  for (let i = 0; i < 600; i++) {
    if (await fetch(`http://127.0.0.1:${port}/api/v1/health`, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

async function session() {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'crash-citizen', password }) });
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

function send(s: { cookie: string; csrf: string }, key: string) {
  return fetch(`http://127.0.0.1:${port}/api/v1/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, 'idempotency-key': key },
    body: JSON.stringify({ categoryCode: 'E0101', description: `断电测试上报 ${key}`, ...point }),
  });
}

beforeAll(async () => {
  copy = await copyTemplate();
  const database = await openDatabase({ url: copy.url, dataDir: copy.dataDir });
  await database.db.insertInto('users').values({ username: 'crash-citizen', display_name: '测试居民', role: 'citizen', scope_code: '370303000000', password_hash: await hashPassword(password) }).execute();
  const { rows } = await sql<{ lng: number; lat: number }>`select st_x(p) as lng, st_y(p) as lat from (select st_pointonsurface(geom) as p from grids where code = '370303001001001') s`.execute(database.db);
  point = { lng: Number(rows[0]!.lng), lat: Number(rows[0]!.lat) };
  await database.close();
}, 180_000);

afterAll(async () => {
  server?.kill('SIGKILL');
  await copy?.drop();
});

describe('a crash in the middle of a burst of reports', () => {
  it('loses no acknowledged report, and retries after the restart make exactly one case each', { timeout: 300_000 }, async () => {
    await start();
    const s = await session();
    const acked = new Map<string, string>();
    const cutOff: string[] = [];
    let killed = false;
    let refused = '';
    const worker = async () => {
      while (!killed) {
        const key = crypto.randomUUID();
        try {
          const res = await send(s, key);
          if (res.status === 201) acked.set(key, ((await res.json()) as { id: string }).id);
          else throw new Error((refused = `${res.status} ${await res.text()}`));
        } catch {
          // before the kill every report must be accepted; after it, the cut-off ones are retried below
          if (!killed) throw new Error(`report refused before the crash: ${refused}`);
          cutOff.push(key);
        }
        if (acked.size >= 120 && !killed) {
          killed = true;
          server!.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    await exited;
    expect(acked.size).toBeGreaterThanOrEqual(120);

    await start();
    const again = await session();
    for (const [key, id] of acked) {
      const res = await send(again, key);
      expect(res.status, key).toBe(200);
      expect(((await res.json()) as { id: string }).id).toBe(id);
    }
    for (const key of cutOff) expect([200, 201]).toContain((await send(again, key)).status);
    server!.kill('SIGTERM');
    await exited;
    server = null;

    const database = await openDatabase({ url: copy.url, dataDir: copy.dataDir });
    const { rows } = await sql<{ key: string; n: number }>`
      select intake_key as key, count(*)::int as n from cases where intake_key = any(${[...acked.keys(), ...cutOff]}::text[]) group by intake_key`.execute(database.db);
    await database.close();
    expect(rows).toHaveLength(acked.size + cutOff.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });
});
