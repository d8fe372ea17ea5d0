/**
 * The error report a clerk gets back: an .xlsx with one row per rejected row, its Excel row number,
 * what is wrong, and the row as it was, so that they can correct it in place and import the sheet
 * again. Written with ExcelJS's streaming writer, so a report of a million rows is never in memory.
 *
 * Why not CSV: a clerk opens a CSV in Excel, which turns every 身份证号 into 3.70303E+17 and keeps
 * it that way when saving. In this workbook the data columns are formatted as text (@), so IDs stay
 * text, even newly typed ones.
 */
import type { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';

export interface ReportRow {
  rowNo: number;
  cells: string[];
  /** `column` is the header of the offending column, or any other label (e.g. '整行'). */
  errors: { column: string; message: string }[];
}

export interface RowReportSummary {
  rows: number;
  /** Rows beyond what one Excel sheet holds (1,048,576 rows); they are counted, not written. */
  omitted: number;
}

const excelMaxRows = 1_048_576;
/** Excel refuses to open a workbook with a longer cell (a broken CSV can produce one). */
const excelMaxCellChars = 32_767;
const fitCell = (text: string) => (text.length > excelMaxCellChars ? text.slice(0, excelMaxCellChars) : text);
const red = { argb: 'FFC00000' };
/** Excel's own "light red fill" for a cell that needs attention. */
const badCellFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

export async function writeRowReport(out: Writable | string, rows: AsyncIterable<ReportRow>, headers: string[]): Promise<RowReportSummary> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof out === 'string' ? { filename: out } : { stream: out }),
    useStyles: true,
    useSharedStrings: false, // shared strings would be kept in memory until the end
  });
  const output = (workbook as unknown as { stream: Writable }).stream; // the file or the caller's stream
  const sheet = workbook.addWorksheet('错误明细', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.columns = [
    { width: 8 },
    { width: 48 },
    ...headers.map((h) => ({ width: Math.min(40, Math.max(10, 2 * h.length + 2)), style: { numFmt: '@' } })),
  ];
  const head = sheet.addRow(['行号', '错误说明', ...headers]);
  head.font = { bold: true };
  head.commit();

  const column = new Map(headers.map((h, i) => [h, i + 3]));
  const room = excelMaxRows - 2; // the header, and a last row saying that rows were left out
  let written = 0;
  let omitted = 0;
  for await (const bad of rows) {
    if (written >= room) {
      omitted++;
      continue;
    }
    const row = sheet.addRow([bad.rowNo, fitCell(bad.errors.map((e) => `${e.column}：${e.message}`).join('；')), ...bad.cells.map(fitCell)]);
    row.getCell(2).font = { color: red };
    for (const e of bad.errors) {
      const col = column.get(e.column);
      if (col) row.getCell(col).fill = badCellFill;
    }
    row.commit();
    if (++written % 100 === 0) await zipCaughtUp(sheet, output);
  }
  if (omitted > 0) {
    const note = sheet.addRow(['', `另有 ${omitted.toLocaleString('zh-CN')} 行有错误，超出一个工作表的容量，未列出；改正以上各行后重新导入，其余的会在下一份报告里列出。`]);
    note.getCell(2).font = { color: red, bold: true };
    note.commit();
  }
  sheet.commit();
  await workbook.commit();
  return { rows: written, omitted };
}

/** The sheet stream of ExcelJS's streaming writer (exceljs 4.4), which its typings do not show. */
interface SheetStream {
  /** 64 KB buffers not yet handed to the zip. */
  buffers: unknown[];
  /** The zip's entry stream (a readable-stream PassThrough). */
  pipes: { _writableState?: { length: number }; _readableState?: { length: number } }[];
}

const maxQueuedBytes = 4 * 1024 * 1024;

/**
 * ExcelJS's streaming writer has no back-pressure: its sheet stream writes into the zip without
 * waiting, so a fast producer piles the report up in memory (over a gigabyte for 100,000 rows of 30
 * columns when we measured). Wait while more than a few megabytes wait in front of the zip.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet, output: Writable) {
  const stream = (sheet as unknown as { stream?: SheetStream }).stream;
  if (!stream) return;
  const queued = () =>
    stream.buffers.length * 65_536 + stream.pipes.reduce((n, p) => n + (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0), 0);
  while (queued() > maxQueuedBytes) {
    if (output.destroyed) throw output.errored ?? new Error('the report output was closed'); // it will never catch up
    await sleep(5);
  }
}
