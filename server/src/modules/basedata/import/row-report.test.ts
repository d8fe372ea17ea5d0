import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from './read-table.js';
import { writeRowReport, type ReportRow } from './row-report.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-report-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const headers = ['姓名', '身份证号', '现住址'];
const bad: ReportRow[] = [
  { rowNo: 3, cells: ['张三', '3.70303199001011E+17', '马尚街道'], errors: [{ column: '身份证号', message: '不是有效的身份证号（可能被 Excel 当成了数字）' }] },
  {
    rowNo: 7,
    cells: ['', '37030319900101123X'],
    errors: [
      { column: '姓名', message: '必填' },
      { column: '整行', message: '少了 1 列' },
    ],
  },
];
async function* rows() {
  yield* bad;
}

describe('writeRowReport', () => {
  it('writes a sheet 错误明细 that a clerk can fix and import again', async () => {
    const file = path.join(dir, 'report.xlsx');
    expect(await writeRowReport(file, rows(), headers)).toEqual({ rows: 2, omitted: 0 });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('错误明细')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '行号', '错误说明', ...headers]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    expect(sheet.getRow(2).values).toEqual([undefined, 3, '身份证号：不是有效的身份证号（可能被 Excel 当成了数字）', '张三', '3.70303199001011E+17', '马尚街道']);
    expect(sheet.getRow(3).getCell(2).value).toBe('姓名：必填；整行：少了 1 列');
    for (const r of [2, 3]) expect(sheet.getRow(r).getCell(2).font?.color?.argb).toBe('FFC00000');
    expect(sheet.getRow(2).getCell(4).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } }); // the bad ID cell
    expect(sheet.getRow(3).getCell(3).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } }); // the empty name
    expect(sheet.getRow(2).getCell(3).fill).not.toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(sheet.getRow(2).getCell(4).numFmt).toBe('@'); // IDs typed in later stay text

    // and the file layer reads it back: the report is itself importable
    const again = await readTable({ path: file }, { format: 'xlsx' });
    expect(again.headers).toEqual(['行号', '错误说明', ...headers]);
    const cells = [];
    for await (const row of again.rows) cells.push(row.cells.slice(2));
    expect(cells).toEqual([bad[0]!.cells, ['', '37030319900101123X', '']]);
  });

  it('writes to a stream as well', async () => {
    const out = new PassThrough();
    const bytes = buffer(out);
    await writeRowReport(out, rows(), headers);
    expect((await bytes).subarray(0, 2).toString()).toBe('PK');
  });
});
