import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { chezhan, county, gongyuan, loginAs, useTestApp } from '../../test/harness.js';
import { act, pointIn, unitId } from '../cases/test-helpers.js';
import { createKey, expectJsonError, expectXmlError, form } from './test-helpers.js';
import { expectValid, parseOpen311Xml } from './test-schemas.js';

const ctx = useTestApp();
let chezhanKey: string;
let gongyuanKey: string;
let readOnlyKey: string;
let here: { lng: number; lat: number };
let there: { lng: number; lat: number };
// the seeded template holds demo cases; lists here look only at what this file reported
let since: string;

beforeAll(async () => {
  since = encodeURIComponent(new Date(Date.now() - 1000).toISOString());
  chezhanKey = await createKey(ctx, chezhan, ['case:report', 'case:read', 'region:read']);
  gongyuanKey = await createKey(ctx, gongyuan, ['case:report', 'case:read', 'region:read']);
  readOnlyKey = await createKey(ctx, chezhan, ['case:read', 'region:read']);
  here = await pointIn(ctx, '370303001001001');
  there = await pointIn(ctx, '370303002001001');
});

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const manhole = (extra: Record<string, string | number | string[]> = {}) => ({
  service_code: 'C0101', lat: here.lat, long: here.lng, description: '华光路与共青团路路口井盖缺失，夜间很危险',
  'attribute[cover_type]': 'rain', 'attribute[damage]': 'missing', ...extra,
});
const post = (fields: Record<string, string | number | string[]>, headers: Record<string, string> = {}, format = 'json') => {
  const body = form(fields);
  return ctx.app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, payload: body.payload, headers: { ...body.headers, ...headers } });
};
const get = (url: string, key?: string) => ctx.app.inject({ method: 'GET', url, headers: key ? bearer(key) : {} });

