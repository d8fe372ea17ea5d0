import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { chezhan, county, createUser, gongyuan, loginAs, problemCode, useTestApp } from '../../test/harness.js';

const ctx = useTestApp();
const chezhanGrid = '370303001001001';
const gongyuanGrid = '370303002001001';

/** A small square around a point inside the given grid, as GeoJSON (about 40 m across). */
async function squareInside(gridCode: string, halfSide = 0.0002) {
  const { rows } = await sql<{ x: number; y: number }>`
    select st_x(p) as x, st_y(p) as y from (select st_pointonsurface(geom) as p from grids where code = ${gridCode}) s`.execute(ctx.database.db);
  const { x, y } = rows[0]!;
  return { type: 'Polygon' as const, coordinates: [[[x - halfSide, y - halfSide], [x + halfSide, y - halfSide], [x + halfSide, y + halfSide], [x - halfSide, y + halfSide], [x - halfSide, y - halfSide]]] };
}

async function communityAreaCheck(community: string) {
  const { rows } = await sql<{ gap: number; overlap: number }>`
    select st_area(st_difference(r.geom, st_union(g.geom))) / st_area(r.geom) as gap,
           (sum(st_area(g.geom)) - st_area(st_union(g.geom))) / st_area(r.geom) as overlap
    from regions r join grids g on g.community_code = r.code and g.retired_at is null
    where r.code = ${community} group by r.geom`.execute(ctx.database.db);
  return rows[0]!;
}

