import type { Kysely } from 'kysely';
import type { BaseEntity, DB } from '../../db/schema.js';
import type { Principal } from '../../platform/access.js';
import { timeOrderedUuid } from '../../platform/ids.js';
import type { PiiKeys } from '../../platform/pii.js';
import { mergeRecord, type Provenance } from './precedence.js';
import type { ValueError } from './validate.js';
import { sourcesOfWrites } from './write-sources.js';

/** What one batch of writes needs: the transaction, the write it belongs to and who makes it. */
export interface WriteContext {
  db: Kysely<DB>;
  /** The database handle outside the transaction (the per-process cache of write sources is keyed on it). */
  root: Kysely<DB>;
  pii: PiiKeys;
  actor: Principal;
  write: { id: number; source: string };
  authorities: Record<string, string>;
  /** 'YYYY-MM-DD' in China time: the day moves in and out happen when no date is given. */
  today: string;
  /**
   * Fields a new record must have. Imports check only the format of what a file carries (a department
   * file may update a few fields of existing records); a row that creates a record needs these.
   */
  requiredOnInsert?: readonly { key: string; label: string }[];
}

export interface IncomingRow {
  rowNo: number;
  /** Validated, normalised values (see validate.ts). */
  values: Record<string, string | null>;
  /** Set by forms that edit one known record; imports match on the entity's key instead. */
  recordId?: string;
  /** Columns a new record would take, computed from the values beforehand (see personColumnTexts). */
  precomputed?: Record<string, string | null>;
}

export interface RowOutcome {
  rowNo: number;
  status: 'inserted' | 'updated' | 'unchanged' | 'failed';
  id?: string;
  discrepancies: number;
  errors: ValueError[];
}

/** A row ready to merge: its matching key, its values as compared (personal data as keyed hashes). */
export interface PreparedRow {
  rowNo: number;
  key: string | null;
  recordId?: string;
  compared: Record<string, string | null>;
  /** Plain values the adapter needs to write (personal data to encrypt, a resolved dwelling …). */
  row: IncomingRow;
  gridCode: string;
  context: Record<string, unknown>;
}

export interface ExistingRecord {
  id: string;
  key: string | null;
  gridCode: string;
  compared: Record<string, string | null>;
  provenance: Provenance;
}

/** What differs per entity: keys, places, columns. */
export interface EntityAdapter {
  entity: BaseEntity;
  /** Resolves keys and places; a row that cannot be placed fails here. */
  prepare(ctx: WriteContext, rows: IncomingRow[]): Promise<(PreparedRow | RowOutcome)[]>;
  load(ctx: WriteContext, keys: string[], ids: string[]): Promise<ExistingRecord[]>;
  insert(ctx: WriteContext, rows: { id: string; row: PreparedRow }[]): Promise<void>;
  update(ctx: WriteContext, existing: ExistingRecord, row: PreparedRow, changes: Record<string, string>, provenance: Provenance): Promise<void>;
  /** How a discrepancy shows a value of this field (personal data masked or sealed, never plain). */
  storedValue(ctx: WriteContext, field: string, value: string | null, row?: PreparedRow): string | null;
  /** What a row of this entity is called in the message about a repeated row. */
  noun: string;
}

/**
 * Writes a batch of rows of one entity under the rules of 一数一源 (precedence.ts): new records are
 * inserted, existing ones (matched on their key: ID number hash, address code, credit code) merged,
 * disagreements with authoritative values recorded as discrepancies. A key that occurs twice in one
 * write is used once; the repeat is reported. Runs inside the caller's transaction.
 */
