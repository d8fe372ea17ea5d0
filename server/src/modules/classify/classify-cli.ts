import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { detectEncoding, type TextEncodingName } from '../basedata/index.js';
import { currentClassifier } from './models.service.js';

/**
 * `gongzhi classify --csv FILE [--out FILE]`: labels every row of a CSV with the current model, the
 * same one the API uses. The file is read whole (a CSV of 100,000 messages is ~50 MB), in UTF-8 or
 * GBK like department exports are, and written back as UTF-8 with a BOM, so that Excel and WPS
 * open it with the Chinese intact: the same columns and rows, plus `label` and `confidence`
 * (replaced, not repeated, when the file already has them, e.g. a labelled training file).
 */
export interface ClassifyCsvJob {
  file: string;
  /** Default: FILE with `.classified.csv` in place of `.csv`. */
  out?: string | undefined;
}

export interface ClassifyCsvResult {
  out: string;
  rows: number;
  encoding: TextEncodingName;
  modelId: string;
  /** Rows whose text was empty: left without a label. */
  empty: number;
}

export class ClassifyCsvError extends Error {}

export const defaultOutFile = (file: string) => (/\.csv$/i.test(file) ? file.replace(/\.csv$/i, '.classified.csv') : `${file}.classified.csv`);

/** The file's text in the character set the base-data import detects for department files (UTF-8 or GB18030). */
export function decodeCsv(bytes: Buffer): { text: string; encoding: TextEncodingName } {
  const encoding = detectEncoding(bytes);
  // TextDecoder drops a UTF-8 BOM itself; GB18030's decodes to U+FEFF
  return { text: new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, ''), encoding };
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const csvLine = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;

export async function classifyCsvFile(db: Kysely<DB>, job: ClassifyCsvJob): Promise<ClassifyCsvResult> {
  if (!fs.existsSync(job.file)) throw new ClassifyCsvError(`${job.file}: no such file / 文件不存在`);
  const { text, encoding } = decodeCsv(fs.readFileSync(job.file));
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw new ClassifyCsvError(`${job.file}: not a readable CSV (${error instanceof Error ? error.message : String(error)}) / 无法读取该 CSV 文件`);
  }
  const [header, ...rows] = records;
  const headers = (header ?? []).map((h) => h.trim());
  const textColumn = headers.findIndex((h) => h.toLowerCase() === 'text');
  if (textColumn < 0) throw new ClassifyCsvError(`${job.file}: the header has no "text" column / 表头中没有 text 列`);

  const labelColumn = headers.findIndex((h) => h.toLowerCase() === 'label');
  const confidenceColumn = headers.findIndex((h) => h.toLowerCase() === 'confidence');
  const outHeaders = [...headers];
  const at = (index: number, name: string) => (index >= 0 ? index : outHeaders.push(name) - 1);
  const labelAt = at(labelColumn, 'label');
  const confidenceAt = at(confidenceColumn, 'confidence');

  const { id: modelId, classifier } = await currentClassifier(db);
  const out = job.out ?? defaultOutFile(job.file);
  const lines = ['\uFEFF', csvLine(outHeaders)];
  let empty = 0;
  for (const row of rows) {
    const cells = [...row, ...new Array<string>(Math.max(0, outHeaders.length - row.length)).fill('')];
    const message = (row[textColumn] ?? '').trim();
    if (message) {
      const result = classifier.classify(message);
      cells[labelAt] = result.label;
      cells[confidenceAt] = result.confidence.toFixed(4);
    } else {
      empty++;
      cells[labelAt] = cells[confidenceAt] = '';
    }
    lines.push(csvLine(cells));
  }
  fs.writeFileSync(out, lines.join(''));
  return { out, rows: rows.length, encoding, modelId, empty };
}
