import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { BaseEntity, DB } from '../../db/schema.js';
import { permissions, type Principal } from '../../platform/access.js';
import type { PiiKeys } from '../../platform/pii.js';
import { fieldSpecsFor } from './fields.service.js';
import { createProgressBar, readTable } from './import/index.js';
import { suggestMapping, type ColumnMapping } from './import-mapping.js';
import { runImport, type ImportTotals } from './import-runner.js';
import { importJob, markImportFailed, recordImport, type ImportFile } from './imports.service.js';

export interface CliImport {
  file: string;
  entity: BaseEntity;
  source: string;
  /** A JSON file of heading → field key; unset = guessed from the headings. */
  mappingFile?: string | undefined;
  dryRun: boolean;
  /** The jurisdiction the operator imports for (a division or grid code). */
  scope: string;
}

/** The operator at the server's command line acts as an administrator of the given jurisdiction. */
function operator(scope: string): Principal {
  return {
    kind: 'user', id: '00000000-0000-0000-0000-000000000000', name: 'cli', displayName: '命令行导入 (gongzhi import)', role: 'admin',
    scopeCode: scope, unitId: null, permissions: new Set(permissions),
  };
}

/**
 * `gongzhi import`: the same import as the web page's, run in this process with a progress bar on
 * stderr. Returns the totals; the import is recorded like any other.
 */
export async function importFromCommandLine(db: Kysely<DB>, pii: PiiKeys, job: CliImport, stderr: NodeJS.WriteStream): Promise<ImportTotals> {
  const filePath = path.resolve(job.file);
  const head = Buffer.alloc(4);
  const fd = fs.openSync(filePath, 'r');
  fs.readSync(fd, head, 0, 4, 0);
  fs.closeSync(fd);
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(filePath), hash);
  const file: ImportFile = {
    path: filePath, name: path.basename(filePath), key: `cli:${filePath}`, sha256: hash.digest('hex'), size: fs.statSync(filePath).size,
    format: head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) ? 'xlsx' : 'csv',
  };
  let mapping: ColumnMapping;
  if (job.mappingFile) mapping = JSON.parse(fs.readFileSync(job.mappingFile, 'utf8')) as ColumnMapping;
  else {
    const table = await readTable({ path: filePath }, { format: file.format });
    await table.close();
    mapping = suggestMapping(table.headers, await fieldSpecsFor(db, job.entity, null));
    stderr.write(`列映射 / mapping: ${Object.entries(mapping).map(([h, k]) => `${h}→${k}`).join(', ')}\n`);
  }
  const actor = operator(job.scope);
  const input = { entity: job.entity, source: job.source, mapping, dryRun: job.dryRun };
  const row = await recordImport(db, actor, file, input, null);
  await db.updateTable('imports').set({ state: 'running' }).where('id', '=', row.id).execute();
  const bar = createProgressBar(stderr, Number(row.total_bytes), `${job.dryRun ? '试导入' : '导入'} ${file.name}`, { unit: 'bytes' });
  const started = Date.now();
  try {
    const totals = await runImport(db, pii, importJob(row, file, input, actor), (t) => bar.update(t.bytesRead, `${t.rowsRead.toLocaleString('zh-CN')} 行`));
    const seconds = (Date.now() - started) / 1000;
    bar.finish(
      `完成 done: ${totals.rowsRead.toLocaleString('zh-CN')} 行 rows in ${seconds.toFixed(1)} s (${Math.round(totals.rowsRead / seconds).toLocaleString('zh-CN')}/s) · 新增 ${totals.inserted} · 更新 ${totals.updated} · 未变 ${totals.unchanged} · 失败 ${totals.failed} · 比对 ${totals.discrepancies}`,
    );
    return totals;
  } catch (error) {
    await markImportFailed(db, row.id, error);
    throw error;
  }
}