export async function writeBatch(ctx: WriteContext, adapter: EntityAdapter, rows: IncomingRow[]): Promise<RowOutcome[]> {
  const prepared = await adapter.prepare(ctx, rows);
  const outcomes = new Map<number, RowOutcome>();
  const ready: PreparedRow[] = [];
  const firstRowOfKey = new Map<string, number>();
  for (const p of prepared) {
    if ('status' in p) {
      outcomes.set(p.rowNo, p);
      continue;
    }
    const seen = p.key ? firstRowOfKey.get(p.key) : undefined;
    if (seen !== undefined) {
      outcomes.set(p.rowNo, failed(p.rowNo, { field: '', code: 'basedata.value.duplicate_row', params: { row: seen, entity: adapter.noun } }));
      continue;
    }
    if (p.key) firstRowOfKey.set(p.key, p.rowNo);
    ready.push(p);
  }

  const existing = await adapter.load(ctx, ready.flatMap((p) => (p.key && !p.recordId ? [p.key] : [])), ready.flatMap((p) => (p.recordId ? [p.recordId] : [])));
  const byKey = new Map(existing.filter((e) => e.key).map((e) => [e.key as string, e]));
  const byId = new Map(existing.map((e) => [e.id, e]));
  const sources = await sourcesOfWrites(ctx.db, ctx.root, existing.flatMap((e) => Object.values(e.provenance)));

  const inserts: { id: string; row: PreparedRow }[] = [];
  const discrepancyRows: DB['discrepancies'][] = [];
  for (const p of ready) {
    const current = p.recordId ? byId.get(p.recordId) : p.key ? byKey.get(p.key) : undefined;
    if (!current) {
      const missing = (ctx.requiredOnInsert ?? []).filter((f) => !p.row.values[f.key]);
      if (!p.gridCode) {
        outcomes.set(p.rowNo, failed(p.rowNo, { field: 'grid_code', code: 'basedata.value.place_required', params: {} }));
        continue;
      }
      if (missing.length) {
        outcomes.set(p.rowNo, failed(p.rowNo, ...missing.map((f) => ({ field: f.key, code: 'basedata.value.required' as const, params: { label: f.label, value: '' } }))));
        continue;
      }
      const id = timeOrderedUuid();
      inserts.push({ id, row: p });
      outcomes.set(p.rowNo, { rowNo: p.rowNo, status: 'inserted', id, discrepancies: 0, errors: [] });
      continue;
    }
    if (Object.values(current.provenance).includes(ctx.write.id) && !p.recordId) {
      // this write already set the record: the same key came twice in one import
      outcomes.set(p.rowNo, failed(p.rowNo, { field: '', code: 'basedata.value.duplicate_earlier', params: { entity: adapter.noun } }));
      continue;
    }
    const merged = mergeRecord(current.compared, current.provenance, (w) => sources.get(w), p.compared, ctx.write, ctx.authorities);
    for (const d of merged.discrepancies) {
      discrepancyRows.push({
        entity: adapter.entity, record_id: current.id, grid_code: current.gridCode, field: d.field,
        current_value: adapter.storedValue(ctx, d.field, d.current), current_write_id: d.currentWriteId ?? null,
        proposed_value: adapter.storedValue(ctx, d.field, d.proposed, p), proposed_write_id: ctx.write.id,
      } as never);
    }
    const changed = Object.keys(merged.changes).length > 0 || JSON.stringify(merged.provenance) !== JSON.stringify(current.provenance);
    if (changed) await adapter.update(ctx, current, p, merged.changes, merged.provenance);
    outcomes.set(p.rowNo, { rowNo: p.rowNo, status: changed ? 'updated' : 'unchanged', id: current.id, discrepancies: merged.discrepancies.length, errors: [] });
  }
  if (inserts.length > 0) await adapter.insert(ctx, inserts);
  if (discrepancyRows.length > 0) {
    await ctx.db
      .insertInto('discrepancies')
      .values(discrepancyRows as never)
      .onConflict((oc) => oc.columns(['entity', 'record_id', 'field', 'proposed_value']).where('status', '=', 'open').doNothing())
      .execute();
  }
  return rows.map((r) => outcomes.get(r.rowNo)!);
}

export function failed(rowNo: number, ...errors: ValueError[]): RowOutcome {
  return { rowNo, status: 'failed', discrepancies: 0, errors };
}
