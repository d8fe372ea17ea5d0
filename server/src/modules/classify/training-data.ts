import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Example } from './split.js';

/** The labelled citizen messages kept in the repository (server/data/messages/README.md says whence). */
export const defaultTrainingFile = path.resolve(import.meta.dirname, '../../../data/messages/train.csv');

/** Reads a UTF-8 CSV with `text` and `label` columns; rows missing either are skipped. */
export function readTrainingCsv(file: string = defaultTrainingFile): Example[] {
  const rows = parse(fs.readFileSync(file), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string | undefined>[];
  if (rows.length > 0 && (!('text' in rows[0]!) || !('label' in rows[0]!))) throw new Error(`${file}: the header needs the columns text and label`);
  return rows.flatMap((r) => {
    const text = r.text?.trim();
    const label = r.label?.trim();
    return text && label ? [{ text, label }] : [];
  });
}
