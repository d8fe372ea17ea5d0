import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { writeOf, type Provenance } from './precedence.js';

/** For each field, the source, time and author of the write that set its value (一数一源, shown on records). */
export async function provenanceOf(db: Kysely<DB>, provenance: Provenance, fields: string[]) {
  const ids = [...new Set(Object.values(provenance))];
  if (ids.length === 0) return {};
  const writes = await db
    .selectFrom('data_writes as w')
    .innerJoin('data_sources as s', 's.code', 'w.source_code')
    .select(['w.id', 'w.source_code', 's.name', 'w.at', 'w.actor_name'])
    .where('w.id', 'in', ids)
    .execute();
  const byId = new Map(writes.map((w) => [Number(w.id), w]));
  const result: Record<string, { source: string; sourceName: string; at: string; by: string | null }> = {};
  for (const field of fields) {
    const w = byId.get(writeOf(provenance, field) ?? -1);
    if (w) result[field] = { source: w.source_code, sourceName: w.name, at: w.at.toISOString(), by: w.actor_name };
  }
  return result;
}
