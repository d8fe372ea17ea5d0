import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { significantPrefix } from '../../platform/access.js';

/**
 * The division the platform governs: the smallest one holding every grid (张店区 in the demo, whose
 * regions table also holds 山东省 and 淄博市 as context). New citizen accounts get it as their scope,
 * like the demo's citizen. Without grids, the top region on the platform.
 */
export async function topDivision(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ lo: string | null; hi: string | null }>`select min(code) as lo, max(code) as hi from grids`.execute(db);
  const { lo, hi } = rows[0] ?? { lo: null, hi: null };
  if (lo && hi) {
    let shared = '';
    while (shared.length < 12 && lo[shared.length] === hi[shared.length]) shared += lo[shared.length];
    // a division's significant prefix has 2, 4, 6, 9 or 12 digits
    const len = [12, 9, 6, 4, 2, 0].find((n) => n <= shared.length)!;
    return shared.slice(0, len).padEnd(12, '0');
  }
  const top = await db.selectFrom('regions').select('code').orderBy(sql`length(rtrim(code, '0'))`).orderBy('code').limit(1).executeTakeFirst();
  return top ? significantPrefix(top.code).padEnd(12, '0') : '000000000000';
}
