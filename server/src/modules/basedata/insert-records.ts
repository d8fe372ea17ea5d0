import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** How a column travels: as text, turned into its type by one SQL expression per column. */
export type ColumnKind = 'text' | 'uuid' | 'date' | 'int' | 'bytea' | 'jsonb' | 'text[]';

const separator = '\u001f';
const castOf: Record<ColumnKind, (c: ReturnType<typeof sql.ref>) => ReturnType<typeof sql>> = {
  text: (c) => sql`${c}`,
  uuid: (c) => sql`${c}::uuid`,
  date: (c) => sql`${c}::date`,
  int: (c) => sql`${c}::int`,
  bytea: (c) => sql`decode(${c}, 'hex')`,
  jsonb: (c) => sql`${c}::jsonb`,
  'text[]': (c) => sql`string_to_array(${c}, ${separator})`,
};

/** A value as the text its column travels in. */
function asText(kind: ColumnKind, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (kind === 'bytea') return (value as Buffer).toString('hex');
  if (kind === 'jsonb') return JSON.stringify(value);
  if (kind === 'text[]') return (value as string[]).join(separator);
  return String(value);
}

/**
 * Inserts many rows with one text array per column, expanded by unnest. A thousand wide rows as
 * ordinary parameters (17,000 values) cost PostgreSQL more to bind than to insert, and one JSON document
 * expanded by json_populate_recordset converts every field of every row through a generic path; a
 * text array per column is parsed once per column.
 */
export async function insertColumns(db: Kysely<DB>, table: 'people' | 'organisations' | 'dwellings', kinds: Record<string, ColumnKind>, records: Record<string, unknown>[]) {
  if (records.length === 0) return;
  const columns = Object.keys(kinds);
  const arrays = columns.map((c) => records.map((r) => asText(kinds[c]!, r[c])));
  const names = sql.join(columns.map((c) => sql.ref(c)));
  const unnested = sql.join(arrays.map((a) => sql`${a}::text[]`));
  const casts = sql.join(columns.map((c) => castOf[kinds[c]!](sql.ref(`u.${c}`))));
  await sql`insert into ${sql.table(table)} (${names}) select ${casts} from unnest(${unnested}) as u(${names})`.execute(db);
}
