import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { chezhan, county, gongyuan, loginAs, problemCode, useTestApp, type Client } from '../../test/harness.js';
import { pointIn, report } from './test-helpers.js';

const ctx = useTestApp();
const grid = '370303001001001';
let worker: Client;
let dispatcher: Client;
let streetDispatcher: Client;
let otherStreetDispatcher: Client;
let citizen: Client;
let here: { lng: number; lat: number };
let first: { id: string; number: string };
let sensitive: { id: string; number: string };

// distinctive words, so that none of the demo district's cases nearby reads alike
const manhole = '测试：金晶大道一百零八号门前井盖破损下陷，夜间骑车容易摔倒，请尽快处理';
const sameManhole = '金晶大道一百零八号门前的井盖破损下陷了，骑车经过很危险';
const nearby = () => ({ lng: here.lng, lat: here.lat + 0.00009 }); // about 10 m north
const similar = (client: Client, q: Record<string, string | number>) =>
  client.get(`/api/v1/cases/similar?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString()}`);

beforeAll(async () => {
  here = await pointIn(ctx, grid);
  worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: grid });
  dispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
  streetDispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: chezhan });
  otherStreetDispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: gongyuan });
  citizen = await loginAs(ctx, { role: 'citizen', scopeCode: county });
  const a = await report(worker, { categoryCode: 'C0101', description: manhole, ...here });
  expect(a.statusCode).toBe(201);
  first = a.json();
  const s = await report(worker, { categoryCode: 'S0101', description: '测试：金晶大道一百零八号三单元两户邻居因楼道堆放杂物多次争吵', ...here });
  expect(s.statusCode).toBe(201);
  sensitive = s.json();
});

describe('duplicate flagging: the dispatcher inbox', () => {
  it('flags a new report near an open case of the same category in similar words', async () => {
    const second = (await report(citizen, { categoryCode: 'C0101', description: sameManhole, ...nearby() })).json();
    const res = await dispatcher.get(`/api/v1/cases?inbox=dispatch&q=${second.number}`);
    expect(res.statusCode).toBe(200);
    const [item] = res.json().items;
    expect(item.likelyDuplicateOf).toMatchObject({ id: first.id, number: first.number });
    expect(item.likelyDuplicateOf.distanceM).toBeGreaterThan(5);
    expect(item.likelyDuplicateOf.distanceM).toBeLessThan(15);
    expect(item.likelyDuplicateOf.similarity).toBeGreaterThan(0.35);
    // the older case is not a duplicate of the newer one
    const older = (await dispatcher.get(`/api/v1/cases?inbox=dispatch&q=${first.number}`)).json().items[0];
    expect(older.likelyDuplicateOf?.number).not.toBe(second.number);
    // the dispatcher merges it with the existing action
    const detail = (await dispatcher.get(`/api/v1/cases/${second.id}`)).json();
    const merged = await dispatcher.send('POST', `/api/v1/cases/${second.id}/actions`, { action: 'merge', version: detail.version, targetNumber: first.number });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().state).toBe('merged');
  });
  it('does not flag a report of another category at the same place', async () => {
    const lamp = (await report(citizen, { categoryCode: 'C0103', description: sameManhole, ...nearby() })).json();
    const [item] = (await dispatcher.get(`/api/v1/cases?inbox=dispatch&q=${lamp.number}`)).json().items;
    expect(item.likelyDuplicateOf?.number).not.toBe(first.number);
  });
  it('does not flag a report far away', async () => {
    const far = (await report(citizen, { categoryCode: 'C0101', description: sameManhole, lng: here.lng + 0.01, lat: here.lat })).json();
    const [item] = (await dispatcher.get(`/api/v1/cases?inbox=dispatch&q=${far.number}`)).json().items;
    expect(item.likelyDuplicateOf?.number).not.toBe(first.number);
  });
});

