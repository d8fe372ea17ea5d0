/**
 * The entry point of the file layer: a department file (CSV in UTF-8 or GBK, or .xlsx) as a header
 * and a stream of rows of strings. Nothing here loads the file; memory stays bounded whatever its size.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import type { TableReader } from './table.js';

export type TableInput = { path: string } | { stream: Readable; /** e.g. an upload's Content-Length, for progress */ totalBytes?: number };

export interface ReadTableOptions {
  format: 'csv' | 'xlsx';
  /** .xlsx only: a sheet name, or a position counting from 1; by default the first visible sheet. */
  sheet?: string | number;
}

/**
 * Opens the file and reads up to its header row (for .xlsx, after its shared strings: an uploaded
 * .xlsx stream is first copied to a temporary file, since a zip's directory is at its end).
 * The caller iterates `rows` once; reaching the end, breaking out or `close()` releases the file.
 */
export async function readTable(input: TableInput, options: ReadTableOptions): Promise<TableReader> {
  if (options.format === 'xlsx') return readXlsx(input, options.sheet);
  // stat first: a missing file fails here, before a read stream exists to be cleaned up
  const totalBytes = 'path' in input ? (await fs.promises.stat(input.path)).size : input.totalBytes;
  return readCsv('path' in input ? fs.createReadStream(input.path) : input.stream, totalBytes);
}