describe('Open311 POST requests', () => {
  it('a key with case:report creates a case through the case loop (source api), with answers and contact kept in its timeline', async () => {
    const res = await post({ ...manhole({ api_key: chezhanKey, first_name: '小明', last_name: '王', phone: '13912345678', email: 'wang@example.com', media_url: 'https://photos.example.com/1.jpg', 'attribute[count]': '2' }) });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expectValid('post-response', body);
    expect(body[0].service_request_id).toMatch(/^370303-\d{8}-\d{5}$/);
    expect(body[0].account_id).toBeNull();
    expect(body[0].service_notice).toContain('已受理');

    const c = await get(`/api/v1/cases/${body[0].service_request_id}`, chezhanKey);
    expect(c.statusCode).toBe(200);
    expect(c.json()).toMatchObject({ source: 'api', categoryCode: 'C0101', state: 'reported', streetCode: '370303001000' });
    const detail = c.json().timeline[0].detail;
    expect(detail.attributes).toEqual({ cover_type: 'rain', damage: 'missing', count: 2 });
    expect(detail.mediaUrl).toBe('https://photos.example.com/1.jpg');
    expect(detail.contact).toMatchObject({ name: '王小明', phone: '139****5678', email: 'w***@example.com' });
    expect(JSON.stringify(detail)).not.toContain('13912345678');

    // the public view of it carries neither the contact nor the sealed copy
    const one = await get(`/open311/v2/requests/${body[0].service_request_id}.json`, chezhanKey);
    expect(one.statusCode).toBe(200);
    expectValid('requests', one.json());
    expect(one.body).not.toContain('5678');
    expect(one.body).not.toContain('sealed');
    expect(one.json()[0]).toMatchObject({ status: 'open', gongzhi_state: 'reported', service_code: 'C0101', service_name: '井盖缺失破损', media_url: 'https://photos.example.com/1.jpg', status_notes: '已受理，等待立案审核' });
    expect(one.json()[0].gongzhi_timeline).toEqual([expect.objectContaining({ action: 'report', actor_role: 'api', note: null })]);
  });

  it('accepts JSON bodies and the key in the platform headers; XML answers with service_requests', async () => {
    const json = await ctx.app.inject({
      method: 'POST', url: '/open311/v2/requests.json', headers: { 'x-api-key': chezhanKey },
      payload: { service_code: 'S0501', lat: here.lat, long: here.lng, description: '楼下烧烤店每晚营业到凌晨两点，噪声扰民', attribute: { period: 'night', source: ['business'] } },
    });
    expect(json.statusCode, json.body).toBe(201);
    const xml = await post({ service_code: 'S0501', lat: here.lat, long: here.lng, description: '工地夜间施工，噪声很大', 'attribute[period]': 'night', 'attribute[source][]': ['construction', 'traffic'] }, bearer(chezhanKey), 'xml');
    expect(xml.statusCode, xml.body).toBe(201);
    const parsed = parseOpen311Xml(xml.body);
    expect(parsed.root).toBe('service_requests');
    expectValid('post-response', parsed.body);
    const number = (parsed.body as Array<{ service_request_id: string }>)[0]!.service_request_id;
    const c = await get(`/api/v1/cases/${number}`, chezhanKey);
    expect(c.json().timeline[0].detail.attributes).toEqual({ period: 'night', source: ['construction', 'traffic'] });
  });

  it('refuses without a key (401), with a bad key (401), and with a key that may not report (403)', async () => {
    expect(expectJsonError(await post(manhole()), 401)).toContain('api_key');
    expectXmlError(await post(manhole(), {}, 'xml'), 401);
    expectJsonError(await post(manhole({ api_key: 'gzk_nothing0_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' })), 401);
    const headerBad = await post(manhole(), { authorization: 'Bearer gzk_nothing0_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' });
    expectJsonError(headerBad, 401);
    expectValid('errors', headerBad.json());
    expectJsonError(await post(manhole({ api_key: readOnlyKey })), 403);
  });

  it('answers 400/404 in the spec format for bad service codes, missing points and bad attributes', async () => {
    const auth = bearer(chezhanKey);
    expect(expectJsonError(await post(manhole({ service_code: 'X9999' }), auth), 404)).toContain('X9999');
    expectJsonError(await post(manhole({ service_code: 'C01' }), auth), 404);
    expect(expectJsonError(await post({ ...manhole(), service_code: '' }, auth), 400)).toContain('service_code');
    const { lat: _lat, long: _long, ...noPoint } = manhole({ address_string: '华光路 1 号' });
    expect(expectJsonError(await post(noPoint, auth), 400)).toMatch(/lat.*long/);
    expect(expectJsonError(await post(manhole({ lat: 'north' }), auth), 400)).toContain('lat');
    expect(expectJsonError(await post(manhole({ 'attribute[cover_type]': 'gold' }), auth), 400)).toMatch(/cover_type.*rain/);
    const { 'attribute[damage]': _damage, ...noDamage } = manhole();
    expect(expectJsonError(await post(noDamage, auth), 400)).toContain('attribute[damage]');
    expect(expectJsonError(await post(manhole({ 'attribute[count]': 'two' }), auth), 400)).toContain('count');
    expect(expectJsonError(await post(manhole({ 'attribute[colour]': 'red' }), auth), 400)).toContain('colour');
    const several = await post(manhole({ 'attribute[cover_type]': 'gold', 'attribute[count]': 'x' }), auth);
    expectJsonError(several, 400);
    expect(several.json()).toHaveLength(2);
    expectValid('errors', several.json());
    // a point outside the key's street is refused by the case loop's own jurisdiction rule
    expectJsonError(await post(manhole({ lat: there.lat, long: there.lng }), auth), 403);
  });

  it('a retry with the same token makes no second case; tokens/{token} answers the request', async () => {
    const token = crypto.randomUUID();
    const first = await post(manhole({ token }), bearer(chezhanKey));
    const retry = await post(manhole({ token }), bearer(chezhanKey));
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()[0].service_request_id).toBe(first.json()[0].service_request_id);
    expect(retry.json()[0].token).toBe(token);
    const count = await ctx.database.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('intake_key', '=', token).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    // the Idempotency-Key header works the same way
    const key = crypto.randomUUID();
    const a = await post(manhole(), { ...bearer(chezhanKey), 'idempotency-key': key });
    const b = await post(manhole(), { ...bearer(chezhanKey), 'idempotency-key': key });
    expect(b.json()[0].service_request_id).toBe(a.json()[0].service_request_id);

    const byToken = await get(`/open311/v2/tokens/${token}.json`, chezhanKey);
    expect(byToken.statusCode).toBe(200);
    expectValid('tokens', byToken.json());
    expect(byToken.json()).toEqual([{ service_request_id: first.json()[0].service_request_id, token }]);
    const xml = parseOpen311Xml((await get(`/open311/v2/tokens/${token}.xml`, chezhanKey)).body);
    expectValid('tokens', xml.body);
    // a POST without a token gets one, which finds its request too
    const fresh = await post(manhole(), bearer(chezhanKey));
    expect((await get(`/open311/v2/tokens/${fresh.json()[0].token}.json`, chezhanKey)).json()[0].service_request_id).toBe(fresh.json()[0].service_request_id);
    // tokens are per key, and unknown ones are 404
    expectJsonError(await get(`/open311/v2/tokens/${token}.json`, gongyuanKey), 404);
    expectJsonError(await get(`/open311/v2/tokens/${crypto.randomUUID()}.json`, chezhanKey), 404);
    expectJsonError(await get(`/open311/v2/tokens/${token}.json`), 401);
    // the same token for a different report is refused: HTTP 400, with the more specific 409 in the body (the spec allows it)
    const reused = await post(manhole({ token, description: '另一处：共青团路井盖破损' }), bearer(chezhanKey));
    expect(reused.statusCode).toBe(400);
    expect(reused.json()[0].code).toBe(409);
  });
});

