import { sql, type Kysely } from 'kysely';
import type { BaseEntity, DB } from '../../db/schema.js';
import type { Principal } from '../../platform/access.js';
import { localise } from '../../platform/errors.js';
import type { PiiKeys } from '../../platform/pii.js';
import { shanghaiDay } from '../calendar/index.js';
import { dwellingsAdapter } from './dwellings.adapter.js';
import { shapes } from './entities.js';
import type { FieldSpec } from './field-model.js';
import { fieldSpecsFor } from './fields.service.js';
import { readTable } from './import/index.js';
import { rowReader, type ColumnMapping } from './import-mapping.js';
import { organisationsAdapter } from './organisations.adapter.js';
import { peopleAdapter } from './people.adapter.js';
import { validateValues } from './validate.js';
import { writeBatch, type EntityAdapter, type IncomingRow, type RowOutcome } from './write-batch.js';
import { authoritiesOf, openWrite } from './write-sources.js';

export const importAdapters: Record<BaseEntity, EntityAdapter> = { person: peopleAdapter, dwelling: dwellingsAdapter, organisation: organisationsAdapter };

export interface ImportJob {
  id: string;
  entity: BaseEntity;
  source: string;
  format: 'csv' | 'xlsx';
  filePath: string;
  mapping: ColumnMapping;
  dryRun: boolean;
  actor: Principal;
}

export interface ImportTotals {
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  discrepancies: number;
  bytesRead: number;
  totalBytes: number;
}

/** Rows per transaction: big enough to amortise the round trips, small enough to keep the embedded database responsive. */
const batchSize = 1000;
/** Stored row errors per import (the report says when there were more). */
const maxStoredErrors = 100_000;

class DryRunRollback extends Error {}

/**
 * Streams a department file into the base data: each batch of rows is validated, merged under the
 * source precedence rules and committed in one transaction, so every record is whole and a failed
 * import can simply be run again (importing the same file twice changes nothing). A dry run does the
 * same work and rolls every batch back. Progress goes to the imports row after each batch.
 */
export async function runImport(db: Kysely<DB>, pii: PiiKeys, job: ImportJob, onProgress?: (t: ImportTotals) => void): Promise<ImportTotals> {
  const reader = await readTable({ path: job.filePath }, { format: job.format });
  const totals: ImportTotals = { rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, failed: 0, discrepancies: 0, bytesRead: 0, totalBytes: reader.totalBytes ?? 0 };
  const read = rowReader(reader.headers, job.mapping);
  const headingOf = new Map(Object.entries(job.mapping).map(([heading, key]) => [key, heading]));
  // the fields of a row depend on its grid (extra fields are defined per jurisdiction); a row without a
  // grid is checked against every field defined
  const specsByGrid = new Map<string, Promise<FieldSpec[]>>();
  const specsFor = (gridCode: string | undefined) => {
    const grid = gridCode && /^\d{15}$/.test(gridCode) ? gridCode : '';
    let specs = specsByGrid.get(grid);
    if (!specs) specsByGrid.set(grid, (specs = fieldSpecsFor(db, job.entity, grid || null)));
    return specs;
  };
  const required = (await fieldSpecsFor(db, job.entity, null)).filter((s) => s.required && s.core).map((s) => ({ key: s.key, label: s.label }));
  const authorities = await authoritiesOf(db, job.entity);
  // one write for the whole import; a dry run opens one per batch inside the transaction it rolls back
  const write = job.dryRun ? null : await openWrite(db, { sourceCode: job.source, actor: job.actor, importId: job.id });
  let storedErrors = 0;

  const flush = async (batch: { rowNo: number; cells: string[] }[]) => {
    const valid: IncomingRow[] = [];
    const outcomes: RowOutcome[] = [];
    for (const row of batch) {
      const raw = read(row.cells);
      const checked = validateValues(await specsFor(raw.grid_code), raw, 'update');
      if (checked.errors.length) outcomes.push({ rowNo: row.rowNo, status: 'failed', discrepancies: 0, errors: checked.errors });
      else valid.push({ rowNo: row.rowNo, values: checked.values });
    }
    const written = await db
      .transaction()
      .execute(async (tx) => {
        const batchWrite = write ?? (await openWrite(tx, { sourceCode: job.source, actor: job.actor, importId: job.id }));
        const ctx = { db: tx, root: db, pii, actor: job.actor, write: batchWrite, authorities, today: shanghaiDay(new Date()), requiredOnInsert: required };
        const result = await writeBatch(ctx, importAdapters[job.entity], valid);
        if (job.dryRun) throw new DryRunRollback(JSON.stringify(result));
        return result;
      })
      .catch((e: unknown) => {
        if (e instanceof DryRunRollback) return JSON.parse(e.message) as RowOutcome[];
        throw e;
      });
    outcomes.push(...written);
    const cellsOf = new Map(batch.map((r) => [r.rowNo, r.cells]));
    const errorRows = outcomes.filter((o) => o.status === 'failed').slice(0, Math.max(0, maxStoredErrors - storedErrors));
    if (errorRows.length) {
      storedErrors += errorRows.length;
      await db
        .insertInto('import_row_errors')
        .values(errorRows.map((o) => ({
          import_id: job.id, row_no: o.rowNo, cells: JSON.stringify(cellsOf.get(o.rowNo) ?? []),
          errors: JSON.stringify(o.errors.map((e) => ({ column: headingOf.get(e.field) ?? '', message: localise(e.code, 'zh-CN', e.params) }))),
        })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    for (const o of outcomes) {
      totals[o.status === 'failed' ? 'failed' : o.status] += 1;
      totals.discrepancies += o.discrepancies;
    }
    totals.rowsRead += batch.length;
    totals.bytesRead = reader.bytesRead();
    await db.updateTable('imports').set({
      bytes_read: totals.bytesRead, rows_read: totals.rowsRead, inserted: totals.inserted, updated: totals.updated, unchanged: totals.unchanged,
      failed: totals.failed, discrepancies: totals.discrepancies,
    }).where('id', '=', job.id).execute();
    onProgress?.(totals);
  };

  // the next batch is read and parsed while the database writes the previous one (two cores, two jobs)
  let batch: { rowNo: number; cells: string[] }[] = [];
  let writing: Promise<void> = Promise.resolve();
  const send = async (rows: typeof batch) => {
    await writing;
    writing = flush(rows);
    writing.catch(() => {}); // awaited before the next batch or at the end; this only keeps Node from calling it unhandled meanwhile
  };
  try {
    for await (const row of reader.rows) {
      batch.push(row);
      if (batch.length >= batchSize) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length) await send(batch);
    await writing;
  } finally {
    await reader.close();
  }
  totals.bytesRead = totals.totalBytes || totals.bytesRead;
  // a big import changes the shape of the tables: fresh statistics keep searches and counts on good plans
  if (!job.dryRun && totals.inserted > 10_000) await sql`analyze ${sql.table(shapes[job.entity].table)}`.execute(db);
  await db.updateTable('imports').set({ state: 'done', bytes_read: totals.bytesRead, finished_at: sql`now()` as never }).where('id', '=', job.id).execute();
  onProgress?.(totals);
  return totals;
}
