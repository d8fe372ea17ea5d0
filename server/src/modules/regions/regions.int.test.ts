import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { chezhan, county, gongyuan, loginAs, problemCode, useTestApp } from '../../test/harness.js';

const ctx = useTestApp();

describe('region tree', () => {
  it('shows 张店区 with its 13 real streets and 304 real communities to a district account', async () => {
    const leader = await loginAs(ctx, { role: 'leader', scopeCode: county });
    const res = await leader.get('/api/v1/regions/tree');
    expect(res.statusCode).toBe(200);
    const root = res.json().root;
    expect(root).toMatchObject({ code: county, name: '张店区', level: 'county' });
    expect(root.children).toHaveLength(13);
    expect(root.children.map((s: { name: string }) => s.name)).toContain('车站街道');
    const communities = root.children.flatMap((s: { children: unknown[] }) => s.children);
    expect(communities).toHaveLength(304);
    const { total } = await ctx.database.db.selectFrom('grids').select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
    expect(root.gridCount).toBe(total);
  });
  it('shows a street officer only their street', async () => {
    const officer = await loginAs(ctx, { role: 'leader', scopeCode: chezhan });
    const root = (await officer.get('/api/v1/regions/tree')).json().root;
    expect(root.children.map((s: { code: string }) => s.code)).toEqual([chezhan]);
    expect(root.children[0].children).toHaveLength(11);
  });
  it('needs a session', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/regions/tree' });
    expect(res.statusCode).toBe(401);
    expect(problemCode(res)).toBe('auth.required');
  });
});

describe('region detail and boundaries', () => {
  it('gives a street its area, grid count and ancestors', async () => {
    const leader = await loginAs(ctx, { role: 'leader', scopeCode: county });
    const res = await leader.get(`/api/v1/regions/${chezhan}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: chezhan, name: '车站街道', level: 'township', childCount: 11, boundarySource: 'generated' });
    expect(res.json().ancestors.map((a: { name: string }) => a.name)).toEqual(['山东省', '淄博市', '张店区']);
    expect(res.json().areaKm2).toBeGreaterThan(1);
  });
  it('hides another street from a street officer (404), refuses bad codes (400)', async () => {
    const officer = await loginAs(ctx, { role: 'leader', scopeCode: chezhan });
    const other = await officer.get(`/api/v1/regions/${gongyuan}`);
    expect(other.statusCode).toBe(404);
    expect(problemCode(other)).toBe('region.not_found');
    expect((await officer.get(`/api/v1/regions/${gongyuan}/children.geojson`)).statusCode).toBe(404);
    expect((await officer.get(`/api/v1/regions/${county}`)).statusCode).toBe(200); // the district above is public context
    const bad = await officer.get('/api/v1/regions/3703');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'code', code: 'division_code.format' });
  });
  it('serves child boundaries as GeoJSON, only those in scope', async () => {
    const leader = await loginAs(ctx, { role: 'leader', scopeCode: county });
    const all = (await leader.get(`/api/v1/regions/${county}/children.geojson`)).json();
    expect(all.type).toBe('FeatureCollection');
    expect(all.features).toHaveLength(13);
    expect(all.features[0].geometry.type).toBe('MultiPolygon');
    const officer = await loginAs(ctx, { role: 'leader', scopeCode: chezhan });
    const mine = (await officer.get(`/api/v1/regions/${county}/children.geojson`)).json();
    expect(mine.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([chezhan]);
  });
  it('lets a data administrator replace a generated boundary with a real one; not a citizen', async () => {
    const community = '370303001003';
    const { rows } = await sql<{ g: string }>`select st_asgeojson(geom) as g from regions where code = ${community}`.execute(ctx.database.db);
    const geometry = JSON.parse(rows[0]!.g);
    const citizen = await loginAs(ctx, { role: 'citizen', scopeCode: county });
    expect((await citizen.send('PUT', `/api/v1/regions/${community}/boundary`, { geometry })).statusCode).toBe(403);
    const dataAdmin = await loginAs(ctx, { role: 'data_admin', scopeCode: county });
    const res = await dataAdmin.send('PUT', `/api/v1/regions/${community}/boundary`, { geometry });
    expect(res.statusCode).toBe(200);
    expect(res.json().boundarySource).toBe('uploaded');
    const bad = await dataAdmin.send('PUT', `/api/v1/regions/${community}/boundary`, { geometry: { type: 'Polygon', coordinates: [[[1, 2]]] } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the generated partition tiles in PostGIS', () => {
  // Relative gap/overlap against the parent's area; floating-point edges leave ~1e-12.
  const tolerance = 1e-6;
  // By areas: gap = parent − union of children, overlap = sum of children − their union. (ST_Difference of
  // the generated shapes trips a GEOS TopologyException inside PGlite; the unit tests check differences.)
  async function tilingError(parentCode: string, children: ReturnType<typeof sql>) {
    const { rows } = await sql<{ gap: number; overlap: number }>`
      with p as (select geom from regions where code = ${parentCode}), k as (${children})
      select (st_area((select geom from p)) - st_area((select st_union(geom) from k))) / st_area((select geom from p)) as gap,
             ((select sum(st_area(geom)) from k) - st_area((select st_union(geom) from k))) / st_area((select geom from p)) as overlap
      where st_coveredby((select st_union(geom) from k), st_buffer((select geom from p), 1e-7))`.execute(ctx.database.db);
    if (!rows[0]) throw new Error(`children of ${parentCode} reach outside it`);
    return { gap: Math.abs(rows[0].gap), overlap: Math.abs(rows[0].overlap) };
  }
  it('streets tile the district', async () => {
    const e = await tilingError(county, sql`select geom from regions where parent_code = ${county}`);
    expect(e.gap).toBeLessThan(tolerance);
    expect(e.overlap).toBeLessThan(tolerance);
  });
  it('communities tile each street and grids tile each community', async () => {
    const parents = await ctx.database.db.selectFrom('regions').select(['code', 'level']).where('level', 'in', ['township', 'village']).where('code', 'like', '370303%').execute();
    expect(parents).toHaveLength(13 + 304);
    let worst = { gap: 0, overlap: 0 };
    for (const { code, level } of parents) {
      const e = await tilingError(code, level === 'township'
        ? sql`select geom from regions where parent_code = ${code}`
        : sql`select geom from grids where community_code = ${code} and retired_at is null`);
      worst = { gap: Math.max(worst.gap, e.gap), overlap: Math.max(worst.overlap, e.overlap) };
    }
    expect(worst.gap).toBeLessThan(tolerance);
    expect(worst.overlap).toBeLessThan(tolerance);
  });
});