describe('Open311 GET requests', () => {
  let numbers: string[] = [];
  beforeAll(async () => {
    numbers = [];
    for (let i = 0; i < 3; i++) numbers.push((await post(manhole({ description: `分页测试井盖缺失第 ${i + 1} 处` }), bearer(chezhanKey))).json()[0].service_request_id);
    await post({ service_code: 'C0101', lat: there.lat, long: there.lng, description: '公园街道的井盖缺失', 'attribute[cover_type]': 'sewage', 'attribute[damage]': 'broken' }, bearer(gongyuanKey));
  });

  it('lists requests the key may see, with filters, and validates in JSON and XML', async () => {
    const all = await get(`/open311/v2/requests.json?page_size=200&start_date=${since}`, chezhanKey);
    expect(all.statusCode).toBe(200);
    expectValid('requests', all.json());
    const listed = all.json() as Array<Record<string, unknown>>;
    expect(listed.length).toBeGreaterThanOrEqual(numbers.length);
    expect(Number(all.headers['x-total-count'])).toBe(listed.length);
    expect(listed.every((r) => r.status === 'open' && typeof r.expected_datetime === 'string' && r.lat !== null)).toBe(true);

    const picked = await get(`/open311/v2/requests.json?service_request_id=${numbers[0]},${numbers[2]}&status=closed`, chezhanKey);
    expect((picked.json() as Array<{ service_request_id: string }>).map((r) => r.service_request_id).sort()).toEqual([numbers[0], numbers[2]].sort());
    expect((await get(`/open311/v2/requests.json?status=closed&start_date=${since}`, chezhanKey)).json()).toEqual([]);
    const noise = (await get(`/open311/v2/requests.json?service_code=S0501,E0101&start_date=${since}`, chezhanKey)).json() as Array<{ service_code: string }>;
    expect(noise.length).toBeGreaterThan(0);
    expect(noise.every((r) => r.service_code === 'S0501')).toBe(true);
    const future = encodeURIComponent(new Date(Date.now() + 3600_000).toISOString());
    expect((await get(`/open311/v2/requests.json?start_date=${future}`, chezhanKey)).json()).toEqual([]);
    const past = encodeURIComponent('2020-01-01T00:00:00+08:00');
    expect((await get(`/open311/v2/requests.json?end_date=${past}`, chezhanKey)).json()).toEqual([]);
    // empty parameters count as absent
    expect((await get(`/open311/v2/requests.json?service_code=&status=&start_date=${since}`, chezhanKey)).json().length).toBe(Math.min(listed.length, 50));

    const xml = await get(`/open311/v2/requests.xml?page_size=200&start_date=${since}`, chezhanKey);
    const parsed = parseOpen311Xml(xml.body);
    expect(parsed.root).toBe('service_requests');
    expectValid('requests', parsed.body);
    expect((parsed.body as unknown[]).length).toBe(listed.length);
  });

  it('maps the loop\'s states onto open/closed, keeping the full state and a Chinese note (seeded demo history)', async () => {
    const closed = (await get('/open311/v2/requests.json?status=closed&page_size=200', chezhanKey)).json() as Array<Record<string, string | null>>;
    expectValid('requests', closed);
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((r) => r.status === 'closed' && ['closed', 'rejected', 'merged'].includes(r.gongzhi_state!) && r.expected_datetime === null)).toBe(true);
    const rejected = closed.find((r) => r.gongzhi_state === 'rejected');
    if (rejected) expect(rejected.status_notes).toMatch(/^不予立案/);
    const open = (await get('/open311/v2/requests.json?status=open&page_size=200', chezhanKey)).json() as Array<Record<string, string | null>>;
    expectValid('requests', open);
    expect(open.every((r) => r.status === 'open' && !['closed', 'rejected', 'merged'].includes(r.gongzhi_state!))).toBe(true);
    const dispatched = open.find((r) => r.gongzhi_state === 'dispatched');
    if (dispatched) expect(dispatched.status_notes).toBe(`已派遣至${dispatched.agency_responsible}`);
  });

  it('follows the loop: a dispatched case names its unit, a rejected one is closed with its reason', async () => {
    const dispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
    const zf = await unitId(ctx, '370303-ZF');
    const caseId = async (n: string) => (await get(`/api/v1/cases/${n}`, chezhanKey)).json().id as string;
    const toDispatch = await caseId(numbers[0]!);
    expect((await act(dispatcher, toDispatch, { action: 'register' })).statusCode).toBe(200);
    expect((await act(dispatcher, toDispatch, { action: 'dispatch', leadUnitId: zf })).statusCode).toBe(200);
    expect((await act(dispatcher, await caseId(numbers[1]!), { action: 'reject', reason: '重复上报，已有案件处理' })).statusCode).toBe(200);

    const [dispatched] = (await get(`/open311/v2/requests/${numbers[0]}.json`, chezhanKey)).json();
    expect(dispatched).toMatchObject({ status: 'open', gongzhi_state: 'dispatched', agency_responsible: expect.any(String) });
    expect(dispatched.status_notes).toBe(`已派遣至${dispatched.agency_responsible}`);
    expect(dispatched.gongzhi_timeline.map((t: { action: string }) => t.action)).toEqual(['report', 'register', 'dispatch']);
    const rejected = (await get(`/open311/v2/requests.json?service_request_id=${numbers[1]}`, chezhanKey)).json();
    expectValid('requests', rejected);
    expect(rejected[0]).toMatchObject({ status: 'closed', gongzhi_state: 'rejected', status_notes: '不予立案：重复上报，已有案件处理', expected_datetime: null });
    const closedOnes = (await get(`/open311/v2/requests.json?status=closed&start_date=${since}`, chezhanKey)).json() as Array<{ service_request_id: string }>;
    expect(closedOnes.map((r) => r.service_request_id)).toEqual([numbers[1]]);
  });

  it('pages with page and page_size (default 50, at most 200)', async () => {
    const first = (await get(`/open311/v2/requests.json?page_size=2&page=1&start_date=${since}`, chezhanKey)).json() as Array<{ service_request_id: string }>;
    const second = (await get(`/open311/v2/requests.json?page_size=2&page=2&start_date=${since}`, chezhanKey)).json() as Array<{ service_request_id: string }>;
    expect(first).toHaveLength(2);
    expect(second.length).toBeGreaterThan(0);
    expect(second.map((r) => r.service_request_id)).not.toContain(first[0]!.service_request_id);
    expect(expectJsonError(await get('/open311/v2/requests.json?page_size=500', chezhanKey), 400)).toContain('page_size');
    expectJsonError(await get('/open311/v2/requests.json?page=0', chezhanKey), 400);
    expect(expectJsonError(await get('/open311/v2/requests.json?start_date=yesterday', chezhanKey), 400)).toContain('start_date');
    expectJsonError(await get('/open311/v2/requests.json?status=pending', chezhanKey), 400);
    expectXmlError(await get('/open311/v2/requests.xml?status=pending', chezhanKey), 400);
  });

  it('never shows a case of another street (jurisdiction), and reads need a key', async () => {
    const theirs = (await get(`/open311/v2/requests.json?page_size=200&start_date=${since}`, gongyuanKey)).json() as Array<{ service_request_id: string; address: string }>;
    expect(theirs.length).toBeGreaterThan(0);
    for (const n of numbers) expect(theirs.map((r) => r.service_request_id)).not.toContain(n);
    expectJsonError(await get(`/open311/v2/requests/${numbers[0]}.json`, gongyuanKey), 404);
    const asked = await get(`/open311/v2/requests.json?service_request_id=${numbers[0]}`, gongyuanKey);
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toEqual([]);
  });

  it('requests/{id} answers one request in JSON and XML; unknown ids are 404; no key is 401', async () => {
    const xml = await get(`/open311/v2/requests/${numbers[2]}.xml`, chezhanKey);
    expect(xml.statusCode).toBe(200);
    const parsed = parseOpen311Xml(xml.body);
    expect(parsed.root).toBe('service_requests');
    expectValid('requests', parsed.body);
    expect((parsed.body as Array<{ gongzhi_timeline: unknown[] }>)[0]!.gongzhi_timeline).toHaveLength(1);
    expectJsonError(await get('/open311/v2/requests/370303-20200101-99999.json', chezhanKey), 404);
    expectJsonError(await get('/open311/v2/requests/nonsense.json', chezhanKey), 404);
    expectJsonError(await get(`/open311/v2/requests/${numbers[1]}.json`), 401);
    expectXmlError(await get('/open311/v2/requests.xml'), 401);
    // the spec's api_key parameter works for reads too, and a read-only key reads
    const viaParam = await get(`/open311/v2/requests.json?api_key=${readOnlyKey}&service_request_id=${numbers[1]}`);
    expect(viaParam.statusCode).toBe(200);
    expect(viaParam.json()).toHaveLength(1);
  });
});
