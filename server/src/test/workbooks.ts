import ExcelJS from 'exceljs';

/** A downloaded workbook, from a response or a file's bytes. */
export async function openWorkbook(from: { rawPayload: Buffer } | Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((Buffer.isBuffer(from) ? from : from.rawPayload) as unknown as ArrayBuffer);
  return book;
}

/** The cells of a sheet's rows below its header row, by header. */
export function sheetRows(sheet: ExcelJS.Worksheet, headerRow = 1): Record<string, unknown>[] {
  const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let i = headerRow + 1; i <= sheet.rowCount; i++) rows.push(Object.fromEntries(headers.map((h, j) => [h, sheet.getRow(i).getCell(j + 1).value])));
  return rows;
}
