import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

export interface BulkOptions {
  chunk?: number;
  /** Columns computed from the record's fields, e.g. `{ location: 'st_setsrid(st_point(lng, lat), 4326)' }`. */
  computed?: Readonly<Record<string, string>>;
  /** Fields that only feed a computed column. */
  recordOnly?: readonly string[];
}

/**
 * Inserts rows in chunks, each chunk one JSON text parameter unpacked by json_to_recordset: on the
 * embedded database one string crosses into WebAssembly much faster than a parameter per cell or an
 * array per column. Rows are arrays in the order of `spec` ([name, SQL type]); a `bytea` field arrives as
 * base64. For the demo seeds, where every row is new and trusted.
 */
export async function insertJson(db: Kysely<DB>, table: string, spec: ReadonlyArray<readonly [string, string]>, rows: readonly unknown[][], options: BulkOptions = {}) {
  const { chunk = 1000, computed = {}, recordOnly = [] } = options;
  // the record's fields are f0, f1, …: short keys keep the JSON (and the copy into the database) small
  const key = new Map(spec.map(([n], k) => [n, `f${k}`]));
  const type = new Map(spec);
  const fields = spec.map(([n]) => n).filter((n) => !recordOnly.includes(n));
  const value = (n: string) => (type.get(n) === 'bytea' ? `decode(${key.get(n)}, 'base64')` : key.get(n));
  const columns = sql.raw([...fields, ...Object.keys(computed)].join(', '));
  const values = sql.raw([...fields.map(value), ...Object.values(computed).map((e) => e.replace(/\b\w+\b/g, (w) => key.get(w) ?? w))].join(', '));
  const record = sql.raw(spec.map(([n, t]) => `${key.get(n)} ${t === 'bytea' ? 'text' : t}`).join(', '));
  const keys = spec.map(([n]) => key.get(n)!);
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(rows.slice(i, i + chunk).map((r) => Object.fromEntries(keys.map((k, j) => [k, r[j]]))));
    await sql`insert into ${sql.raw(table)} (${columns}) select ${values} from json_to_recordset(${json}::json) as t(${record})`.execute(db);
  }
}

/** The same for rows as objects: `fields` names each field's SQL type. */
export async function insertJsonRecords(
  db: Kysely<DB>, table: string, rows: readonly Record<string, unknown>[], spec: BulkOptions & { fields: Readonly<Record<string, string>> },
) {
  const entries = Object.entries(spec.fields);
  await insertJson(db, table, entries, rows.map((r) => entries.map(([n]) => r[n])), spec);
}
