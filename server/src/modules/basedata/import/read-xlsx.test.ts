import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from './read-table.js';
import type { TableReader, TableRow } from './table.js';
import { excelMadeWorkbook } from './test-fixtures.js';
import { readZipDirectory } from './zip-file.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-xlsx-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const excelMade = path.join(dir, 'excel-made.xlsx');
const exceljsMade = path.join(dir, 'exceljs-made.xlsx');

async function all(reader: TableReader) {
  const rows: TableRow[] = [];
  for await (const row of reader.rows) rows.push(row);
  return rows;
}

/** Temporary files: spooled uploads and shared-string files (and worksheets ExcelJS parks, should it ever do so again). */
const leftovers = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`) || f.startsWith('gongzhi-import-'));

beforeAll(async () => {
  fs.writeFileSync(excelMade, excelMadeWorkbook());

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人口');
  ws.addRow(['姓名', '出生日期', '登记日期', '身份证号(文本)', '身份证号(数字)', '合计', '备注', '党员', '空', '网址']);
  ws.addRow([
    '张三',
    new Date(Date.UTC(2026, 2, 1)), // how ExcelJS wants a date: wall clock in the UTC fields
    46082, // the same day as a serial number, given a date format below
    '370303199001011234',
    370303199001011234, // what happens when someone types the ID as a number
    { formula: 'SUM(1,2)', result: 3 },
    { richText: [{ text: '重点', font: { bold: true, color: { argb: 'FFFF0000' } } }, { text: '人员' }] },
    true,
    null, // an empty cell between filled ones
    { text: '张店区政府', hyperlink: 'http://www.zhangdian.gov.cn/' },
  ]);
  ws.getCell('C2').numFmt = 'yyyy-mm-dd';
  ws.getCell('D2').numFmt = '@';
  ws.addRow([]);
  ws.addRow(['李四', new Date(Date.UTC(1985, 5, 1, 14, 30)), { formula: 'C2+1', result: 46083 }]);
  ws.getCell('C4').numFmt = 'yyyy"年"m"月"d"日"';
  await wb.xlsx.writeFile(exceljsMade);
});

describe('readTable on .xlsx', () => {
  it('reads a workbook written by ExcelJS as a person reads it', async () => {
    const reader = await readTable({ path: exceljsMade }, { format: 'xlsx' });
    expect(reader.encoding).toBeUndefined();
    expect(reader.headers).toEqual(['姓名', '出生日期', '登记日期', '身份证号(文本)', '身份证号(数字)', '合计', '备注', '党员', '空', '网址']);
    expect(await all(reader)).toEqual([
      {
        rowNo: 2,
        cells: ['张三', '2026-03-01', '2026-03-01', '370303199001011234', '3.70303199001011E+17', '3', '重点人员', '是', '', '张店区政府'],
      },
      // rows are padded to the header width: Excel stores no trailing empty cells
      { rowNo: 4, cells: ['李四', '1985-06-01 14:30', '2026-03-02', '', '', '', '', '', '', ''] },
    ]);
    expect(reader.bytesRead()).toBe(reader.totalBytes);
  });

  it('reads a workbook laid out as desktop Excel writes it', async () => {
    const reader = await readTable({ path: excelMade }, { format: 'xlsx' });
    expect(reader.headers).toEqual(['姓名', '身份证号', '出生日期', '登记时间', '邮编', '备注', '党员', '年龄', '值班']);
    expect(await all(reader)).toEqual([
      {
        rowNo: 3, // the header is on row 2, under a formatted empty row
        cells: ['张三', '3.70303199001011E+17', '1990-01-01', '2026-03-01 09:30', '050000', '重点人员', '是', '36', '09:00'],
      },
      // row 4 holds only a space: skipped
      { rowNo: 5, cells: ['李四', '37030319900101123X', '1985-06-01', '#N/A', '', '第一行\r\n第二行', '否', '三十八', ''] },
    ]);
  });

  it('reads the same workbook stored as zip64, as writers do for sheets past 4 GiB', async () => {
    const p = path.join(dir, 'zip64.xlsx');
    fs.writeFileSync(p, excelMadeWorkbook({ zip64: true }));
    const reader = await readTable({ path: p }, { format: 'xlsx' });
    expect((await all(reader)).map((r) => r.cells[0])).toEqual(['张三', '李四']);
  });

  it('picks the first visible sheet by default, or the one asked for', async () => {
    const byNumber = await readTable({ path: excelMade }, { format: 'xlsx', sheet: 1 }); // the hidden one
    expect(byNumber.headers[0]).toBe('代码');
    await byNumber.close();
    const byName = await readTable({ path: excelMade }, { format: 'xlsx', sheet: '人口' });
    expect(byName.headers[0]).toBe('姓名');
    await byName.close();
    await expect(readTable({ path: excelMade }, { format: 'xlsx', sheet: '户籍' })).rejects.toMatchObject({
      code: 'import.sheet-not-found',
      message: expect.stringContaining('字典、人口'),
    });
  });

  it('reads from a stream, counting progress in bytes of the sheet', async () => {
    const reader = await readTable({ stream: fs.createReadStream(excelMade) }, { format: 'xlsx' });
    expect(reader.totalBytes).toBeGreaterThan(0);
    expect(reader.bytesRead()).toBeLessThanOrEqual(reader.totalBytes!);
    expect(await all(reader)).toHaveLength(2);
    expect(reader.bytesRead()).toBe(reader.totalBytes);
  });

  it('leaves no temporary files behind, also when stopped early or never iterated', async () => {
    const before = leftovers().length;
    const early = await readTable({ path: exceljsMade }, { format: 'xlsx' });
    for await (const row of early.rows) if (row) break;
    const never = await readTable({ stream: fs.createReadStream(excelMade) }, { format: 'xlsx' });
    await never.close();
    await readTable({ path: excelMade }, { format: 'xlsx', sheet: 9 }).catch(() => {});
    expect(leftovers()).toHaveLength(before);
  });

  it('says so when the file is not an .xlsx or is cut short', async () => {
    const csv = path.join(dir, 'really.csv.xlsx');
    fs.writeFileSync(csv, '姓名,身份证号\n张三,370303199001011234\n');
    await expect(readTable({ path: csv }, { format: 'xlsx' })).rejects.toMatchObject({ code: 'import.not-xlsx' });
    const cut = fs.readFileSync(excelMade).subarray(0, 1500);
    await expect(readTable({ stream: Readable.from([cut]) }, { format: 'xlsx' })).rejects.toMatchObject({ code: 'import.not-xlsx' });
    const damaged = fs.readFileSync(excelMade);
    const sheet = (await readZipDirectory(excelMade)).get('xl/worksheets/sheet1.xml')!;
    damaged.fill(0xff, sheet.localHeaderOffset + 60, sheet.localHeaderOffset + 80); // inside the deflated sheet
    await expect(readTable({ stream: Readable.from([damaged]) }, { format: 'xlsx' })).rejects.toMatchObject({ code: 'import.not-xlsx' });
  });

  it('fails instead of hanging when the input stream fails', async () => {
    const bytes = fs.readFileSync(excelMade);
    const failing = new Readable({
      read() {
        this.push(bytes.subarray(0, 1000));
        this.destroy(new Error('连接中断'));
      },
    });
    await expect(readTable({ stream: failing }, { format: 'xlsx' })).rejects.toThrow('连接中断');
  });
});
