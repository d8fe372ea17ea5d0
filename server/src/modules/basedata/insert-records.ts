import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** How a column travels: as text, turned into its type by one SQL expression per column. */
export type ColumnKind = 'text' | 'uuid' | 'date' | 'int' | 'bytea' | 'jsonb' | 'text[]';

const elementSeparator = '\u001f';
const rowSeparator = '\u001e';
const castOf: Record<ColumnKind, (c: ReturnType<typeof sql.ref>) => ReturnType<typeof sql>> = {
  text: (c) => sql`${c}`,
  uuid: (c) => sql`${c}::uuid`,
  date: (c) => sql`${c}::date`,
  int: (c) => sql`${c}::int`,
  bytea: (c) => sql`decode(${c}, 'hex')`,
  jsonb: (c) => sql`${c}::jsonb`,
  'text[]': (c) => sql`string_to_array(${c}, ${elementSeparator})`,
};

/**
 * Kinds whose text never holds a control character (JSON escapes them; hex, uuids, dates and numbers
 * have none) and is never empty: a column of them travels as one string split by PostgreSQL, which
 * costs both sides far less than an array literal of quoted, escaped JSON documents.
 */
const splittable = new Set<ColumnKind>(['uuid', 'date', 'int', 'bytea', 'jsonb']);

/** The text of a text[] column's value: what insertColumns takes for it (so a worker thread can prepare it). */
export const textArrayText = (values: readonly string[]) => values.join(elementSeparator);

/** A value as the text its column travels in; strings are taken to be that text already. */
function asText(kind: ColumnKind, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (kind === 'bytea') return (value as Buffer).toString('hex');
  if (kind === 'jsonb') return JSON.stringify(value);
  if (kind === 'text[]') return textArrayText(value as string[]);
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
  const names = sql.join(columns.map((c) => sql.ref(c)));
  const unnested = sql.join(
    columns.map((c) => {
      const kind = kinds[c]!;
      const texts = records.map((r) => asText(kind, r[c]));
      // an empty piece of a split column is NULL
      return splittable.has(kind) ? sql`string_to_array(${texts.map((t) => t ?? '').join(rowSeparator)}::text, ${rowSeparator}, '')` : sql`${texts}::text[]`;
    }),
  );
  const casts = sql.join(columns.map((c) => castOf[kinds[c]!](sql.ref(`u.${c}`))));
  await sql`insert into ${sql.table(table)} (${names}) select ${casts} from unnest(${unnested}) as u(${names})`.execute(db);
}