describe('duplicate flagging across a street border (jurisdiction)', () => {
  it('a street dispatcher is not shown a candidate of another street; the district centre is', async () => {
    // two grids of different streets that (nearly) touch, and a point well inside each, less than 100 m apart
    const { rows } = await sql<{ astreet: string; bstreet: string; alng: number; alat: number; blng: number; blat: number; d: number }>`
      with pair as (
        select substr(a.code, 1, 9) || '000' as astreet, substr(b.code, 1, 9) || '000' as bstreet, a.geom as ga, b.geom as gb,
               st_centroid(st_shortestline(a.geom, b.geom)) as p
        from grids a join grids b on st_dwithin(a.geom, b.geom, 0.0001) and substr(a.code, 1, 9) < substr(b.code, 1, 9)
        where a.code like '370303%' and b.code like '370303%' and st_area(a.geom::geography) > 40000 and st_area(b.geom::geography) > 40000
        limit 1),
      pts as (select astreet, bstreet, st_closestpoint(st_buffer(ga, -0.0002), p) as pa, st_closestpoint(st_buffer(gb, -0.0002), p) as pb from pair)
      select astreet, bstreet, st_x(pa) as alng, st_y(pa) as alat, st_x(pb) as blng, st_y(pb) as blat, st_distance(pa::geography, pb::geography) as d from pts`.execute(ctx.database.db);
    const pair = rows[0]!;
    expect(Number(pair.d)).toBeLessThan(90);
    const text = '测试：街道交界处的小区消防通道被三辆私家车长期占用，消防车无法通行';
    const older = (await report(citizen, { categoryCode: 'S0202', description: text, lng: Number(pair.blng), lat: Number(pair.blat) })).json();
    expect(older.streetCode).toBe(pair.bstreet);
    const newer = (await report(citizen, { categoryCode: 'S0202', description: `${text}，请尽快处理`, lng: Number(pair.alng), lat: Number(pair.alat) })).json();
    expect(newer.streetCode).toBe(pair.astreet);
    const streetOfA = await loginAs(ctx, { role: 'dispatcher', scopeCode: pair.astreet });
    const street = (await streetOfA.get(`/api/v1/cases?inbox=dispatch&q=${newer.number}`)).json().items;
    expect(street).toHaveLength(1);
    expect(street[0].likelyDuplicateOf).toBeNull();
    const centre = (await dispatcher.get(`/api/v1/cases?state=reported&q=${newer.number}`)).json().items;
    expect(centre[0].likelyDuplicateOf).toMatchObject({ number: older.number });
  });
});

