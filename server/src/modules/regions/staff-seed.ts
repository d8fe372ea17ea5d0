import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Bulk staffing for the demo seed: (grid code, user id, duty) triples. */
export async function seedGridStaff(db: Kysely<DB>, links: Array<{ gridCode: string; userId: string; duty: 'head' | 'worker' }>) {
  const grids = new Map((await db.selectFrom('grids').select(['id', 'code']).execute()).map((g) => [g.code, g.id]));
  const rows = links.map((l) => ({ grid_id: grids.get(l.gridCode)!, user_id: l.userId, duty: l.duty }));
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('grid_staff').values(rows.slice(i, i + 1000)).execute();
}

export async function gridCodesByCommunity(db: Kysely<DB>) {
  const rows = await db.selectFrom('grids').select(['code', 'community_code']).where('retired_at', 'is', null).orderBy('code').execute();
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.community_code, [...(map.get(r.community_code) ?? []), r.code]);
  return map;
}
