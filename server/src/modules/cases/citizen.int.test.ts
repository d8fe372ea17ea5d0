import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { county, createUser, login, loginAs, problemCode, useTestApp, type Client } from '../../test/harness.js';
import { blurPoint } from './public-map.service.js';
import { publicLimits, purgePublicRequestLedger } from './public-reports.service.js';
import { act, key, multipart, pointIn, report, tinyPng, unitId } from './test-helpers.js';

const ctx = useTestApp();
const grid = '370303001001001';
let here: { lng: number; lat: number };
let worker: Client;
let workerName: string;
let dispatcher: Client;
let dispatcherName: string;
let citizen: Client;
let otherCitizen: Client;
let target: { id: string; number: string };
let sensitive: { id: string; number: string };
let closed: { id: string; number: string };

const manhole = '测试关注：华光路九十九号门口井盖缺失，联系人电话13912345678';
const disputeText = '测试敏感：华光路九十九号二单元邻里纠纷多次争吵';
let lastIp = 0;
/** Every test its own client address, so that the per-address limits of one do not touch another. */
const freshIp = () => `198.51.100.${++lastIp}`;

const anon = (ip: string, options: InjectOptions) => ctx.app.inject({ ...options, remoteAddress: ip });
const anonReport = (ip: string, body: Record<string, unknown>, idempotencyKey: string | null = key()) =>
  anon(ip, { method: 'POST', url: '/api/v1/public/reports', payload: body, headers: idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey } });
const lookup = (ip: string, number: string, code: string) => anon(ip, { method: 'POST', url: '/api/v1/public/reports/lookup', payload: { number, code } });
const publicMap = (bbox: string) => ctx.app.inject({ method: 'GET', url: `/api/v1/public/cases/map?bbox=${bbox}` });
const follow = (client: Client, ref: string, at: { lng: number; lat: number } = here) => client.send('POST', `/api/v1/cases/${ref}/follow`, at);
const report2 = (body: Record<string, unknown>) => ({ categoryCode: 'C0101', description: '测试匿名：华光路一百号路灯杆旁井盖松动', lng: here.lng, lat: here.lat, ...body });

beforeAll(async () => {
  here = await pointIn(ctx, grid);
  const w = await createUser(ctx, { role: 'grid_worker', scopeCode: grid });
  worker = await login(ctx, w);
  workerName = `测试${w.username}`;
  const d = await createUser(ctx, { role: 'dispatcher', scopeCode: county });
  dispatcher = await login(ctx, d);
  dispatcherName = `测试${d.username}`;
  citizen = await loginAs(ctx, { role: 'citizen', scopeCode: county });
  otherCitizen = await loginAs(ctx, { role: 'citizen', scopeCode: county });
  const a = await report(worker, { categoryCode: 'C0101', description: manhole, ...here });
  expect(a.statusCode).toBe(201);
  target = a.json();
  const s = await report(worker, { categoryCode: 'S0101', description: disputeText, ...here });
  expect(s.statusCode).toBe(201);
  sensitive = s.json();
  const c = await report(worker, { categoryCode: 'C0101', description: '测试已办结：华光路九十九号井盖已修复', ...here });
  closed = c.json();
  expect((await act(dispatcher, closed.id, { action: 'reject', reason: '测试：重复反映' })).statusCode).toBe(200);
});

