import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chezhan, county, gongyuan, loginAs, problemCode, useTestApp, type Client } from '../../test/harness.js';
import { act, pointIn, report, unitId } from '../cases/test-helpers.js';
import { countAllChangedCases } from './rollup.js';

const ctx = useTestApp();
const grid = '370303001001001'; // in 车站街道
let leader: Client;
let worker: Client;
let base = '';

beforeAll(async () => {
  leader = await loginAs(ctx, { role: 'leader', scopeCode: county });
  worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: grid });
  // the feed streams, so it is read over a real socket rather than through inject
  base = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => ctx.app.server.close());

const shanghaiDay = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const reportHere = async (description: string) => {
  const here = await pointIn(ctx, grid);
  return (await report(worker, { categoryCode: 'E0101', description, ...here })).json() as { id: string; number: string };
};

describe('GET /api/v1/stats/live', () => {
  it('401, 403 for a handler, 404 outside the jurisdiction, 400 for a malformed region', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/stats/live' })).statusCode).toBe(401);
    const handler = await loginAs(ctx, { role: 'handler', scopeCode: county, unitId: await unitId(ctx, '370303-ZF') });
    expect((await handler.get('/api/v1/stats/live')).statusCode).toBe(403);
    const street = await loginAs(ctx, { role: 'leader', scopeCode: chezhan });
    expect(problemCode(await street.get(`/api/v1/stats/live?region=${gongyuan}`))).toBe('region.not_found');
    expect((await leader.get('/api/v1/stats/live?region=3703')).statusCode).toBe(400);
  });

  it('counts reported today, open and overdue now, and closed today as the cases stand', async () => {
    const dispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
    const zf = await unitId(ctx, '370303-ZF');
    const handler = await loginAs(ctx, { role: 'handler', scopeCode: county, unitId: zf });
    const verifier = await loginAs(ctx, { role: 'verifier', scopeCode: county });
    const { id } = await reportHere('测试：新华社区门口垃圾堆放无人清理');
    for (const [client, body] of [[dispatcher, { action: 'register' }], [dispatcher, { action: 'dispatch', leadUnitId: zf }], [handler, { action: 'sign' }], [handler, { action: 'feedback', note: '已清运' }], [verifier, { action: 'close' }]] as const) {
      expect((await act(client, id, body)).statusCode).toBe(200);
    }
    await countAllChangedCases(ctx.database.db);
    const live = (await leader.get('/api/v1/stats/live')).json();
    const { rows } = await sql<{ today: number; open: number; overdue: number; closed: number }>`
      select count(*) filter (where (reported_at at time zone 'Asia/Shanghai')::date = ${shanghaiDay()}::date)::int as today,
        count(*) filter (where state in ('reported', 'registered', 'dispatched', 'handling', 'suspended', 'feedback'))::int as open,
        count(*) filter (where state in ('reported', 'registered', 'dispatched', 'handling', 'suspended', 'feedback') and overdue_at is not null)::int as overdue,
        count(*) filter (where state = 'closed' and (closed_at at time zone 'Asia/Shanghai')::date = ${shanghaiDay()}::date)::int as closed
      from cases where county_code = '370303'`.execute(ctx.database.db);
    expect(live).toMatchObject({ region: county, newToday: rows[0]!.today, openNow: rows[0]!.open, overdueNow: rows[0]!.overdue, closedToday: rows[0]!.closed });
    expect(live.closedToday).toBeGreaterThanOrEqual(1);
  });
});

/** Reads `case` events from the feed until `until` holds or the stream is aborted. */
async function readFeed(client: Client, until: (events: { number: string; kind: string }[]) => boolean, signal: AbortSignal) {
  const res = await fetch(`${base}/api/v1/events/cases`, { headers: { cookie: `gz_session=${client.cookie}` }, signal });
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const events: { number: string; kind: string }[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let at = buffer.indexOf('\n\n'); at >= 0; at = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, at);
      buffer = buffer.slice(at + 2);
      const data = block.split('\n').find((l) => l.startsWith('data: '));
      if (block.includes('event: case') && data) events.push(JSON.parse(data.slice(6)));
    }
    if (until(events)) break;
  }
  return events;
}

describe('GET /api/v1/events/cases (Server-Sent Events)', () => {
  it('401 without a session and 403 for a role without the figures', async () => {
    expect((await fetch(`${base}/api/v1/events/cases`)).status).toBe(401);
    const citizen = await loginAs(ctx, { role: 'citizen', scopeCode: county });
    expect((await fetch(`${base}/api/v1/events/cases`, { headers: { cookie: `gz_session=${citizen.cookie}` } })).status).toBe(403);
  });

  it('delivers a new report to the county and its street at once, and never to another street', async () => {
    const streetLeader = await loginAs(ctx, { role: 'leader', scopeCode: chezhan });
    const otherStreet = await loginAs(ctx, { role: 'leader', scopeCode: gongyuan });
    const stop = new AbortController();
    const timeout = setTimeout(() => stop.abort(), 15_000);
    let number = '';
    const has = (events: { number: string }[]) => number !== '' && events.some((e) => e.number === number);
    const county$ = readFeed(leader, has, stop.signal);
    const street$ = readFeed(streetLeader, has, stop.signal);
    const other$ = readFeed(otherStreet, () => false, stop.signal).catch(() => [] as { number: string; kind: string }[]);
    await new Promise((r) => setTimeout(r, 800)); // the poller notes where the outbox stands first
    number = (await reportHere('测试实时动态：车站街道路灯不亮')).number;
    const [countyEvents, streetEvents] = await Promise.all([county$, street$]);
    expect(countyEvents.find((e) => e.number === number)).toMatchObject({ kind: 'reported', number });
    expect(streetEvents.some((e) => e.number === number)).toBe(true);
    // the same poll handed it to every listener: give the other street's stream time to read what it got
    await new Promise((r) => setTimeout(r, 500));
    stop.abort();
    clearTimeout(timeout);
    expect((await other$).some((e) => e.number === number)).toBe(false);
  }, 30_000);
});
