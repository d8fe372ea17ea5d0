import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { chezhan, county, gongyuan, loginAs, problemCode, useTestApp, type Client } from '../../test/harness.js';
import { act, pointIn, report, unitId } from '../cases/test-helpers.js';
import { countAllChangedCases } from './rollup.js';

const ctx = useTestApp();
const grid = '370303001001001';
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const monthAgo = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - 30 * 86_400_000));
let leader: Client;
let worker: Client;
let dispatcher: Client;
let handler: Client;
let verifier: Client;
let zf: string;

beforeAll(async () => {
  zf = await unitId(ctx, '370303-ZF');
  leader = await loginAs(ctx, { role: 'leader', scopeCode: county });
  worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: grid });
  dispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
  handler = await loginAs(ctx, { role: 'handler', scopeCode: county, unitId: zf });
  verifier = await loginAs(ctx, { role: 'verifier', scopeCode: county });
  await countAllChangedCases(ctx.database.db);
});

const figures = (client: Client, query: string) => client.get(`/api/v1/stats/figures?${query}`);

describe('GET /api/v1/stats/figures', () => {
  it('401 without a session, 403 for roles without the figures, 400 for a bad period, 404 outside the jurisdiction', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/stats/figures?from=${today}&to=${today}` })).statusCode).toBe(401);
    const handlerRes = await figures(handler, `from=${today}&to=${today}`);
    expect(handlerRes.statusCode).toBe(403);
    expect(problemCode(await figures(leader, `from=${today}&to=${monthAgo}`))).toBe('stats.period');
    const bad = await figures(leader, 'from=2026-1-1&to=2026-02-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'from', code: 'stats.day' });
    expect((await figures(leader, `from=${today}&to=${today}&by=colour`)).statusCode).toBe(400);
    // grid workers are ranked within a street, not across a district
    expect(problemCode(await figures(leader, `from=${monthAgo}&to=${today}&by=reporter`))).toBe('stats.reporter_scope');
    const street = await loginAs(ctx, { role: 'leader', scopeCode: chezhan });
    expect(problemCode(await figures(street, `region=${gongyuan}&from=${monthAgo}&to=${today}`))).toBe('region.not_found');
  });

  it('the county’s figures are the cases reported in the period, counted from the rollups, equal to a count of the cases', async () => {
    const res = await figures(leader, `from=${monthAgo}&to=${today}&by=region`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const { rows } = await sql<{ reported: number; closed: number; satisfied: number; rated: number }>`
      select count(*)::int as reported, count(*) filter (where state = 'closed')::int as closed,
        count(*) filter (where rating in ('satisfied', 'basically_satisfied'))::int as satisfied, count(*) filter (where rating is not null or reopened_count > 0)::int as rated
      from cases where county_code = '370303'
        and (reported_at at time zone 'Asia/Shanghai')::date between ${monthAgo}::date and ${today}::date`.execute(ctx.database.db);
    const expected = rows[0]!;
    expect(expected.reported).toBeGreaterThan(50);
    expect(body.totals).toMatchObject({ reported: expected.reported, closed: expected.closed, rated: expected.rated });
    expect(body.indicators.satisfaction_rate).toBeCloseTo(expected.satisfied / expected.rated, 4);
    // by street: every street of the county, adding up to the county
    expect(body.rows.every((r: { key: string }) => r.key.startsWith('370303') && r.key.endsWith('000'))).toBe(true);
    expect(body.rows.find((r: { key: string }) => r.key === chezhan).name).toBe('车站街道');
    expect(body.rows.reduce((n: number, r: { metrics: { reported: number } }) => n + r.metrics.reported, 0)).toBe(expected.reported);
    expect(body.previousPeriod.to < monthAgo).toBe(true);
    // the trend: one row per day with cases, in order, adding up to the period
    const trend = (await figures(leader, `from=${monthAgo}&to=${today}&by=day`)).json();
    const days = trend.rows.map((r: { key: string }) => r.key);
    expect(days).toEqual([...days].sort());
    expect(days[0] >= monthAgo && days.at(-1) <= today).toBe(true);
    expect(trend.rows.reduce((n: number, r: { metrics: { reported: number } }) => n + r.metrics.reported, 0)).toBe(expected.reported);
  });

  it('a street’s reader gets the street by default and never another street’s cases; breakdowns add up', async () => {
    const street = await loginAs(ctx, { role: 'dispatcher', scopeCode: chezhan });
    const body = (await figures(street, `from=${monthAgo}&to=${today}&by=category`)).json();
    expect(body.region).toBe(chezhan);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from cases where street_code = ${chezhan}
      and (reported_at at time zone 'Asia/Shanghai')::date between ${monthAgo}::date and ${today}::date`.execute(ctx.database.db);
    expect(body.totals.reported).toBe(rows[0]!.n);
    expect(body.rows.reduce((n: number, r: { metrics: { reported: number } }) => n + r.metrics.reported, 0)).toBe(rows[0]!.n);
    // grid workers of the street, ranked: their reports add up to the street's grid-worker reports
    const workers = (await figures(street, `from=${monthAgo}&to=${today}&by=reporter`)).json();
    const byWorkers = (await figures(street, `from=${monthAgo}&to=${today}&by=source`)).json().rows.find((r: { key: string }) => r.key === 'grid_worker');
    expect(workers.rows.filter((r: { key: string; name: string | null }) => r.key !== '').every((r: { name: string | null }) => r.name)).toBe(true);
    expect(workers.rows.filter((r: { key: string }) => r.key !== '').reduce((n: number, r: { metrics: { reported: number } }) => n + r.metrics.reported, 0)).toBe(byWorkers.metrics.reported);
    // a click from a figure opens the cases behind it: the same count in the case list
    const worker = workers.rows.find((r: { key: string }) => r.key !== '');
    const listed = (await street.get(`/api/v1/cases?reporter=${worker.key}&from=${monthAgo}&to=${today}&pageSize=1`)).json();
    expect(listed.total).toBe(worker.metrics.reported);
    const community = body.rows.length ? (await figures(street, `from=${monthAgo}&to=${today}&by=region`)).json().rows[0] : null;
    const inCommunity = (await street.get(`/api/v1/cases?region=${community.key}&from=${monthAgo}&to=${today}&pageSize=1`)).json();
    expect(inCommunity.total).toBe(community.metrics.reported);
    // a community's breakdown by grid is counted from its cases
    const grids = (await figures(street, `region=370303001001&from=${monthAgo}&to=${today}&by=region`)).json();
    expect(grids.rows.every((r: { key: string }) => r.key === '' || r.key.startsWith('370303001001'))).toBe(true);
    expect(grids.rows.reduce((n: number, r: { metrics: { reported: number } }) => n + r.metrics.reported, 0)).toBe(grids.totals.reported);
  });

  it('indicators match a hand count of closed, reworked, reopened, extended, suspended, rejected and returned cases', async () => {
    // a grid nobody reported in today holds exactly the cases made here
    const { rows } = await sql<{ code: string }>`select g.code from grids g where g.code like '370303%'
      and not exists (select 1 from cases c where c.grid_code = g.code and c.reported_at > now() - interval '2 days') order by g.code limit 1`.execute(ctx.database.db);
    const fresh = rows[0]!.code;
    const reporter = await loginAs(ctx, { role: 'grid_worker', scopeCode: fresh });
    const here = await pointIn(ctx, fresh);
    const beforeCounty = (await figures(leader, `from=${today}&to=${today}`)).json();
    const reportOne = async () => (await report(reporter, { categoryCode: 'E0101', description: '网格内垃圾堆放两天无人清理', ...here })).json().id as string;
    const actorOf = (action: string) =>
      action === 'rate' ? reporter : ['sign', 'feedback', 'return', 'request_extension', 'request_suspension'].includes(action) ? handler : ['close', 'rework'].includes(action) ? verifier : dispatcher;
    const run = async (id: string, steps: Record<string, unknown>[]) => {
      for (const body of steps) expect((await act(actorOf(String(body.action)), id, body)).statusCode, String(body.action)).toBe(200);
    };
    const decide = async (id: string) => run(id, [{ action: 'decide_request', requestId: (await dispatcher.get(`/api/v1/cases/${id}`)).json().requests[0].id, approve: true }]);
    const toHandling = [{ action: 'register' }, { action: 'dispatch', leadUnitId: zf }, { action: 'sign' }];
    await run(await reportOne(), [...toHandling, { action: 'feedback', note: '已清运' }, { action: 'close' }, { action: 'rate', rating: 'satisfied' }]);
    await run(await reportOne(), [...toHandling, { action: 'feedback', note: '已清运' }, { action: 'rework', reason: '仍有残留' }, { action: 'feedback', note: '已清运干净' }, { action: 'close' }, { action: 'rate', rating: 'dissatisfied', note: '又堆上了' }]);
    const extended = await reportOne();
    await run(extended, [...toHandling, { action: 'request_extension', workingDays: 2, reason: '需调度车辆' }]);
    await decide(extended);
    const suspended = await reportOne();
    await run(suspended, [...toHandling, { action: 'request_suspension', reason: '等待业主配合' }]);
    await decide(suspended);
    await run(await reportOne(), [{ action: 'reject', reason: '重复上报' }]);
    await run(await reportOne(), [{ action: 'register' }, { action: 'dispatch', leadUnitId: zf }, { action: 'return', reason: '不属于本单位职责' }]);

    // counted by hand: the reopened case's 不满意 stands until it is rated again
    const hand = {
      reported: 6, registered: 5, rejected: 1, dispatched: 5, returned: 1, handled: 1, handled_on_time: 1, closed: 1, closed_on_time: 1, due: 1,
      suspended_due: 0, reworked: 1, extended: 1, reopened: 1, open: 4, rated: 2, satisfied: 1, dissatisfied: 1, basically_satisfied: 0,
    };
    const grid = (await figures(leader, `region=${fresh}&from=${today}&to=${today}`)).json();
    expect(Object.fromEntries(Object.keys(hand).map((k) => [k, grid.totals[k]]))).toEqual(hand);
    expect(grid.indicators).toMatchObject({
      reports: 6, registration_rate: 0.8333, dispatch_accuracy: 0.8, closure_rate: 0.2, on_time_handling_rate: 1, on_time_closure_rate: 1,
      rework_rate: 1, extension_rate: 0.2, satisfaction_rate: 0.5, overdue_rate: 0,
    });
    // the county counts the same six from its rollups once the job has counted them
    await countAllChangedCases(ctx.database.db);
    const afterCounty = (await figures(leader, `from=${today}&to=${today}`)).json();
    expect(Object.fromEntries(Object.keys(hand).map((k) => [k, afterCounty.totals[k] - beforeCounty.totals[k]]))).toEqual(hand);
  });
});

