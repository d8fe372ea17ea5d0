import { sql, type Kysely } from 'kysely';
import type { BaseEntity, DB } from '../../db/schema.js';
import { shapes } from './entities.js';
import type { Provenance } from './precedence.js';

/** A date column as 'YYYY-MM-DD' text on both PGlite and node-postgres (which would make a local-midnight Date of it). */
export const dayText = (ref: string) => sql<string | null>`to_char(${sql.ref(ref)}, 'YYYY-MM-DD')`;

/** A record's extra values as the flat strings forms, merges and pages work with. */
export function extraValues(extra: Record<string, unknown>): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  for (const k in extra) values[k] = extra[k] === null || extra[k] === undefined ? null : String(extra[k]);
  return values;
}

/**
 * Writes the changed values of a merged record with its new provenance: a column takes its value (or
 * what `columnsFor` makes of it, e.g. a name with its search grams), any other field goes into `extra`.
 */
export async function updateRecord(
  db: Kysely<DB>, entity: BaseEntity, id: string, changes: Record<string, string>, provenance: Provenance,
  columnsFor: (key: string, value: string) => Record<string, unknown> | undefined = () => undefined,
) {
  const set: Record<string, unknown> = { provenance: JSON.stringify(provenance), version: sql`version + 1`, updated_at: sql`now()` };
  const extra: Record<string, string> = {};
  for (const [k, value] of Object.entries(changes)) {
    const special = columnsFor(k, value);
    if (special) Object.assign(set, special);
    else if (shapes[entity].columns.has(k)) set[k] = value;
    else extra[k] = value;
  }
  if (Object.keys(extra).length) set.extra = sql`extra || ${JSON.stringify(extra)}::jsonb`;
  await db.updateTable(shapes[entity].table).set(set as never).where('id', '=', id).execute();
}