describe('duplicate flagging: GET /cases/similar', () => {
  it('tells a citizen that a similar case is open nearby, in a public-safe view', async () => {
    const res = await similar(citizen, { categoryCode: 'C0101', description: sameManhole, ...nearby() });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ radiusM: 50, windowHours: 720 });
    const hit = body.items.find((i: { number: string }) => i.number === first.number);
    expect(hit).toMatchObject({ id: null, categoryName: '井盖缺失破损', state: 'reported', stateName: '待受理' });
    expect([...hit.description].length).toBeLessThanOrEqual(41);
    expect(hit.description.startsWith('测试：金晶大道')).toBe(true);
    expect(JSON.stringify(hit)).not.toMatch(/reporter|lng|lat/);
  });
  it('finds nothing far away, in another category or in dissimilar words', async () => {
    const numbers = async (q: Record<string, string | number>) => (await similar(citizen, q)).json().items.map((i: { number: string }) => i.number);
    expect(await numbers({ categoryCode: 'C0101', description: sameManhole, lng: here.lng + 0.01, lat: here.lat })).not.toContain(first.number);
    expect(await numbers({ categoryCode: 'C0103', description: sameManhole, ...nearby() })).not.toContain(first.number);
    expect(await numbers({ categoryCode: 'C0101', description: '垃圾桶满溢无人清运', ...nearby() })).not.toContain(first.number);
  });
  it('never shows a citizen a case of a sensitive category; staff in scope see it', async () => {
    const q = { categoryCode: 'S0101', description: '金晶大道一百零八号三单元邻居因楼道杂物争吵', ...nearby() };
    expect((await similar(citizen, q)).json().items).toEqual([]);
    const staff = (await similar(dispatcher, q)).json().items;
    expect(staff.find((i: { number: string }) => i.number === sensitive.number)).toMatchObject({ id: sensitive.id });
  });
  it('shows staff only candidates inside their jurisdiction', async () => {
    const q = { categoryCode: 'C0101', description: sameManhole, ...nearby() };
    const inScope = (await similar(streetDispatcher, q)).json().items;
    expect(inScope.find((i: { number: string }) => i.number === first.number)).toMatchObject({ id: first.id, description: manhole });
    const other = await similar(otherStreetDispatcher, q);
    expect(other.statusCode).toBe(200);
    expect(other.json().items.map((i: { number: string }) => i.number)).not.toContain(first.number);
  });
  it('closed, rejected or merged cases are not candidates', async () => {
    const desc = '测试：柳泉路七十七号路灯杆倾斜灯罩脱落，随时可能砸到行人';
    const lamp = (await report(worker, { categoryCode: 'C0103', description: desc, ...here })).json();
    const q = { categoryCode: 'C0103', description: desc, ...nearby() };
    expect((await similar(dispatcher, q)).json().items.map((i: { number: string }) => i.number)).toContain(lamp.number);
    const detail = (await dispatcher.get(`/api/v1/cases/${lamp.id}`)).json();
    expect((await dispatcher.send('POST', `/api/v1/cases/${lamp.id}/actions`, { action: 'reject', version: detail.version, reason: '测试驳回' })).statusCode).toBe(200);
    expect((await similar(dispatcher, q)).json().items.map((i: { number: string }) => i.number)).not.toContain(lamp.number);
  });
  it('401 without a session; 400 on bad input', async () => {
    const ok = { categoryCode: 'C0101', description: sameManhole, ...here };
    const anonymous = await ctx.app.inject({ method: 'GET', url: `/api/v1/cases/similar?${new URLSearchParams({ ...ok, lng: String(here.lng), lat: String(here.lat) })}` });
    expect(anonymous.statusCode).toBe(401);
    const bad = await similar(citizen, { ...ok, categoryCode: 'C01' });
    expect(bad.statusCode).toBe(400);
    expect(problemCode(bad)).toBe('request.invalid');
    expect(bad.json().errors[0].code).toBe('similar.category_code');
    expect(problemCode(await similar(citizen, { ...ok, lat: 91 }))).toBe('request.invalid');
    expect(problemCode(await similar(citizen, { ...ok, description: '' }))).toBe('request.invalid');
    expect(problemCode(await similar(citizen, { categoryCode: 'C0101', ...here }))).toBe('request.invalid');
    expect(problemCode(await similar(citizen, { ...ok, categoryCode: 'C9999' }))).toBe('case.category_unknown');
  });
  it('an administrator edits the distance and time of a category', async () => {
    const admin = await loginAs(ctx, { role: 'data_admin', scopeCode: county });
    const item = (await admin.get('/api/v1/case-categories')).json().items.find((c: { code: string }) => c.code === 'E0501');
    expect(item.duplicates).toEqual({ radiusM: 100, windowHours: 72 });
    const { code: _code, ...body } = item;
    const saved = await admin.request({ method: 'PUT', url: '/api/v1/case-categories/E0501', payload: { ...body, duplicates: { radiusM: 300, windowHours: 24 } }, headers: { 'x-csrf-token': admin.csrfToken } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().duplicates).toEqual({ radiusM: 300, windowHours: 24 });
    const res = await similar(citizen, { categoryCode: 'E0501', description: '有流动摊贩占道经营', ...here });
    expect(res.json()).toMatchObject({ radiusM: 300, windowHours: 24 });
    const bad = await admin.request({ method: 'PUT', url: '/api/v1/case-categories/E0501', payload: { ...body, duplicates: { radiusM: 0, windowHours: 24 } }, headers: { 'x-csrf-token': admin.csrfToken } });
    expect(bad.statusCode).toBe(400);
  });
});
