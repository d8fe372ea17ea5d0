/**
 * .xlsx, streamed: the zip is read by its central directory (zip-file.ts), the small parts first
 * (workbook, relationships, styles, shared strings), then the one worksheet wanted, row by row,
 * through the part parsers of ExcelJS's streaming WorkbookReader. What we do about ExcelJS:
 * - Its own zip pass can silently drop parts (see zip-file.ts), so we hand it the parts ourselves.
 * - Its shared-string cache keeps every distinct text in memory; we ask it to emit them and keep
 *   them on disk (shared-strings.ts).
 * - It recognises dates by format string only; Chinese Excel's built-in date formats (ids 27–36 and
 *   50–58) have none in styles.xml, so their dates would come out as numbers. We give them one.
 * - It converts date numbers, but not formula results with a date format; cellText does those.
 * - It keeps only the last run of rich text written inline (<is><r>…), which Excel does not write
 *   (Excel puts rich text in sharedStrings.xml, which is read correctly).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { SharedStringFile } from './shared-strings.js';
import { ImportFileError, isBlankRow, type TableReader, type TableRow } from './table.js';
import { cellText, richText, type CellContext } from './xlsx-cell-text.js';
import { openZipEntry, readZipDirectory, ZipFormatError, type ZipEntry } from './zip-file.js';

/** The part parsers of ExcelJS's WorkbookReader (exceljs 4.4), which its typings do not show. */
interface WorkbookParts {
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseStyles(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncGenerator<{ index: number; text: unknown }>;
  _parseWorksheet(xml: AsyncIterable<Buffer>, sheetNo: string): Generator<{ eventType: 'worksheet'; value: AsyncIterable<ExcelJS.Row> }>;
  workbookRels?: { Id: string; Type: string; Target: string }[];
  model?: { sheets?: { name: string; state?: string; rId: string }[] };
  properties?: { model?: { date1904?: boolean } };
  styles: { model: { styles: { numFmtId?: number }[] }; index: { numFmt: unknown[] }; getStyleModel(id: number): { numFmt?: string } | null };
}

const chineseBuiltinDateFormats = new Set([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export async function readXlsx(input: { path: string } | { stream: Readable }, wanted: string | number | undefined): Promise<TableReader> {
  const cleanups: (() => unknown)[] = [];
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    for (const cleanup of cleanups.reverse()) await cleanup();
  };

  try {
    const zipPath = 'path' in input ? input.path : await spool(input.stream, cleanups);
    const parts = await readZipDirectory(zipPath).catch((error: unknown) => {
      throw error instanceof ZipFormatError ? notXlsx(error) : error;
    });
    const open = (entry: ZipEntry) => openZipEntry(zipPath, entry);
    const part = (name: string) => parts.get(name);

    const reader = new ExcelJS.stream.xlsx.WorkbookReader(zipPath, {
      worksheets: 'emit', sharedStrings: 'emit', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
    }) as unknown as WorkbookParts;
    const rels = part('xl/_rels/workbook.xml.rels');
    const workbook = part('xl/workbook.xml');
    if (!rels || !workbook) throw notXlsx();
    await reader._parseRels(await open(rels));
    await reader._parseWorkbook(await open(workbook));
    const target = (type: string) => partName(reader.workbookRels?.find((r) => r.Type.endsWith(`/${type}`))?.Target);

    const styles = part(target('styles') ?? 'xl/styles.xml');
    if (styles) await reader._parseStyles(await open(styles));
    giveChineseDateFormats(reader.styles);

    const strings = new SharedStringFile();
    cleanups.push(() => strings.close());
    const sharedStrings = part(target('sharedStrings') ?? 'xl/sharedStrings.xml');
    if (sharedStrings) {
      for await (const { text } of reader._parseSharedStrings(await open(sharedStrings))) strings.add(sharedStringText(text));
    }

    const sheet = chooseSheet(reader, wanted);
    const sheetPart = part(partName(reader.workbookRels?.find((r) => r.Id === sheet.rId)?.Target) ?? '');
    if (!sheetPart) throw notXlsx();
    const xml = await open(sheetPart);
    cleanups.push(() => xml.destroy());
    let xmlBytes = 0;
    const counted = (async function* () {
      for await (const chunk of xml as AsyncIterable<Buffer>) {
        xmlBytes += chunk.length;
        yield chunk;
      }
    })();
    const [worksheet] = [...reader._parseWorksheet(counted, '0')];
    const sheetRows = worksheet!.value[Symbol.asyncIterator]();
    cleanups.push(() => sheetRows.return?.(undefined).catch(() => {}));

    const ctx: CellContext = {
      numFmt: undefined, // set per cell by rowCells
      date1904: reader.properties?.model?.date1904 === true,
      sharedString: (index) => strings.get(index),
    };
    const nextRow = async (width: number): Promise<TableRow | null> => {
      for (let next = await sheetRows.next(); !next.done; next = await sheetRows.next()) {
        const cells = rowCells(next.value, ctx, width);
        if (!isBlankRow(cells)) return { rowNo: next.value.number, cells };
      }
      return null;
    };
    const header = await nextRow(0);
    if (!header) throw new ImportFileError('import.file-empty', `工作表“${sheet.name}”是空的：没有找到表头行。`);
    const headers = header.cells.map((h) => h.trim());
    while (headers.length > 0 && headers.at(-1) === '') headers.pop(); // formatted but unnamed columns

    async function* rows(): AsyncGenerator<TableRow> {
      try {
        for (let row = await nextRow(headers.length); row; row = await nextRow(headers.length)) yield row;
      } catch (error) {
        throw corruptAsNotXlsx(error);
      } finally {
        await close();
      }
    }
    return { headers, rows: rows(), bytesRead: () => xmlBytes, totalBytes: sheetPart.uncompressedSize, close };
  } catch (error) {
    await close();
    throw corruptAsNotXlsx(error);
  }
}

/** A part that does not inflate (zlib's Z_DATA_ERROR and kin) means a damaged file, which the clerk should hear as such. */
const corruptAsNotXlsx = (error: unknown) =>
  error instanceof Error && String((error as { code?: unknown }).code).startsWith('Z_') ? notXlsx(error) : error;

/** An upload is copied to a temporary file first: the zip's directory is at its end. */
async function spool(stream: Readable, cleanups: (() => unknown)[]): Promise<string> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'gongzhi-import-'));
  cleanups.push(() => fs.promises.rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'upload.xlsx');
  await pipeline(stream, fs.createWriteStream(file));
  return file;
}

