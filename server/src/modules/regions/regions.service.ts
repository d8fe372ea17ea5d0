import type { RegionDetail, RegionTreeNode } from '@gongzhi/contracts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { coversCode, isAncestorOfScope, requirePermission, significantPrefix, type Principal } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { featureCollection } from './geojson.js';

type Level = DB['regions']['level'];
const levelDepth: Record<Level, number> = { province: 0, city: 1, county: 2, township: 3, village: 4 };

/** Regions a principal may see: inside the scope, or an ancestor of it (division names and outlines are public). */
const visible = (p: Principal, code: string) => coversCode(p.scopeCode, code) || isAncestorOfScope(p.scopeCode, code);

async function findRegion(db: Kysely<DB>, p: Principal, code: string) {
  const row = await db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code', 'boundary_source']).where('code', '=', code).executeTakeFirst();
  if (!row || !visible(p, code)) throw notFound('region.not_found', { code });
  return row;
}

/** The tree from the scope's county (or the scope itself, when it is wider) down to communities. */
export async function regionTree(db: Kysely<DB>, actor: Principal): Promise<RegionTreeNode> {
  requirePermission(actor, 'region:read');
  const scope = actor.scopeCode;
  const rootCode = significantPrefix(scope).length <= 6 ? scope.slice(0, 12) : `${scope.slice(0, 6)}000000`;
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name', 'level', 'parent_code'])
    .where('code', 'like', `${significantPrefix(rootCode)}%`)
    .orderBy('code')
    .execute();
  const counts = await db
    .selectFrom('grids')
    .select(['community_code', sql<number>`count(*)::int`.as('n')])
    .where('retired_at', 'is', null)
    .where('code', 'like', `${significantPrefix(scope)}%`)
    .groupBy('community_code')
    .execute();
  const gridCount = new Map(counts.map((c) => [c.community_code, c.n]));
  const nodes = new Map<string, RegionTreeNode>();
  for (const r of rows) {
    if (!visible(actor, r.code)) continue;
    nodes.set(r.code, { code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, gridCount: gridCount.get(r.code) ?? 0, children: [] });
  }
  for (const node of nodes.values()) if (node.parentCode) nodes.get(node.parentCode)?.children.push(node);
  const root = nodes.get(rootCode);
  if (!root) throw notFound('region.not_found', { code: rootCode });
  const total = (n: RegionTreeNode): number => (n.children.length ? (n.gridCount = n.children.reduce((s, c) => s + total(c), 0)) : n.gridCount);
  total(root);
  return root;
}

export async function regionDetail(db: Kysely<DB>, actor: Principal, code: string): Promise<RegionDetail> {
  requirePermission(actor, 'region:read');
  const region = await findRegion(db, actor, code);
  const prefix = significantPrefix(code);
  const inScope = significantPrefix(actor.scopeCode);
  const [stats, ancestors] = await Promise.all([
    sql<{ area_km2: number | null; grids: number; children: number }>`
      select (select st_area(geom::geography) / 1e6 from regions where code = ${code}) as area_km2,
             (select count(*)::int from grids where retired_at is null and code like ${`${prefix}%`} and code like ${`${inScope}%`}) as grids,
             (select count(*)::int from regions where parent_code = ${code}) as children`.execute(db),
    db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code']).where('code', 'in', ancestorCodes(code)).execute(),
  ]);
  const s = stats.rows[0]!;
  return {
    code: region.code,
    name: region.name,
    level: region.level,
    parentCode: region.parent_code,
    areaKm2: Math.round((s.area_km2 ?? 0) * 1000) / 1000,
    gridCount: s.grids,
    childCount: s.children,
    boundarySource: region.boundary_source,
    ancestors: ancestors
      .sort((a, b) => levelDepth[a.level] - levelDepth[b.level])
      .map((a) => ({ code: a.code, name: a.name, level: a.level, parentCode: a.parent_code })),
  };
}

/** The 12-digit codes above a division code, from the province down. */
export function ancestorCodes(code: string): string[] {
  const prefix = significantPrefix(code);
  return [2, 4, 6, 9].filter((n) => n < prefix.length).map((n) => code.slice(0, n).padEnd(12, '0'));
}

export async function regionBoundary(db: Kysely<DB>, actor: Principal, code: string) {
  requirePermission(actor, 'region:read');
  await findRegion(db, actor, code);
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name', 'level', sql<string>`st_asgeojson(geom, 6)`.as('geometry')])
    .where('code', '=', code)
    .where('geom', 'is not', null)
    .execute();
  return featureCollection(rows, (r) => ({ code: r.code, name: r.name, level: r.level }));
}

export async function regionChildren(db: Kysely<DB>, actor: Principal, code: string) {
  requirePermission(actor, 'region:read');
  await findRegion(db, actor, code);
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name', 'level', sql<string>`st_asgeojson(geom, 6)`.as('geometry')])
    .where('parent_code', '=', code)
    .where('geom', 'is not', null)
    .orderBy('code')
    .execute();
  return featureCollection(rows.filter((r) => visible(actor, r.code)), (r) => ({ code: r.code, name: r.name, level: r.level }));
}

/** For other modules: the name of a scope code (division or grid), or the code itself when unknown. */
export async function scopeName(db: Kysely<DB>, code: string): Promise<string> {
  if (code.length === 15) {
    const grid = await db.selectFrom('grids').select('name').where('code', '=', code).executeTakeFirst();
    return grid?.name ?? code;
  }
  const region = await db.selectFrom('regions').select('name').where('code', '=', code).executeTakeFirst();
  return region?.name ?? code;
}

/** For other modules: true when the code is a known division or an active grid. */
export async function scopeExists(db: Kysely<DB>, code: string): Promise<boolean> {
  const row =
    code.length === 15
      ? await db.selectFrom('grids').select('code').where('code', '=', code).where('retired_at', 'is', null).executeTakeFirst()
      : await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst();
  return Boolean(row);
}

/** For other modules: names of divisions, for display. */
export async function regionNames(db: Kysely<DB>, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', [...new Set(codes)]).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Names of division codes (12 digits) and grid codes (15) together, for breakdowns that mix levels. */
export async function regionAndGridNames(db: Kysely<DB>, codes: readonly string[]): Promise<Map<string, string>> {
  const grids = codes.filter((c) => c.length === 15);
  const [regions, gridRows] = await Promise.all([
    regionNames(db, codes.filter((c) => c.length === 12)),
    grids.length ? db.selectFrom('grids').select(['code', 'name']).where('code', 'in', grids).execute() : Promise.resolve([]),
  ]);
  for (const g of gridRows) regions.set(g.code, g.name);
  return regions;
}
