import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Principal } from '../../platform/access.js';
import { badRequest } from '../../platform/errors.js';

/**
 * The source of each write, kept per process: a write's source never changes, and every merge needs
 * the sources of the writes a record's values came from.
 */
const known = new WeakMap<Kysely<DB>, Map<number, string>>();
const maxKept = 200_000;

export async function sourcesOfWrites(db: Kysely<DB>, cacheKey: Kysely<DB>, ids: Iterable<number>): Promise<Map<number, string>> {
  let cache = known.get(cacheKey);
  if (!cache) known.set(cacheKey, (cache = new Map()));
  const missing = [...new Set(ids)].filter((id) => !cache.has(id));
  if (missing.length > 0) {
    const rows = await db.selectFrom('data_writes').select(['id', 'source_code']).where('id', 'in', missing).execute();
    if (cache.size + rows.length > maxKept) cache.clear();
    for (const r of rows) cache.set(Number(r.id), r.source_code);
  }
  return cache;
}

/** Opens a write (a form saved, an import run): every value it sets points at it. */
export async function openWrite(
  db: Kysely<DB>,
  input: { sourceCode: string; actor: Principal | null; importId?: string | null },
): Promise<{ id: number; source: string }> {
  const source = await db.selectFrom('data_sources').select('code').where('code', '=', input.sourceCode).executeTakeFirst();
  if (!source) throw badRequest('basedata.source_unknown', { code: input.sourceCode });
  const row = await db
    .insertInto('data_writes')
    .values({ source_code: input.sourceCode, actor_id: input.actor?.kind === 'user' ? input.actor.id : null, actor_name: input.actor?.displayName ?? null, import_id: input.importId ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), source: input.sourceCode };
}

/** Which source is authoritative for each field of an entity. */
export async function authoritiesOf(db: Kysely<DB>, entity: string): Promise<Record<string, string>> {
  const rows = await db.selectFrom('field_authorities').select(['field', 'source_code']).where('entity', '=', entity as never).execute();
  return Object.fromEntries(rows.map((r) => [r.field, r.source_code]));
}