describe('anonymous reports (POST /public/reports)', () => {
  it('takes a report without signing in and answers the number and a follow-up code; the case is a citizen report by 匿名', async () => {
    const res = await anonReport(freshIp(), report2({}));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.number).toMatch(/^370303-\d{8}-\d{5}$/);
    expect(body.code).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/);
    const row = await ctx.database.db.selectFrom('cases').selectAll().where('number', '=', body.number).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'citizen', reporter_name: '匿名', state: 'reported' });
    // the reporter is nobody's account
    expect(await ctx.database.db.selectFrom('users').select('id').where('id', '=', row.reporter_id!).executeTakeFirst()).toBeUndefined();
    const seen = (await dispatcher.get(`/api/v1/cases/${body.number}`)).json();
    expect(seen.reporterName).toBe('匿名');
    expect(seen.timeline[0]).toMatchObject({ action: 'report', actorName: '匿名', actorRole: 'citizen' });
  });

  it('is idempotent: the same key answers the same number and code and makes no second case; another text under it is 409', async () => {
    const ip = freshIp();
    const k = key();
    const first = await anonReport(ip, report2({ description: '测试幂等：华光路一百零一号井盖松动' }), k);
    const again = await anonReport(ip, report2({ description: '测试幂等：华光路一百零一号井盖松动' }), k);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const n = await ctx.database.db.selectFrom('cases').select(ctx.database.db.fn.countAll<number>().as('n')).where('description', '=', '测试幂等：华光路一百零一号井盖松动').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
    const other = await anonReport(ip, report2({ description: '测试幂等：换了内容的另一次反映' }), k);
    expect(other.statusCode).toBe(409);
    expect(problemCode(other)).toBe('case.idempotency_mismatch');
  });

  it('refuses bad input with 400 problem+json and stable codes', async () => {
    const ip = freshIp();
    const noKey = await anonReport(ip, report2({}), null);
    expect(noKey.statusCode).toBe(400);
    expect(problemCode(noKey)).toBe('case.idempotency_key');
    expect(problemCode(await anonReport(ip, report2({}), 'short-key'))).toBe('case.idempotency_key');
    const invalid = await anonReport(ip, report2({ description: '短', lng: 'east' }));
    expect(invalid.statusCode).toBe(400);
    expect(problemCode(invalid)).toBe('request.invalid');
    expect(invalid.json().errors.map((e: { code: string }) => e.code)).toContain('description.too_short');
    const major = await anonReport(ip, report2({ categoryCode: 'C01' }));
    expect(major.statusCode).toBe(400);
    expect(major.json().errors[0].code).toBe('similar.category_code');
    expect(problemCode(await anonReport(ip, report2({ categoryCode: 'C0999' })))).toBe('case.category_unknown');
    const outside = await anonReport(ip, report2({ lng: 116.4, lat: 39.9 }));
    expect(outside.statusCode).toBe(400);
    expect(problemCode(outside)).toBe('case.outside_jurisdiction');
  });

  it(`allows ${publicLimits.reports[0].max} reports an hour per address, then 429 with Retry-After; refused reports do not count; another address is not affected`, async () => {
    const ip = freshIp();
    expect((await anonReport(ip, report2({ categoryCode: 'C0999' }))).statusCode).toBe(400);
    for (let i = 0; i < publicLimits.reports[0].max; i++) expect((await anonReport(ip, report2({ description: `测试限流：第${i}次反映井盖松动` }))).statusCode).toBe(201);
    const refused = await anonReport(ip, report2({ description: '测试限流：超出次数的反映' }));
    expect(refused.statusCode).toBe(429);
    expect(problemCode(refused)).toBe('public.report_limit');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    expect((await anonReport(freshIp(), report2({ description: '测试限流：另一网络的反映' }))).statusCode).toBe(201);
  });

  it('the hourly job drops ledger rows older than a day, the longest window the limits count, and keeps the rest', async () => {
    const db = ctx.database.db;
    await db.insertInto('public_requests').values([{ kind: 'report', ip: '192.0.2.250', at: new Date(Date.now() - 25 * 3600_000) }, { kind: 'report', ip: '192.0.2.250', at: new Date(Date.now() - 23 * 3600_000) }]).execute();
    expect(await purgePublicRequestLedger(db)).toBe(1);
    const left = await db.selectFrom('public_requests').select('at').where('ip', '=', '192.0.2.250').execute();
    expect(left).toHaveLength(1);
  });

  it('attaches photos uploaded with the same key, and no photo of another key', async () => {
    const ip = freshIp();
    const k = key();
    const upload = (kk: string) => {
      const m = multipart(tinyPng, 'p.png', 'image/png');
      return anon(ip, { method: 'POST', url: '/api/v1/public/photos', payload: m.payload, headers: { ...m.headers, 'idempotency-key': kk } });
    };
    const mine = await upload(k);
    expect(mine.statusCode).toBe(201);
    const theirs = await upload(key());
    const stolen = await anonReport(ip, report2({ description: '测试照片：别人的照片', photoIds: [theirs.json().id] }));
    expect(stolen.statusCode).toBe(400);
    expect(problemCode(stolen)).toBe('file.not_attachable');
    const ok = await anonReport(ip, report2({ description: '测试照片：华光路井盖照片', photoIds: [mine.json().id] }), k);
    expect(ok.statusCode).toBe(201);
    expect((await dispatcher.get(`/api/v1/cases/${ok.json().number}`)).json().photoIds).toEqual([mine.json().id]);
  });
});