describe('indicator formulas are data', () => {
  it('a data administrator changes a formula; a bad one is refused with the place it fails; others may not', async () => {
    const admin = await loginAs(ctx, { role: 'data_admin', scopeCode: county });
    expect((await leader.send('PUT', '/api/v1/stats/indicators/closure_rate', { formula: 'closed / reported' })).statusCode).toBe(403);
    const unknown = await admin.send('PUT', '/api/v1/stats/indicators/closure_rate', { formula: 'closed / reportd' });
    expect(problemCode(unknown)).toBe('stats.formula_metric');
    expect(unknown.json().detail).toContain('reportd');
    expect(problemCode(await admin.send('PUT', '/api/v1/stats/indicators/closure_rate', { formula: 'closed / (reported' }))).toBe('stats.formula_syntax');
    expect(problemCode(await admin.send('PUT', '/api/v1/stats/indicators/nothing', { formula: 'closed' }))).toBe('stats.indicator_not_found');
    const ok = await admin.send('PUT', '/api/v1/stats/indicators/closure_rate', { formula: 'closed / reported' });
    expect(ok.json()).toMatchObject({ code: 'closure_rate', formula: 'closed / reported' });
    const body = (await figures(leader, `from=${monthAgo}&to=${today}`)).json();
    expect(body.indicators.closure_rate).toBeCloseTo(body.totals.closed / body.totals.reported, 4);
    expect((await leader.get('/api/v1/stats/indicators')).json().items.find((d: { code: string }) => d.code === 'closure_rate').updatedBy).not.toBeNull();
  });
});
