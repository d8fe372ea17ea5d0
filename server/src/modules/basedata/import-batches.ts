import type { BaseEntity } from '../../db/schema.js';
import type { PiiKeys } from '../../platform/pii.js';
import { startWorker } from '../../platform/workers.js';
import { specsFromDefinitions, type DefinitionRow } from './fields.service.js';
import { ImportFileError, type ImportFileErrorCode, type TableRow } from './import/index.js';
import { mappedColumns, type ColumnMapping } from './import-mapping.js';
import { personColumnTexts } from './people.adapter.js';
import { columnPlan, validateCells, type ColumnPlan, type ValueError } from './validate.js';

/** One row of a file, read, mapped and checked: its values, or why they are wrong. */
export interface CheckedRow {
  rowNo: number;
  /** The row as it was, for the error report: its cells, or them joined (see cellsOf). */
  cells: string[] | string;
  values: Record<string, string | null> | null;
  errors: ValueError[];
  /** Columns a new record would take (entities whose adapter computes them ahead; see personColumnTexts). */
  precomputed?: Record<string, string | null>;
}

export interface CheckedBatch {
  rows: CheckedRow[];
  /** Progress of the reader after this batch, in the unit of totalBytes. */
  bytesRead: number;
}

/**
 * A batch as the worker makes it and sends it to the writing thread: each row's values by position
 * in `fields`. Copying a thousand objects of 143 keys between threads costs four times as much as
 * arrays, and building them costs the worker as much again.
 */
export interface PositionalBatch {
  fields: readonly string[];
  rows: (Omit<CheckedRow, 'values'> & { values: (string | null | undefined)[] | null })[];
  bytesRead: number;
}

/**
 * A row's cells as one string, for the crossing: 143 small strings cost the writing thread more to
 * receive and collect than the row is worth (they are only read for a failed row). NUL never occurs in
 * text a database can store; a row that holds one anyway crosses as it is.
 */
const cellSeparator = '\u0000';
const joinCells = (cells: string[]) => (cells.some((c) => c.includes(cellSeparator)) ? cells : cells.join(cellSeparator));
/** The cells of a row, for its line in the error report. */
export const cellsOf = (row: CheckedRow) => (typeof row.cells === 'string' ? row.cells.split(cellSeparator) : row.cells);

/** The batch with each row's values by key again (a field the row does not carry stays absent). */
export function byKey(batch: PositionalBatch): CheckedBatch {
  const rows = batch.rows.map((row): CheckedRow => {
    if (!row.values) return { ...row, values: null };
    const values: Record<string, string | null> = {};
    for (let i = 0; i < row.values.length; i++) if (row.values[i] !== undefined) values[batch.fields[i]!] = row.values[i]!;
    return { ...row, values };
  });
  return { rows, bytesRead: batch.bytesRead };
}

export interface RowCheckInput {
  entity: BaseEntity;
  mapping: ColumnMapping;
  headers: readonly string[];
  definitions: readonly DefinitionRow[];
  pii: PiiKeys;
}

type Precompute = (pii: PiiKeys, fields: readonly string[], values: readonly (string | null | undefined)[]) => Record<string, string | null>;
const precompute: Partial<Record<BaseEntity, Precompute>> = { person: personColumnTexts };

/**
 * Reads, maps and checks rows by position (validateCells). The fields a row is checked against depend
 * on its grid (extra fields are defined per jurisdiction); a row without a grid is checked against
 * every field defined.
 */
export function rowChecker(input: RowCheckInput): { fields: readonly string[]; check(row: TableRow): PositionalBatch['rows'][number] } {
  const columns = mappedColumns(input.headers, input.mapping);
  const fields = columns.map((c) => c.key);
  // a resident ID number fills in gender and birth date: they need a place even when the file has no such column
  for (const key of ['gender', 'birth_date']) if (input.entity === 'person' && !fields.includes(key)) fields.push(key);
  const gridAt = fields.indexOf('grid_code');
  const plans = new Map<string, ColumnPlan>();
  const planFor = (gridCode: string | undefined) => {
    const grid = gridCode && /^\d{15}$/.test(gridCode) ? gridCode : '';
    let plan = plans.get(grid);
    if (!plan) {
      const specs = new Map(specsFromDefinitions(input.definitions, input.entity, grid || null).map((spec) => [spec.key, spec]));
      plan = columnPlan(fields, (key) => specs.get(key));
      plans.set(grid, plan);
    }
    return plan;
  };
  const ahead = precompute[input.entity];
  return {
    fields,
    check(row) {
      const inputs = columns.map((c) => row.cells[c.at] ?? '');
      const { values, errors } = validateCells(planFor(gridAt >= 0 ? inputs[gridAt]?.trim() : undefined), inputs);
      if (errors.length) return { rowNo: row.rowNo, cells: joinCells(row.cells), values: null, errors };
      return { rowNo: row.rowNo, cells: joinCells(row.cells), values, errors, ...(ahead ? { precomputed: ahead(input.pii, fields, values) } : {}) };
    },
  };
}

export interface CheckWorkerInput extends Omit<RowCheckInput, 'headers'> {
  filePath: string;
  format: 'csv' | 'xlsx';
  batchSize: number;
  /** Batches the worker may read ahead of the writer: memory stays bounded whatever the file's size. */
  ahead: number;
}

export type CheckWorkerMessage =
  | { type: 'start'; totalBytes: number }
  | { type: 'batch'; batch: PositionalBatch }
  | { type: 'end'; bytesRead: number }
  | { type: 'failed'; name: string; code?: ImportFileErrorCode; message: string };

/** Young generation of the worker: a batch of wide rows outlives V8's default nursery, and copying it costs a fifth of the time. */
const youngGenerationMb = 192;

/**
 * The rows of a file in checked batches, read and checked in a worker thread: on a two-core machine
 * the file is parsed and checked on one core while the database is written on the other. The
 * writer asks for the next batch only when it has taken the last, so memory stays bounded.
 */
export async function* checkedBatches(input: Omit<CheckWorkerInput, 'ahead'>, onStart: (totalBytes: number) => void): AsyncGenerator<CheckedBatch, number> {
  const worker = startWorker(new URL('./import-worker.ts', import.meta.url), { ...input, ahead: 2 } satisfies CheckWorkerInput, { maxYoungGenerationSizeMb: youngGenerationMb });
  const inbox: CheckWorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let crashed: unknown = null;
  const arrive = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: CheckWorkerMessage) => {
    inbox.push(m);
    arrive();
  });
  worker.on('error', (error) => {
    crashed = error;
    arrive();
  });
  worker.on('exit', (code) => {
    if (code !== 0) crashed ??= new Error(`import worker exited with code ${code}`);
    arrive();
  });
  try {
    for (;;) {
      const m = inbox.shift();
      if (!m) {
        if (crashed) throw crashed;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (m.type === 'start') onStart(m.totalBytes);
      else if (m.type === 'batch') {
        worker.postMessage({ credit: 1 });
        yield byKey(m.batch);
      } else if (m.type === 'end') return m.bytesRead;
      else throw m.code ? new ImportFileError(m.code, m.message) : new Error(m.message);
    }
  } finally {
    await worker.terminate();
  }
}
