import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';
import type { ImportItem } from '@gongzhi/contracts';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { BaseEntity, DB } from '../../db/schema.js';
import { requirePermission, significantPrefix, type Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import type { PiiKeys } from '../../platform/pii.js';
import { fieldSpecsFor } from './fields.service.js';
import { ImportFileError, readTable, writeRowReport } from './import/index.js';
import { mappingProblems, suggestMapping, type ColumnMapping } from './import-mapping.js';
import { runImport } from './import-runner.js';

/** Uploaded department files stay on local disk (they are streamed, never loaded), under the data folder. */
export const uploadsDir = (dataDir: string) => path.join(dataDir, 'imports');
export const maxImportBytes = 2 * 1024 ** 3;

/** The format from the first bytes: a zip is .xlsx; the old binary .xls is refused; anything else is read as CSV. */
function sniffFormat(head: Buffer, name: string): 'csv' | 'xlsx' {
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])) || /\.(xls|et|numbers)$/i.test(name)) throw badRequest('basedata.import_format');
  return 'csv';
}

/** Streams an upload to disk, hashing it on the way; records it as a file owned by the uploader. */
export async function saveUpload(db: Kysely<DB>, dataDir: string, actor: Principal, fileName: string, stream: Readable) {
  const id = crypto.randomUUID();
  fs.mkdirSync(uploadsDir(dataDir), { recursive: true });
  const target = path.join(uploadsDir(dataDir), id);
  const hash = crypto.createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  stream.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
    if (head.length < 8) head = Buffer.concat([head, chunk.subarray(0, 8)]);
  });
  try {
    await pipeline(stream, fs.createWriteStream(target, { flags: 'wx' }));
    if ((stream as Readable & { truncated?: boolean }).truncated) throw new AppError('request.too_large', 413);
    if (size === 0) throw badRequest('basedata.import_empty');
    const format = sniffFormat(head, fileName);
    await db.insertInto('files').values({ id, owner_id: actor.id, content_type: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv', size, sha256: hash.digest('hex'), storage_key: `imports/${id}/${encodeURIComponent(fileName.slice(0, 200))}` }).execute();
    return { id, path: target, format, size, name: fileName };
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  }
}

async function uploadOf(db: Kysely<DB>, dataDir: string, actor: Principal, uploadId: string) {
  const file = await db.selectFrom('files').selectAll().where('id', '=', uploadId).where('owner_id', '=', actor.id).where('storage_key', 'like', 'imports/%').executeTakeFirst();
  if (!file) throw notFound('file.not_found', {});
  // the key keeps the clerk's file name: imports/<id>/<name>
  const name = decodeURIComponent(file.storage_key.split('/')[2] ?? 'upload');
  return { ...file, name, path: path.join(uploadsDir(dataDir), uploadId), format: file.content_type === 'text/csv' ? ('csv' as const) : ('xlsx' as const) };
}

async function openTable(filePath: string, format: 'csv' | 'xlsx') {
  try {
    return await readTable({ path: filePath }, { format });
  } catch (error) {
    if (error instanceof ImportFileError) throw badRequest('basedata.import_unreadable', { detail: error.message });
    throw error;
  }
}

/** The headings, first rows and guessed mapping of an uploaded file. */
export async function previewUpload(db: Kysely<DB>, saved: Awaited<ReturnType<typeof saveUpload>>, entity: BaseEntity) {
  const table = await openTable(saved.path, saved.format);
  const sample: string[][] = [];
  try {
    for await (const row of table.rows) {
      sample.push(row.cells);
      if (sample.length >= 5) break;
    }
  } finally {
    await table.close();
  }
  if (table.headers.length === 0) throw badRequest('basedata.import_empty');
  return {
    uploadId: saved.id, fileName: saved.name, format: saved.format, encoding: table.encoding ?? null, headers: table.headers, sample,
    mapping: suggestMapping(table.headers, await fieldSpecsFor(db, entity, null)),
  };
}

const present = (i: Selectable<DB['imports']>): ImportItem => ({
  id: i.id, entity: i.entity, source: i.source_code, fileName: i.file_name, format: i.format, encoding: i.encoding, dryRun: i.dry_run, state: i.state,
  totalBytes: Number(i.total_bytes), bytesRead: Number(i.bytes_read), rowsRead: i.rows_read, inserted: i.inserted, updated: i.updated, unchanged: i.unchanged,
  failed: i.failed, discrepancies: i.discrepancies, error: i.error, createdByName: i.created_by_name, createdAt: i.created_at.toISOString(),
  finishedAt: i.finished_at ? i.finished_at.toISOString() : null,
});

/** Imports run one after another in the process that accepted them. */
const queues = new WeakMap<Kysely<DB>, Promise<void>>();

export interface StartImport {
  uploadId: string;
  entity: BaseEntity;
  source: string;
  mapping: ColumnMapping;
  dryRun: boolean;
}

/** A file to import, wherever it came from (an upload, or a path given to the command line). */
export interface ImportFile {
  path: string;
  name: string;
  key: string;
  sha256: string;
  size: number;
  format: 'csv' | 'xlsx';
}

/**
 * Checks the source and the mapping against the file's headings and records the import (state
 * queued) with its audit row: the part the API and the command line share.
 */
export async function recordImport(db: Kysely<DB>, actor: Principal, file: ImportFile, input: Omit<StartImport, 'uploadId'>, ip: string | null) {
  const source = await db.selectFrom('data_sources').select('code').where('code', '=', input.source).executeTakeFirst();
  if (!source) throw badRequest('basedata.source_unknown', { code: input.source });
  const table = await openTable(file.path, file.format);
  await table.close();
  const problems = mappingProblems(input.entity, table.headers, input.mapping, await fieldSpecsFor(db, input.entity, null));
  if (problems.length) throw badRequest('basedata.import_mapping', { detail: problems.join('；') });
  return db.transaction().execute(async (tx) => {
    const created = await tx
      .insertInto('imports')
      .values({
        entity: input.entity, source_code: input.source, file_name: file.name, file_sha256: file.sha256, file_key: file.key, format: file.format,
        encoding: table.encoding ?? null, headers: JSON.stringify(table.headers), mapping: JSON.stringify(input.mapping), dry_run: input.dryRun,
        total_bytes: table.totalBytes ?? file.size, created_by: actor.id, created_by_name: actor.displayName, scope_code: actor.scopeCode,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { action: input.dryRun ? 'import.dry_run' : 'import.start', actor, targetType: 'import', targetId: created.id, ip, detail: { entity: input.entity, source: input.source, sha256: file.sha256 } });
    return created;
  });
}

export const importJob = (row: { id: string }, file: ImportFile, input: Omit<StartImport, 'uploadId'>, actor: Principal) => ({
  id: row.id, entity: input.entity, source: input.source, format: file.format, filePath: file.path, mapping: input.mapping, dryRun: input.dryRun, actor,
});

/** Marks an import failed with the reason, so the screen says why instead of spinning. */
export async function markImportFailed(db: Kysely<DB>, id: string, error: unknown) {
  await db.updateTable('imports').set({ state: 'failed', error: error instanceof Error ? error.message : String(error), finished_at: sql`now()` as never }).where('id', '=', id).execute();
}

/** Checks the mapping, records the import and queues it; the answer comes at once (202) with its progress row. */
export async function startImport(db: Kysely<DB>, deps: { dataDir: string; pii: PiiKeys; logger: { error(obj: object, msg: string): void } }, actor: Principal | null, input: StartImport, ip: string): Promise<ImportItem> {
  const p = requirePermission(actor, 'basedata:import');
  const upload = await uploadOf(db, deps.dataDir, p, input.uploadId);
  const file: ImportFile = { path: upload.path, name: upload.name, key: upload.storage_key, sha256: upload.sha256, size: upload.size, format: upload.format };
  const row = await recordImport(db, p, file, input, ip);
  const previous = queues.get(db) ?? Promise.resolve();
  const next = previous.then(async () => {
    await db.updateTable('imports').set({ state: 'running' }).where('id', '=', row.id).execute();
    await runImport(db, deps.pii, importJob(row, file, input, p)).catch(async (error: unknown) => {
      deps.logger.error({ err: error, importId: row.id }, 'import failed');
      await markImportFailed(db, row.id, error);
    });
  });
  queues.set(db, next);
  return present(row);
}

/** Imports of the principal's jurisdiction, newest first. */
export async function listImports(db: Kysely<DB>, actor: Principal | null) {
  const p = requirePermission(actor, 'basedata:import');
  const rows = await db.selectFrom('imports').selectAll().where('scope_code', 'like', `${significantPrefix(p.scopeCode)}%`).orderBy('created_at', 'desc').limit(100).execute();
  return { items: rows.map(present) };
}

async function importInScope(db: Kysely<DB>, p: Principal, id: string) {
  const row = await db.selectFrom('imports').selectAll().where('id', '=', id).where('scope_code', 'like', `${significantPrefix(p.scopeCode)}%`).executeTakeFirst();
  if (!row) throw notFound('basedata.import_not_found', {});
  return row;
}

export async function importDetail(db: Kysely<DB>, actor: Principal | null, id: string) {
  return present(await importInScope(db, requirePermission(actor, 'basedata:import'), id));
}

export async function importErrors(db: Kysely<DB>, actor: Principal | null, id: string, page: number, pageSize: number) {
  const p = requirePermission(actor, 'basedata:import');
  await importInScope(db, p, id);
  const [rows, total] = await Promise.all([
    db.selectFrom('import_row_errors').select(['row_no', 'errors']).where('import_id', '=', id).orderBy('row_no').limit(pageSize).offset((page - 1) * pageSize).execute(),
    db.selectFrom('import_row_errors').select(sql<number>`count(*)::int`.as('n')).where('import_id', '=', id).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => ({ rowNo: r.row_no, errors: r.errors })), total: total.n };
}

/** Writes the row report (.xlsx: 行号, 错误说明, then the row as it was) to `out`, streaming from the database. */
export async function writeImportReport(db: Kysely<DB>, actor: Principal | null, id: string, out: Writable) {
  const p = requirePermission(actor, 'basedata:import');
  const imp = await importInScope(db, p, id);
  async function* rows() {
    let after = 0;
    for (;;) {
      const batch = await db.selectFrom('import_row_errors').select(['row_no', 'cells', 'errors']).where('import_id', '=', id).where('row_no', '>', after).orderBy('row_no').limit(1000).execute();
      if (batch.length === 0) return;
      for (const r of batch) yield { rowNo: r.row_no, cells: r.cells, errors: r.errors };
      after = batch.at(-1)!.row_no;
    }
  }
  await writeRowReport(out, rows(), imp.headers);
}

/** Imports a restart interrupted are marked failed: running them again is safe (nothing is doubled). */
export async function failInterruptedImports(db: Kysely<DB>) {
  await db
    .updateTable('imports')
    .set({ state: 'failed', error: '服务重启，导入中断；重新导入同一文件不会产生重复数据。The server restarted during the import; importing the same file again doubles nothing.', finished_at: sql`now()` as never })
    .where('state', 'in', ['queued', 'running'])
    .execute();
}
