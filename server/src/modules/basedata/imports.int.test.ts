import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { county, gongyuan, loginAs, problemCode, useTestApp, type Client } from '../../test/harness.js';
import { openWorkbook } from '../../test/workbooks.js';
import { idNumber } from './test-helpers.js';

const ctx = useTestApp();
const grid = '370303001001001';
let admin: Client;

beforeAll(async () => {
  admin = await loginAs(ctx, { role: 'data_admin', scopeCode: county });
});

function multipartBody(file: Buffer, filename: string, fields: Record<string, string>) {
  const boundary = `----gz${Date.now()}`;
  const parts: Uint8Array[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function preview(client: Client, file: Buffer, filename: string, entity = 'person') {
  const body = multipartBody(file, filename, { entity });
  return client.request({ method: 'POST', url: '/api/v1/basedata/imports/preview', payload: body.payload, headers: { ...body.headers, 'x-csrf-token': client.csrfToken } });
}

/** Starts an import and waits for it to finish. */
async function runImport(client: Client, uploadId: string, mapping: Record<string, string>, source = 'gongan', dryRun = false) {
  const started = await client.send('POST', '/api/v1/basedata/imports', { uploadId, entity: 'person', source, mapping, dryRun });
  expect(started.statusCode).toBe(202);
  for (;;) {
    const state = (await client.get(`/api/v1/basedata/imports/${started.json().id}`)).json();
    if (state.state === 'done' || state.state === 'failed') return state;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ids = [idNumber('19700101', '1'), idNumber('19850615', '2'), idNumber('20010909', '1')];
const rows = [
  ['公民身份号码', '姓名', '人员类型', '所属网格', '联系电话', '出生日期'],
  [ids[0]!, '张建国', '户籍人口', grid, '13853300001', '1970-01-01'],
  [ids[1]!, '李秀梅', 'changzhu', grid, '', '1985/6/15'],
  [`${ids[2]!.slice(0, 17)}${ids[2]![17] === '0' ? '1' : '0'}`, '王错号', 'huji', grid, '', ''],
  [ids[2]!, '赵无格', 'huji', '370303001001999', '', ''],
  [ids[0]!, '张建国', '户籍人口', grid, '13853300001', '1970-01-01'],
  ['', '', '', '', '', ''],
  [idNumber(), '钱无型', '', grid, '', ''],
];
const csv = (r: string[][]) => r.map((cells) => cells.join(',')).join('\r\n');

describe('importing people', () => {
  it('reads a GBK file, reports bad and repeated rows by row number, and changes nothing on a second run', async () => {
    const file = iconv.encode(csv(rows), 'gbk');
    const res = await preview(admin, file, '公安户籍.csv');
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ encoding: 'gb18030', format: 'csv', fileName: '公安户籍.csv', headers: rows[0] });
    expect(p.mapping).toEqual({ 公民身份号码: 'id_number', 姓名: 'name', 人员类型: 'person_type', 所属网格: 'grid_code', 联系电话: 'phone', 出生日期: 'birth_date' });

    const dry = await runImport(admin, p.uploadId, p.mapping, 'gongan', true);
    expect(dry).toMatchObject({ state: 'done', dryRun: true, inserted: 2, failed: 4 });
    expect((await admin.get(`/api/v1/basedata/people?q=${ids[0]}`)).json().items).toHaveLength(0);

    const first = await runImport(admin, p.uploadId, p.mapping);
    expect(first).toMatchObject({ state: 'done', rowsRead: 6, inserted: 2, updated: 0, unchanged: 0, failed: 4 });
    expect(first.bytesRead).toBe(first.totalBytes);
    const errors = (await admin.get(`/api/v1/basedata/imports/${first.id}/errors`)).json();
    expect(errors.items.map((e: { rowNo: number }) => e.rowNo)).toEqual([4, 5, 6, 8]);
    expect(errors.items[0].errors[0]).toMatchObject({ column: '公民身份号码' });
    expect(errors.items[0].errors[0].message).toContain('校验码');
    expect(errors.items[1].errors[0].message).toContain('370303001001999');
    expect(errors.items[2].errors[0].message).toContain('第 2 行');
    expect(errors.items[3].errors[0]).toMatchObject({ column: '人员类型' });
    const person = (await admin.get(`/api/v1/basedata/people?q=${ids[1]}`)).json().items[0];
    expect(person).toMatchObject({ name: '李秀梅', birthDate: '1985-06-15', personType: 'changzhu' });

    const report = await admin.get(`/api/v1/basedata/imports/${first.id}/report`);
    expect(report.statusCode).toBe(200);
    const sheet = (await openWorkbook(report)).worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '行号', '错误说明', ...rows[0]!]);
    expect(sheet.rowCount).toBe(5);

    const again = await runImport(admin, p.uploadId, p.mapping);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, failed: 4, discrepancies: 0 });
  });

  it('reads an Excel file with real dates, and a grid worker’s file cannot override the police’s names', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('人口');
    sheet.addRow(['身份证号', '姓名', '人员类型', '网格编码', '入住日期']);
    sheet.addRow([ids[0], '张建囯', '户籍人口', grid, new Date(Date.UTC(2020, 4, 1))]);
    sheet.addRow([idNumber('19920229', '2'), '孙悦', '流动人口', grid, new Date(Date.UTC(2026, 2, 1))]);
    sheet.addRow([idNumber('19900303', '1'), '周户籍', '户籍', grid, new Date(Date.UTC(2026, 2, 1))]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const p = (await preview(admin, file, '网格采集.xlsx')).json();
    expect(p.format).toBe('xlsx');
    expect(p.sample[0][4]).toBe('2020-05-01');
    const mapping = { ...p.mapping, 人员类型: 'person_type' };
    const run = await runImport(admin, p.uploadId, mapping, 'wangge');
    // the police's name stays (a discrepancy); the grid worker confirms the grid, the source authoritative for it
    expect(run).toMatchObject({ inserted: 1, updated: 1, discrepancies: 1, failed: 1 });
    expect((await admin.get(`/api/v1/basedata/people?q=${ids[0]}`)).json().items[0].name).toBe('张建国');
    // 户籍 is not one of the choices (户籍人口 is)
    const detail = (await admin.get(`/api/v1/basedata/imports/${run.id}/errors`)).json();
    expect(detail.items[0].errors[0].column).toBe('人员类型');
  });

  it('refuses a mapping without the fields a person needs, files it cannot read, and other roles', async () => {
    const p = (await preview(admin, Buffer.from(csv(rows.slice(0, 3))), 'x.csv')).json();
    const bad = await admin.send('POST', '/api/v1/basedata/imports', { uploadId: p.uploadId, entity: 'person', source: 'gongan', mapping: { 姓名: 'name' } });
    expect(bad.statusCode).toBe(400);
    expect(problemCode(bad)).toBe('basedata.import_mapping');
    expect(bad.json().detail).toContain('公民身份号码');
    const xls = await preview(admin, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.xls');
    expect(problemCode(xls)).toBe('basedata.import_format');
    const worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: grid });
    expect((await preview(worker, Buffer.from(csv(rows)), 'x.csv')).statusCode).toBe(403);
    const other = await loginAs(ctx, { role: 'data_admin', scopeCode: gongyuan });
    expect((await other.send('POST', '/api/v1/basedata/imports', { uploadId: p.uploadId, entity: 'person', source: 'gongan', mapping: p.mapping })).statusCode).toBe(404);
    const list = (await other.get('/api/v1/basedata/imports')).json().items;
    expect(list).toHaveLength(0);
  });
});
