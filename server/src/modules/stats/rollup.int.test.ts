import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../test/harness.js';
import { scanDeadlines } from '../cases/index.js';
import { act, loopActors, report } from '../cases/test-helpers.js';
import { countAllChangedCases, rebuildStats, recountStats, storedStats } from './rollup.js';

const ctx = useTestApp();
const grid = '370303001001001';
let worker: Client;
let dispatcher: Client;
let handler: Client;
let verifier: Client;
let zf: string;
let here: { lng: number; lat: number };

beforeAll(async () => {
  ({ worker, dispatcher, handler, verifier, zf, here } = await loopActors(ctx, grid));
});

const reported = async (categoryCode = 'E0101') => (await report(worker, { categoryCode, description: '新华社区门口垃圾堆放两天无人清理', ...here })).json().id as string;
/** Takes the steps, with the job counting after each, so every change is added as a difference. */
async function steps(id: string, list: Array<[Client, Record<string, unknown>]>) {
  await countAllChangedCases(ctx.database.db);
  for (const [client, body] of list) {
    const res = await act(client, id, body);
    expect(res.statusCode, `${String(body.action)}: ${res.body}`).toBe(200);
    expect(await countAllChangedCases(ctx.database.db)).toBe(1);
  }
}

/** What the job maintained equals a recount from the cases as they are now. */
async function expectRollupsEqualRecount() {
  await countAllChangedCases(ctx.database.db);
  const [stored, recounted] = await Promise.all([storedStats(ctx.database.db), recountStats(ctx.database.db)]);
  expect(stored.length).toBeGreaterThan(0);
  expect(stored).toEqual(recounted);
}

describe('rollups maintained by the job equal a recount', () => {
  it('after the demo district’s bulk count', async () => {
    await expectRollupsEqualRecount();
  });

  it('after reports, registrations, rejections, dispatches, returns, rework, closures, ratings and a reopening', async () => {
    const closed = await reported();
    await steps(closed, [
      [dispatcher, { action: 'register' }], [dispatcher, { action: 'dispatch', leadUnitId: zf }], [handler, { action: 'sign' }],
      [handler, { action: 'feedback', note: '已清运' }], [verifier, { action: 'rework', reason: '现场仍有残留垃圾' }], [handler, { action: 'feedback', note: '已彻底清运' }],
      [verifier, { action: 'close' }], [worker, { action: 'rate', rating: 'dissatisfied', note: '又堆上了' }],
    ]);
    const rejected = await reported();
    await steps(rejected, [[dispatcher, { action: 'reject', reason: '重复上报' }]]);
    const returned = await reported();
    await steps(returned, [[dispatcher, { action: 'register' }], [dispatcher, { action: 'dispatch', leadUnitId: zf }], [handler, { action: 'return', reason: '不属于本单位职责' }]]);
    // re-categorised when registered: the case moves from one category's rows to another's
    const moved = await reported();
    await steps(moved, [[dispatcher, { action: 'register', categoryCode: 'E0102' }]]);
    await expectRollupsEqualRecount();
    const rows = await storedStats(ctx.database.db);
    const e0101 = rows.filter((r) => r.dim === 'category' && r.dim_value === 'E0101' && r.level === 'county' && r.bucket === 'y');
    expect(e0101.reduce((n, r) => n + r.reworked, 0)).toBeGreaterThanOrEqual(1);
  });

  it('after the deadline job marks cases overdue and escalates others, days later', async () => {
    await reported();
    const later = new Date(Date.now() + 30 * 86_400_000);
    const scan = await scanDeadlines(ctx.database.db, later);
    expect(scan.overdue + scan.escalated).toBeGreaterThan(0);
    await expectRollupsEqualRecount();
  });

  it('a rebuild from scratch gives what the job maintained', async () => {
    await countAllChangedCases(ctx.database.db);
    const maintained = await storedStats(ctx.database.db);
    await rebuildStats(ctx.database.db);
    expect(await storedStats(ctx.database.db)).toEqual(maintained);
  });
});
