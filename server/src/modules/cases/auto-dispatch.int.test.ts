import { beforeAll, describe, expect, it } from 'vitest';
import { county, loginAs, type Client } from '../../test/harness.js';
import { useTestApp } from '../../test/harness.js';
import { currentClassifier } from '../classify/index.js';
import { autoDispatchScan } from './auto-dispatch-job.js';
import { act, pointIn, report, unitId } from './test-helpers.js';

const ctx = useTestApp();
const grid = '370303001001001';
// read as 城乡建设 (住建) with high confidence by the model trained on the repository's messages
const housing = '小区房屋外墙开裂，楼顶漏水，开发商一直拖着不维修，房产证也办不下来。';
let here: { lng: number; lat: number };
let worker: Client;
let admin: Client;

beforeAll(async () => {
  await currentClassifier(ctx.database.db); // trains the model once (~20 s)
  here = await pointIn(ctx, grid);
  worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: grid });
  admin = await loginAs(ctx, { role: 'data_admin', scopeCode: county });
}, 120_000);

async function reported(categoryCode: string, description = housing) {
  const res = await report(worker, { categoryCode, description, ...here });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const caseRow = (id: string) => ctx.database.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('automatic dispatch (人机协同)', () => {
  it('reads every new report and keeps the reading on the case, but dispatches nothing while no threshold is set', async () => {
    const id = await reported('C0101');
    const first = await autoDispatchScan(ctx.database.db);
    expect(first.read).toBeGreaterThanOrEqual(1);
    expect(first.dispatched).toBe(0);
    const c = await caseRow(id);
    expect(c).toMatchObject({ state: 'reported', suggested_label: '城乡建设', suggested_unit_id: await unitId(ctx, '370303-ZJ') });
    expect(c.suggested_confidence).toBeGreaterThan(0.5);
    expect(c.classified_at).not.toBeNull();
    // the dispatcher's case page shows the kept reading
    const dispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
    const seen = (await dispatcher.get(`/api/v1/cases/${id}`)).json().textSuggestion;
    expect(seen).toMatchObject({ label: '城乡建设', unit: { id: c.suggested_unit_id } });
    expect(seen.confidence).toBeCloseTo(c.suggested_confidence!, 4);
    // and the inbox carries it beside the report
    const inbox = (await dispatcher.get('/api/v1/cases?inbox=dispatch&pageSize=100')).json().items;
    expect(inbox.find((i: { id: string }) => i.id === id).reading).toEqual({ label: '城乡建设', confidence: seen.confidence, unitName: '张店区住房和城乡建设局' });
    // a second scan has nothing left to read
    expect(await autoDispatchScan(ctx.database.db)).toEqual({ read: 0, dispatched: 0 });
  });

  it('above the threshold, registers and dispatches to the label’s department, as 系统, with the reason on the timeline', async () => {
    expect((await admin.send('PUT', '/api/v1/classify/settings', { autoDispatchThreshold: 0.5 })).statusCode).toBe(200);
    const id = await reported('C0101');
    const result = await autoDispatchScan(ctx.database.db);
    expect(result).toEqual({ read: 1, dispatched: 1 });
    const c = await caseRow(id);
    expect(c.state).toBe('dispatched');
    expect(c.lead_unit_id).toBe(await unitId(ctx, '370303-ZJ'));
    const detail = (await admin.get(`/api/v1/cases/${id}`)).json();
    const steps = detail.timeline.filter((t: { action: string }) => t.action === 'register' || t.action === 'dispatch');
    expect(steps.map((t: { action: string }) => t.action)).toEqual(['register', 'dispatch']);
    for (const step of steps) {
      expect(step.actorName).toBe('系统');
      expect(step.note).toMatch(/^自动分拨：“城乡建设”置信度 0\.\d\d ≥ 阈值 0\.50$/);
    }
  });

  it('below the threshold, or when the case’s level does not let the department take it, the report waits for a person', async () => {
    expect((await admin.send('PUT', '/api/v1/classify/settings', { autoDispatchThreshold: 1 })).statusCode).toBe(200);
    const unsure = await reported('C0101');
    await autoDispatchScan(ctx.database.db);
    expect((await caseRow(unsure)).state).toBe('reported');

    expect((await admin.send('PUT', '/api/v1/classify/settings', { autoDispatchThreshold: 0.5 })).statusCode).toBe(200);
    // 物业纠纷 is handled at community level: a county department may not be sent it
    const local = await reported('S0103');
    await autoDispatchScan(ctx.database.db);
    const c = await caseRow(local);
    expect(c.state).toBe('reported');
    expect(c.suggested_label).toBe('城乡建设');
  });

  it('a dispatcher who acted first wins: the system leaves a case that has moved on', async () => {
    const id = await reported('C0101');
    const dispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
    expect((await act(dispatcher, id, { action: 'reject', reason: '重复上报' })).statusCode).toBe(200);
    expect(await autoDispatchScan(ctx.database.db)).toEqual({ read: 0, dispatched: 0 });
    expect((await caseRow(id)).state).toBe('rejected');
  });
});