describe('reading grids', () => {
  it('a grid shows its 15-digit code, type, area, head and workers', async () => {
    const leader = await loginAs(ctx, { role: 'leader', scopeCode: county });
    const res = await leader.get(`/api/v1/grids/${chezhanGrid}`);
    expect(res.statusCode).toBe(200);
    const grid = res.json();
    expect(grid).toMatchObject({ code: chezhanGrid, type: 'comprehensive', communityCode: '370303001001', streetCode: chezhan, streetName: '车站街道', state: 'active' });
    expect(grid.name).toMatch(/第\d+网格$/);
    expect(grid.areaM2).toBeGreaterThan(1000);
    expect(grid.head.displayName.length).toBeGreaterThan(1);
    expect(grid.workers.length).toBeGreaterThanOrEqual(1);
    expect(grid.geometry.type).toBe('MultiPolygon');
  });
  it('a street officer of 车站街道 cannot read a grid of 公园街道', async () => {
    const officer = await loginAs(ctx, { role: 'leader', scopeCode: chezhan });
    expect((await officer.get(`/api/v1/grids/${chezhanGrid}`)).statusCode).toBe(200);
    const leak = await officer.get(`/api/v1/grids/${gongyuanGrid}`);
    expect(leak.statusCode).toBe(404);
    expect(problemCode(leak)).toBe('grid.not_found');
    const list = (await officer.get(`/api/v1/grids?region=${gongyuan}`)).json();
    expect(list.total).toBe(0);
    const layer = (await officer.get(`/api/v1/grids/geojson?region=${county}`)).json();
    expect(layer.features.length).toBeGreaterThan(0);
    expect(layer.features.every((f: { properties: { code: string } }) => f.properties.code.startsWith('370303001'))).toBe(true);
  });
  it('a grid worker sees only their grid', async () => {
    const worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: chezhanGrid });
    expect((await worker.get(`/api/v1/grids/${chezhanGrid}`)).statusCode).toBe(200);
    expect((await worker.get('/api/v1/grids/370303001001002')).statusCode).toBe(404);
    const list = (await worker.get('/api/v1/grids')).json();
    expect(list.items.map((g: { code: string }) => g.code)).toEqual([chezhanGrid]);
  });
  it('a citizen may not read grids (403); without a session 401; bad codes 400', async () => {
    const citizen = await loginAs(ctx, { role: 'citizen', scopeCode: county });
    expect(problemCode(await citizen.get(`/api/v1/grids/${chezhanGrid}`))).toBe('access.forbidden');
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/grids/${chezhanGrid}` })).statusCode).toBe(401);
    const leader = await loginAs(ctx, { role: 'leader', scopeCode: county });
    expect((await leader.get('/api/v1/grids/12345')).statusCode).toBe(400);
    expect((await leader.get('/api/v1/grids?pageSize=1000')).statusCode).toBe(400);
  });
  it('a department handler sees grids but not their staff', async () => {
    const handler = await loginAs(ctx, { role: 'handler', scopeCode: county });
    const grid = (await handler.get(`/api/v1/grids/${chezhanGrid}`)).json();
    expect(grid.head).toBeNull();
    expect(grid.workers).toEqual([]);
  });
  it('searches by name and code, paginated', async () => {
    const leader = await loginAs(ctx, { role: 'leader', scopeCode: county });
    const byCode = (await leader.get(`/api/v1/grids?q=${chezhanGrid}`)).json();
    expect(byCode.items.map((g: { code: string }) => g.code)).toEqual([chezhanGrid]);
    const page = (await leader.get(`/api/v1/grids?region=${chezhan}&page=2&pageSize=10`)).json();
    expect(page.items).toHaveLength(10);
    expect(page.total).toBeGreaterThan(20);
  });
});

describe('locate', () => {
  it('places a point in its grid, community, street and district without a session', async () => {
    const square = await squareInside(gongyuanGrid, 0);
    const [lng, lat] = square.coordinates[0]![0]!;
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/grids/locate?lng=${lng}&lat=${lat}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      grid: { code: gongyuanGrid },
      community: { code: '370303002001' },
      street: { code: gongyuan, name: '公园街道' },
      district: { code: county, name: '张店区' },
    });
    expect(JSON.stringify(res.json())).not.toMatch(/head|worker|displayName/);
  });
  it('answers 404 outside the platform and 400 for nonsense', async () => {
    const outside = await ctx.app.inject({ method: 'GET', url: '/api/v1/grids/locate?lng=116.39&lat=39.9' });
    expect(outside.statusCode).toBe(404);
    expect(problemCode(outside)).toBe('locate.outside');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/grids/locate?lng=abc&lat=36.8' })).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/grids/locate?lng=200&lat=36.8' })).statusCode).toBe(400);
  });
});

describe('administering grids', () => {
  const community = '370303001002';
  const target = `${community}001`;

  it('creates a grid: next sequence code, clipped, carved from its neighbours, audited, evented', async () => {
    const admin = await loginAs(ctx, { role: 'admin', scopeCode: county });
    const before = await ctx.database.db.selectFrom('grids').select(sql<number>`max(substr(code, 13, 3)::int)`.as('last')).where('community_code', '=', community).executeTakeFirstOrThrow();
    const res = await admin.send('POST', '/api/v1/grids', { communityCode: community, name: '火车站广场专属网格', type: 'dedicated', dedicatedKind: '广场', geometry: await squareInside(target) });
    expect(res.statusCode).toBe(201);
    const grid = res.json();
    expect(grid.code).toBe(`${community}${String(before.last + 1).padStart(3, '0')}`);
    expect(grid).toMatchObject({ type: 'dedicated', dedicatedKind: '广场', state: 'active' });
    expect(grid.areaM2).toBeGreaterThan(1000);
    const check = await communityAreaCheck(community);
    expect(check.gap).toBeLessThan(1e-6);
    expect(Math.abs(check.overlap)).toBeLessThan(1e-6);
    const audit = await ctx.database.db.selectFrom('audit_log').select('detail').where('action', '=', 'grid.create').where('target_id', '=', grid.code).executeTakeFirstOrThrow();
    expect((audit.detail as { carvedFrom: string[] }).carvedFrom).toContain(target);
    const event = await ctx.database.db.selectFrom('outbox').select('topic').where('aggregate_id', '=', grid.code).executeTakeFirstOrThrow();
    expect(event.topic).toBe('grid.create');
  });

  it('refuses a shape outside the community, a broken ring, and a non-community parent', async () => {
    const admin = await loginAs(ctx, { role: 'admin', scopeCode: county });
    const far = await admin.send('POST', '/api/v1/grids', { communityCode: community, name: '外部', geometry: await squareInside(gongyuanGrid) });
    expect(problemCode(far)).toBe('grid.outside_community');
    const open = await admin.send('POST', '/api/v1/grids', { communityCode: community, name: '坏', geometry: { type: 'Polygon', coordinates: [[[118, 36], [118.1, 36], [118.1, 36.1], [118, 36.2]]] } });
    expect(open.statusCode).toBe(400);
    const street = await admin.send('POST', '/api/v1/grids', { communityCode: chezhan, name: '街道', geometry: await squareInside(target) });
    expect(problemCode(street)).toBe('region.not_community');
    const whole = (await sql<{ g: string }>`select st_asgeojson(geom) as g from regions where code = ${community}`.execute(ctx.database.db)).rows[0]!.g;
    const swallow = await admin.send('PATCH', `/api/v1/grids/${target}`, { geometry: JSON.parse(whole) });
    expect(problemCode(swallow)).toBe('grid.swallows_neighbour');
  });

  it('only administrators write; another street is not found; no session is 401', async () => {
    const officer = await loginAs(ctx, { role: 'leader', scopeCode: chezhan });
    const forbidden = await officer.send('PATCH', `/api/v1/grids/${target}`, { name: '改名' });
    expect(forbidden.statusCode).toBe(403);
    const streetAdmin = await loginAs(ctx, { role: 'admin', scopeCode: chezhan });
    const other = await streetAdmin.send('PATCH', `/api/v1/grids/${gongyuanGrid}`, { name: '改名' });
    expect(other.statusCode).toBe(404);
    const otherCreate = await streetAdmin.send('POST', '/api/v1/grids', { communityCode: '370303002001', name: 'x', geometry: await squareInside(gongyuanGrid) });
    expect(otherCreate.statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'PATCH', url: `/api/v1/grids/${target}`, payload: { name: 'x' } })).statusCode).toBe(401);
    expect((await streetAdmin.send('PATCH', `/api/v1/grids/${target}`, {})).statusCode).toBe(400);
  });

  it('edits, redraws and retires a grid; a retired grid cannot change', async () => {
    const admin = await loginAs(ctx, { role: 'admin', scopeCode: county });
    const renamed = await admin.send('PATCH', `/api/v1/grids/${target}`, { name: '站前第一网格' });
    expect(renamed.json().name).toBe('站前第一网格');
    const neighbour = `${community}002`;
    const redrawn = await admin.send('PATCH', `/api/v1/grids/${target}`, { geometry: await squareInside(neighbour, 0.0001) });
    expect(redrawn.statusCode).toBe(200);
    const check = await communityAreaCheck(community);
    expect(Math.abs(check.overlap)).toBeLessThan(1e-6);
    const retired = await admin.send('POST', `/api/v1/grids/${target}/retire`, { reason: '并入相邻网格' });
    expect(retired.json()).toMatchObject({ state: 'retired', retiredReason: '并入相邻网格' });
    expect(problemCode(await admin.send('PATCH', `/api/v1/grids/${target}`, { name: 'x' }))).toBe('grid.retired');
    const retiredList = (await admin.get(`/api/v1/grids?region=${community}&state=retired`)).json();
    expect(retiredList.items.map((g: { code: string }) => g.code)).toContain(target);
  });

  it('assigns a head and workers whose scope covers the grid', async () => {
    const admin = await loginAs(ctx, { role: 'admin', scopeCode: county });
    const grid = `${community}003`;
    const head = await createUser(ctx, { role: 'leader', scopeCode: community });
    const worker = await createUser(ctx, { role: 'grid_worker', scopeCode: grid });
    const stranger = await createUser(ctx, { role: 'grid_worker', scopeCode: gongyuanGrid });
    const res = await admin.send('PUT', `/api/v1/grids/${grid}/staff`, { headUserId: head.id, workerUserIds: [worker.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json().head.id).toBe(head.id);
    expect(res.json().workers.map((w: { id: string }) => w.id)).toEqual([worker.id]);
    const wrong = await admin.send('PUT', `/api/v1/grids/${grid}/staff`, { headUserId: null, workerUserIds: [stranger.id] });
    expect(problemCode(wrong)).toBe('grid.staff_invalid');
    const notWorker = await admin.send('PUT', `/api/v1/grids/${grid}/staff`, { headUserId: null, workerUserIds: [head.id] });
    expect(problemCode(notWorker)).toBe('grid.staff_invalid');
    const dispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
    expect((await dispatcher.send('PUT', `/api/v1/grids/${grid}/staff`, { headUserId: null, workerUserIds: [] })).statusCode).toBe(403);
    expect((await admin.send('PUT', `/api/v1/grids/${grid}/staff`, { headUserId: 'nope', workerUserIds: [] })).statusCode).toBe(400);
  });
});

describe('uploading a community\'s real grids', () => {
  const community = '370303005003';
  const half = async (upper: boolean) => {
    const { rows } = await sql<{ g: string }>`
      select st_asgeojson(st_union(geom)) as g from grids
      where community_code = ${community} and retired_at is null
        and (substr(code, 13, 3)::int > (select count(*) / 2 from grids where community_code = ${community})) = ${upper}`.execute(ctx.database.db);
    return JSON.parse(rows[0]!.g);
  };

  it('replaces the generated grids: old ones retired, new ones numbered after them in reading order', async () => {
    const admin = await loginAs(ctx, { role: 'admin', scopeCode: county });
    const before = await ctx.database.db.selectFrom('grids').select('code').where('community_code', '=', community).where('retired_at', 'is', null).execute();
    const features = [
      { type: 'Feature', properties: { name: '南片网格' }, geometry: await half(true) },
      { type: 'Feature', properties: { name: '北片网格', type: 'comprehensive' }, geometry: await half(false) },
    ];
    const overlapping = await admin.send('PUT', `/api/v1/regions/${community}/grids`, { type: 'FeatureCollection', features: [features[0], features[0]] });
    expect(problemCode(overlapping)).toBe('grid.upload_overlap');
    const officer = await loginAs(ctx, { role: 'leader', scopeCode: county });
    expect((await officer.send('PUT', `/api/v1/regions/${community}/grids`, { type: 'FeatureCollection', features })).statusCode).toBe(403);

    const res = await admin.send('PUT', `/api/v1/regions/${community}/grids`, { type: 'FeatureCollection', features });
    expect(res.statusCode).toBe(200);
    const { retired, created } = res.json();
    expect(retired.sort()).toEqual(before.map((b) => b.code).sort());
    const next = before.length + 1;
    expect(created).toEqual([`${community}${String(next).padStart(3, '0')}`, `${community}${String(next + 1).padStart(3, '0')}`]);
    // reading order: the northern half gets the first new number
    expect((await admin.get(`/api/v1/grids/${created[0]}`)).json().name).toBe('北片网格');
    const check = await communityAreaCheck(community);
    expect(check.gap).toBeLessThan(1e-6);
    expect(Math.abs(check.overlap)).toBeLessThan(1e-6);
  });
});