/** A relationship target ('worksheets/sheet1.xml' or '/xl/worksheets/sheet1.xml') as a zip entry name. */
const partName = (target: string | undefined) => (target === undefined ? undefined : target.startsWith('/') ? target.slice(1) : `xl/${target}`);

const notXlsx = (cause?: unknown) =>
  new ImportFileError('import.not-xlsx', '无法作为 .xlsx 工作簿读取：文件不完整，或者不是 .xlsx（旧版 .xls 请先在 Excel 中另存为 .xlsx）。', { cause });

/**
 * The sheet to read: by name, by position (1 = the first tab, hidden ones counted), or by default
 * the first visible tab, since templates often start with a hidden lookup sheet.
 */
function chooseSheet(reader: WorkbookParts, wanted: string | number | undefined) {
  const sheets = reader.model?.sheets ?? [];
  const sheet =
    typeof wanted === 'string' ? sheets.find((s) => s.name.trim() === wanted.trim())
    : typeof wanted === 'number' ? sheets[wanted - 1]
    : (sheets.find((s) => !s.state || s.state === 'visible') ?? sheets[0]);
  if (sheet) return sheet;
  if (sheets.length === 0) throw notXlsx();
  throw new ImportFileError('import.sheet-not-found', `找不到工作表“${String(wanted)}”。这个文件里的工作表有：${sheets.map((s) => s.name).join('、')}。`);
}

function sharedStringText(text: unknown): string {
  if (text && typeof text === 'object' && Array.isArray((text as { richText?: unknown }).richText)) {
    return richText((text as { richText: unknown[] }).richText);
  }
  return cellText(text, { date1904: false, sharedString: () => undefined });
}

/** Styles whose format is a Chinese built-in date format get that format's text, so that ExcelJS sees a date. */
function giveChineseDateFormats(styles: WorkbookParts['styles']) {
  styles.model.styles.forEach((xf, id) => {
    if (xf.numFmtId === undefined || !chineseBuiltinDateFormats.has(xf.numFmtId) || styles.index.numFmt[xf.numFmtId]) return;
    const model = styles.getStyleModel(id); // ExcelJS caches this object and reads it for every cell of the style
    if (model && !model.numFmt) model.numFmt = 'yyyy-mm-dd';
  });
}

/** A row's cells as text, at least `width` of them (Excel stores no trailing empty cells). */
function rowCells(row: ExcelJS.Row, ctx: CellContext, width: number): string[] {
  const cells: string[] = new Array<string>(Math.max(width, row.cellCount)).fill('');
  row.eachCell((cell, col) => {
    ctx.numFmt = cell.numFmt; // one context object for all cells: this runs for every cell of the file
    cells[col - 1] = cellText(cell.value, ctx);
  });
  while (cells.length > width && cells.at(-1) === '') cells.pop();
  return cells;
}