describe('looking an anonymous report up (POST /public/reports/lookup)', () => {
  it('shows state and steps with unit names to the holder of number and code, never a person', async () => {
    const made = (await anonReport(freshIp(), report2({ description: '测试查询：华光路一百零二号井盖松动' }))).json();
    const ip = freshIp();
    const before = await lookup(ip, made.number, made.code.toLowerCase());
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ number: made.number, state: 'reported', stateName: '待受理', closed: false, leadUnit: null, categoryName: expect.any(String) });
    const id = (await dispatcher.get(`/api/v1/cases/${made.number}`)).json().id;
    expect((await act(dispatcher, id, { action: 'register', note: `${dispatcherName}已核实` })).statusCode).toBe(200);
    expect((await act(dispatcher, id, { action: 'dispatch', leadUnitId: await unitId(ctx, '370303-ZF') })).statusCode).toBe(200);
    const after = await lookup(ip, made.number, made.code);
    const body = after.json();
    expect(body.state).toBe('dispatched');
    expect(body.leadUnit).toBeTruthy();
    expect(body.timeline.map((t: { action: string }) => t.action)).toEqual(['report', 'register', 'dispatch']);
    expect(body.timeline[2].unit).toBe(body.leadUnit);
    expect(after.body).not.toContain(dispatcherName);
    expect(after.body).not.toContain('匿名');
    expect(after.body).not.toContain('华光路一百零二号');
  });

  it('answers the same 404 to a wrong code, to another person\'s case and to an unknown number; 400 to a malformed code', async () => {
    const made = (await anonReport(freshIp(), report2({ description: '测试查询：华光路一百零三号井盖松动' }))).json();
    const ip = freshIp();
    const wrong = made.code === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA';
    for (const [number, code] of [[made.number, wrong], [target.number, made.code], ['370303-20200101-00001', made.code]] as const) {
      const res = await lookup(ip, number, code);
      expect(res.statusCode).toBe(404);
      expect(problemCode(res)).toBe('public.lookup_not_found');
    }
    const bad = await lookup(ip, made.number, '0O1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].code).toBe('lookup_code.format');
  });

  it(`refuses an address after ${publicLimits.lookupFailures[0].max} failed look-ups an hour (429), even with the right code`, async () => {
    const made = (await anonReport(freshIp(), report2({ description: '测试查询：华光路一百零四号井盖松动' }))).json();
    const ip = freshIp();
    const wrong = made.code === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA';
    for (let i = 0; i < publicLimits.lookupFailures[0].max; i++) expect((await lookup(ip, made.number, wrong)).statusCode).toBe(404);
    const refused = await lookup(ip, made.number, made.code);
    expect(refused.statusCode).toBe(429);
    expect(problemCode(refused)).toBe('public.lookup_limit');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await lookup(freshIp(), made.number, made.code)).statusCode).toBe(200);
  });
});

describe('following a case (关注此事项)', () => {
  it('a citizen cannot read a case they neither reported nor follow (detail, list, search)', async () => {
    const res = await citizen.get(`/api/v1/cases/${target.id}`);
    expect(res.statusCode).toBe(404);
    expect(problemCode(res)).toBe('case.not_found');
    expect((await citizen.get(`/api/v1/cases/${target.number}`)).statusCode).toBe(404);
    const list = (await citizen.get(`/api/v1/cases?q=${target.number}`)).json();
    expect(list.total).toBe(0);
  });

  it('follows an open case nearby, twice without a second row, and then reads it in the citizen-safe view and in 我的', async () => {
    const first = await follow(citizen, target.number);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ number: target.number, following: true });
    expect((await follow(citizen, target.id)).statusCode).toBe(200);
    const rows = await ctx.database.db.selectFrom('case_followers').selectAll().where('case_id', '=', target.id).execute();
    expect(rows).toHaveLength(1);
    const detail = await citizen.get(`/api/v1/cases/${target.id}`);
    expect(detail.statusCode).toBe(200);
    const d = detail.json();
    expect(d.reporterName).toBeNull();
    expect(d.allowedActions).toEqual([]);
    expect(d.timeline.length).toBeGreaterThan(0);
    expect(detail.body).not.toContain(workerName);
    expect(detail.body).not.toContain('13912345678');
    expect(d.description).toContain('139****5678');
    const mine = (await citizen.get('/api/v1/cases?inbox=mine')).json();
    const item = mine.items.find((i: { id: string }) => i.id === target.id);
    expect(item).toBeTruthy();
    expect(JSON.stringify(item)).not.toContain('13912345678');
    // following does not let the citizen act on it: actions do not see followed cases at all
    const rate = await citizen.send('POST', `/api/v1/cases/${target.id}/actions`, { action: 'rate', rating: 'dissatisfied', version: d.version });
    expect(rate.statusCode).toBe(404);
    expect((await dispatcher.get(`/api/v1/cases/${target.id}`)).json().rating).toBeNull();
  });

  it('another citizen still cannot read the followed case', async () => {
    expect((await otherCitizen.get(`/api/v1/cases/${target.id}`)).statusCode).toBe(404);
    expect((await otherCitizen.get('/api/v1/cases?inbox=mine')).json().items.map((i: { id: string }) => i.id)).not.toContain(target.id);
  });

  it('refuses far away and sensitive cases as not found, closed cases with 409, staff with 403, no session with 401, bad input with 400', async () => {
    const far = await follow(otherCitizen, target.number, { lng: here.lng + 0.05, lat: here.lat });
    expect(far.statusCode).toBe(404);
    expect(problemCode(far)).toBe('case.not_found');
    const secret = await follow(otherCitizen, sensitive.number);
    expect(secret.statusCode).toBe(404);
    const done = await follow(otherCitizen, closed.number);
    expect(done.statusCode).toBe(409);
    expect(problemCode(done)).toBe('case.follow_not_open');
    const staff = await follow(dispatcher, target.number);
    expect(staff.statusCode).toBe(403);
    expect(problemCode(staff)).toBe('case.follow_citizens_only');
    const nobody = await ctx.app.inject({ method: 'POST', url: `/api/v1/cases/${target.number}/follow`, payload: here });
    expect(nobody.statusCode).toBe(401);
    const badRef = await follow(otherCitizen, 'not-a-case');
    expect(badRef.statusCode).toBe(400);
    expect(problemCode(badRef)).toBe('request.invalid');
    const noPoint = await otherCitizen.send('POST', `/api/v1/cases/${target.number}/follow`, { lng: here.lng });
    expect(problemCode(noPoint)).toBe('request.invalid');
    expect((await otherCitizen.get(`/api/v1/cases/${sensitive.id}`)).statusCode).toBe(404);
  });

  it('unfollowing hides the case again', async () => {
    const res = await citizen.request({ method: 'DELETE', url: `/api/v1/cases/${target.number}/follow`, headers: { 'x-csrf-token': citizen.csrfToken } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ number: target.number, following: false });
    expect((await citizen.get(`/api/v1/cases/${target.id}`)).statusCode).toBe(404);
  });
});

