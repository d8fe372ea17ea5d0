import { today } from '../../pages/basedata/format';
import { formatTime } from '../../pages/cases/format';
import type { SheetCell } from './tableText';

export interface SheetExport {
  /** the table's name: the sheet's title row and the file's name */
  title: string;
  /** what the table is narrowed to (a region, a period), under the title */
  note?: string;
  header: string[];
  rows: SheetCell[][];
  /** said in the last row when the rows stop short of everything the table holds */
  truncatedNote?: string;
}

/** Display width of text in Excel's character units: a Chinese character is about two Latin ones. */
const widthOf = (v: SheetCell) => [...String(v ?? '')].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/** 20261124 (the day's digits, as government file names carry them) in Beijing time. */
export const fileDay = (d = new Date()) => today(d).replaceAll('-', '');

/** Builds the workbook: title, note and export time above a bold, frozen, filterable header. ExcelJS loads only when a table is exported. */
export async function workbookOf(s: SheetExport): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = '共治 Gongzhi';
  const sheet = book.addWorksheet(s.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 3 }] });
  const span = Math.max(1, s.header.length);
  sheet.addRow([s.title]).font = { bold: true, size: 14 };
  sheet.addRow([[s.note, `导出时间：${formatTime(new Date().toISOString())}`].filter(Boolean).join('　')]).font = { color: { argb: 'FF666666' } };
  sheet.mergeCells(1, 1, 1, span);
  sheet.mergeCells(2, 1, 2, span);
  const head = sheet.addRow(s.header);
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F2F5' } }));
  for (const r of s.rows) sheet.addRow(r);
  if (s.truncatedNote) sheet.addRow([s.truncatedNote]).font = { italic: true, color: { argb: 'FFCF1322' } };
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: span } };
  s.header.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, widthOf(h), ...s.rows.slice(0, 500).map((r) => widthOf(r[i] ?? null))) + 2)));
  return book.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}

/** Hands the browser a file to save. */
export function saveFile(bytes: ArrayBuffer, fileName: string) {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
