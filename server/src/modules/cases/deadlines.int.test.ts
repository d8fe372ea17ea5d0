import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { county, loginAs, problemCode, useTestApp, type Client } from '../../test/harness.js';
import { scanDeadlines } from './deadline-job.js';
import { act, pointIn, report, unitId } from './test-helpers.js';

const ctx = useTestApp();
const community = '370303001001';
const grid = `${community}001`;
let worker: Client;
let here: { lng: number; lat: number };
const days = (n: number) => new Date(Date.now() + n * 86_400_000);

beforeAll(async () => {
  worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: grid });
  here = await pointIn(ctx, grid);
});

const dispute = async () => (await report(worker, { categoryCode: 'S0101', description: '楼上住户装修噪音与楼下邻居发生争执', ...here })).json();
const caseRow = (id: string) => ctx.database.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('escalation: 小事不出社区，大事不出街道', () => {
  it('a dispute starts in the community; the community office marks it beyond its power and it goes to the street', async () => {
    const c = await dispute();
    expect(c.level).toBe('community');
    const shequ = await loginAs(ctx, { role: 'dispatcher', scopeCode: community });
    const office = await unitId(ctx, `${community}-JWH`);
    const seen = (await shequ.get(`/api/v1/cases/${c.id}`)).json();
    expect(seen.suggestedUnit).toMatchObject({ id: office, rule: '属地兜底' });
    expect((await shequ.get('/api/v1/cases?inbox=dispatch&pageSize=200')).json().items.some((i: { id: string }) => i.id === c.id)).toBe(true);
    await act(shequ, c.id, { action: 'register' });
    // a district department is not the community's to dispatch to
    expect(problemCode(await act(shequ, c.id, { action: 'dispatch', leadUnitId: await unitId(ctx, '370303-SF') }))).toBe('case.unit_unknown');
    await act(shequ, c.id, { action: 'dispatch', leadUnitId: office });
    const mediator = await loginAs(ctx, { role: 'handler', scopeCode: community, unitId: office });
    await act(mediator, c.id, { action: 'sign' });
    const up = (await act(mediator, c.id, { action: 'escalate', reason: '双方分歧较大，需街道司法所介入' })).json();
    expect(up).toMatchObject({ state: 'registered', level: 'street', leadUnit: null, escalationCount: 1, stage: 'dispatch' });
    expect((await mediator.get(`/api/v1/cases/${c.id}`)).json().allowedActions).toEqual([]);
    const street = await loginAs(ctx, { role: 'dispatcher', scopeCode: '370303001000' });
    expect((await street.get('/api/v1/cases?inbox=dispatch&pageSize=200')).json().items.some((i: { id: string }) => i.id === c.id)).toBe(true);
    expect((await shequ.get('/api/v1/cases?inbox=dispatch&pageSize=200')).json().items.some((i: { id: string }) => i.id === c.id)).toBe(false);
    expect((await act(street, c.id, { action: 'escalate', reason: '涉及多个部门' })).json().level).toBe('district');
    expect(problemCode(await act(await loginAs(ctx, { role: 'dispatcher', scopeCode: county }), c.id, { action: 'escalate', reason: '再上报' }))).toBe('case.top_level');
  });
});

describe('the deadline job', () => {
  it('reminds at 80% of a stage, marks overdue at 100%, and escalates what a community let run over', async () => {
    const c = await dispute();
    const row = await caseRow(c.id);
    const warnAt = new Date(row.stage_warn_at!);
    const dueAt = new Date(row.stage_due_at!);
    await scanDeadlines(ctx.database.db, new Date(warnAt.getTime() - 1000));
    expect((await caseRow(c.id)).warned_at).toBeNull();
    await scanDeadlines(ctx.database.db, warnAt);
    expect((await caseRow(c.id)).warned_at).not.toBeNull();
    const result = await scanDeadlines(ctx.database.db, dueAt);
    expect(result.escalated).toBeGreaterThanOrEqual(1);
    const after = await caseRow(c.id);
    expect(after).toMatchObject({ level: 'street', state: 'reported', ever_overdue: true, escalation_count: 1, overdue_at: null, version: 2 });
    const timeline = (await worker.get(`/api/v1/cases/${c.id}`)).json().timeline.map((t: { action: string; actorName: string }) => `${t.action}:${t.actorName}`);
    expect(timeline).toEqual(['report:' + timeline[0].split(':')[1], 'remind:系统', 'auto_escalate:系统']);
    // a second scan at the same moment does nothing more: the new stage has its own clock
    await scanDeadlines(ctx.database.db, dueAt);
    expect((await caseRow(c.id)).escalation_count).toBe(1);
  });

  it('a district case is marked overdue and stays with its unit; the overdue filter finds it', async () => {
    const dispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
    const zf = await unitId(ctx, '370303-ZF');
    const c = (await report(worker, { categoryCode: 'E0101', description: '路口垃圾桶满溢无人清理', ...here })).json();
    await act(dispatcher, c.id, { action: 'register' });
    await act(dispatcher, c.id, { action: 'dispatch', leadUnitId: zf });
    const result = await scanDeadlines(ctx.database.db, days(30));
    expect(result.overdue).toBeGreaterThanOrEqual(1);
    const after = (await dispatcher.get(`/api/v1/cases/${c.id}`)).json();
    expect(after).toMatchObject({ state: 'dispatched', level: 'district', overdue: true, leadUnit: { id: zf } });
    expect(after.timeline.at(-1).action).toBe('overdue');
    const overdue = (await dispatcher.get('/api/v1/cases?overdue=true&pageSize=200')).json();
    expect(overdue.items.some((i: { id: string }) => i.id === c.id)).toBe(true);
    expect(overdue.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    // nothing changes on a second pass; every overdue mark wrote exactly one timeline row and one event
    await scanDeadlines(ctx.database.db, days(30));
    const marks = await sql<{ n: number }>`select count(*)::int as n from case_events where case_id = ${c.id} and action = 'overdue'`.execute(ctx.database.db);
    expect(marks.rows[0]!.n).toBe(1);
  });
});