describe('the public map (GET /public/cases/map)', () => {
  const box = (x1: number, y1: number, x2: number, y2: number) => [x1, y1, x2, y2].map((n) => n.toFixed(6)).join(',');
  const around = (p: { lng: number; lat: number }, d: number) => box(p.lng - d, p.lat - d, p.lng + d, p.lat + d);
  type Feature = { geometry: { coordinates: [number, number] }; properties: Record<string, unknown> };

  it('answers without signing in: recent cases as points with category, open or closed, and the day; no names, numbers or descriptions', async () => {
    const res = await publicMap(around(here, 0.003));
    expect(res.statusCode).toBe(200);
    const features = res.json().features as Feature[];
    const exact = features.find((f) => f.geometry.coordinates[0] === Math.round(here.lng * 1e6) / 1e6 && f.geometry.coordinates[1] === Math.round(here.lat * 1e6) / 1e6);
    expect(exact?.properties).toMatchObject({ status: 'open', blurred: false, reportedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(Object.keys(exact!.properties).sort()).toEqual(['blurred', 'categoryName', 'categoryNameEn', 'reportedOn', 'status']);
    for (const leak of [workerName, target.number, '华光路九十九号', '匿名', target.id]) expect(res.body).not.toContain(leak);
  });

  it('never shows the exact point of a sensitive case: it is at its cell centre, and a box around the real point without the centre does not find it', async () => {
    const centre = blurPoint(here.lng, here.lat);
    const res = await publicMap(around(here, 0.006));
    const features = res.json().features as Feature[];
    const blurred = features.filter((f) => f.properties.blurred);
    expect(blurred.some((f) => f.geometry.coordinates[0] === centre[0] && f.geometry.coordinates[1] === centre[1])).toBe(true);
    // the sensitive case sits exactly on `here`, like the open manhole; only non-sensitive points may be there
    const atPoint = features.filter((f) => Math.abs(f.geometry.coordinates[0] - here.lng) < 1e-6 && Math.abs(f.geometry.coordinates[1] - here.lat) < 1e-6);
    expect(atPoint.every((f) => f.properties.blurred === false)).toBe(true);
    // shrinking the box to the real point: the sensitive case disappears with its centre, so the box tells nothing
    const d = 0.0002;
    expect(Math.abs(centre[0] - here.lng) > d || Math.abs(centre[1] - here.lat) > d).toBe(true);
    const tiny = (await publicMap(around(here, d))).json().features as Feature[];
    expect(tiny.filter((f) => f.properties.blurred)).toEqual([]);
    expect(tiny.length).toBeGreaterThan(0);
  });

  it('gives the district and its streets for the public maps without signing in', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/public/outline' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.county.features).toHaveLength(1);
    expect(body.county.features[0].properties).toEqual({ code: county, name: expect.any(String) });
    expect(body.streets.features.length).toBe(13);
  });

  it('refuses a malformed or too large box with 400', async () => {
    for (const [bbox, code] of [['1,2,3', 'bbox.format'], ['118,36,117,37', 'bbox.format'], ['a,b,c,d', 'bbox.format'], ['117,36,118,37', 'bbox.too_large']] as const) {
      const res = await publicMap(bbox);
      expect(res.statusCode, bbox).toBe(400);
      expect(problemCode(res)).toBe('request.invalid');
      expect(res.json().errors[0].code, bbox).toBe(code);
    }
  });
});
