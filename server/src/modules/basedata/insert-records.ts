import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Bytes as PostgreSQL's hex text for bytea (`\x…`), so they can travel inside JSON. */
export const hexBytes = (bytes: Buffer) => `\\x${bytes.toString('hex')}`;

/**
 * Inserts many rows as one JSON parameter expanded by json_populate_recordset. A thousand wide rows
 * as ordinary parameters cost PostgreSQL more to bind (tens of thousands of values) than to insert;
 * one JSON document is parsed once. Columns missing from the objects take their defaults.
 */
export async function insertRecords(db: Kysely<DB>, table: 'people' | 'organisations' | 'dwellings', records: Record<string, unknown>[]) {
  if (records.length === 0) return;
  const columns = Object.keys(records[0]!);
  const list = sql.join(columns.map((c) => sql.ref(c)));
  await sql`insert into ${sql.table(table)} (${list})
    select ${list} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(records)}::json)`.execute(db);
}
