import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from './read-table.js';
import { ImportFileError, type TableReader, type TableRow } from './table.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-csv-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const content = [
  ' 姓名 ,身份证号,性别,现住址',
  '张三,370303199001011234,男,淄博市张店区马尚街道',
  '李四,37030319850601123X,女,"淄博市张店区车站街道，""和平""小区\n3号楼"',
  '',
  '王五,370303200001011111,男',
  '赵六,370303200001012222,女,张店区,多余的一列',
  ',,,',
  '孙七,370303199912313333,男,"马尚街道, 5号"',
].join('\r\n');

const expectedRows: TableRow[] = [
  { rowNo: 2, cells: ['张三', '370303199001011234', '男', '淄博市张店区马尚街道'] },
  { rowNo: 3, cells: ['李四', '37030319850601123X', '女', '淄博市张店区车站街道，"和平"小区\n3号楼'] },
  { rowNo: 5, cells: ['王五', '370303200001011111', '男'] },
  { rowNo: 6, cells: ['赵六', '370303200001012222', '女', '张店区', '多余的一列'] },
  { rowNo: 8, cells: ['孙七', '370303199912313333', '男', '马尚街道, 5号'] },
];

async function all(reader: TableReader) {
  const rows: TableRow[] = [];
  for await (const row of reader.rows) rows.push(row);
  return rows;
}

function file(name: string, bytes: Buffer) {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

/** A stream that hands the bytes over in pieces of `size`, so characters get split between chunks. */
const chunked = (bytes: Buffer, size: number) =>
  Readable.from((function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  })());

describe('readTable on CSV', () => {
  it('reads UTF-8 with a BOM: trimmed Chinese headers, quoted fields, ragged rows, Excel row numbers', async () => {
    const p = file('utf8.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(content)]));
    const reader = await readTable({ path: p }, { format: 'csv' });
    expect(reader.encoding).toBe('utf-8');
    expect(reader.headers).toEqual(['姓名', '身份证号', '性别', '现住址']);
    expect(await all(reader)).toEqual(expectedRows);
    expect(reader.totalBytes).toBe(fs.statSync(p).size);
    expect(reader.bytesRead()).toBe(reader.totalBytes);
  });

  it('reads the same content saved as GBK, also when characters are split between chunks', async () => {
    const gbk = iconv.encode(content, 'gbk');
    const fromFile = await readTable({ path: file('gbk.csv', gbk) }, { format: 'csv' });
    expect(fromFile.encoding).toBe('gb18030');
    expect(fromFile.headers).toEqual(['姓名', '身份证号', '性别', '现住址']);
    expect(await all(fromFile)).toEqual(expectedRows);
    for (const size of [1, 7]) {
      const fromStream = await readTable({ stream: chunked(gbk, size) }, { format: 'csv' });
      expect(await all(fromStream)).toEqual(expectedRows);
    }
    const utf8InPieces = await readTable({ stream: chunked(Buffer.from(content), 1) }, { format: 'csv' });
    expect(await all(utf8InPieces)).toEqual(expectedRows);
  });

  it('accepts \\n, \\r\\n and \\r line ends mixed, and a stray quote inside a field', async () => {
    const reader = await readTable({ stream: Readable.from([Buffer.from('a,b\r\n1,2\n3,4\r5,6 "号"\n')]) }, { format: 'csv' });
    expect(await all(reader)).toEqual([
      { rowNo: 2, cells: ['1', '2'] },
      { rowNo: 3, cells: ['3', '4'] },
      { rowNo: 4, cells: ['5', '6 "号"'] },
    ]);
  });

  it('keeps sampling past an ASCII-only beginning until Chinese shows up', async () => {
    const ascii = 'code,name\n' + '370303,x\n'.repeat(20_000); // ~180 KB without a Chinese character
    const gbk = iconv.encode(`${ascii}370303,张店区\n`, 'gbk');
    const reader = await readTable({ stream: chunked(gbk, 16 * 1024) }, { format: 'csv' });
    expect(reader.encoding).toBe('gb18030');
    const rows = await all(reader);
    expect(rows.at(-1)).toEqual({ rowNo: 20_002, cells: ['370303', '张店区'] });
  });

  it('stops with a clear error when a UTF-8 file turns into GBK later on', async () => {
    const bytes = Buffer.concat([Buffer.from(`姓名,地址\n${'张三,张店区\n'.repeat(10_000)}`), iconv.encode('李四,张店区\n', 'gbk')]);
    const reader = await readTable({ stream: chunked(bytes, 64 * 1024) }, { format: 'csv' });
    await expect(all(reader)).rejects.toMatchObject({ code: 'import.bad-encoding' });
  });

  it('names the row of an unclosed quote instead of reading the rest of the file into one field', async () => {
    const input = Readable.from([Buffer.from('姓名,地址\n\n张三,"张店区\n李四,周村区\n')]);
    const error = await readTable({ stream: input }, { format: 'csv' }).then(all).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ code: 'import.csv-malformed', message: expect.stringContaining('第 3 行') });
  });

  it('refuses an empty file and a UTF-16 one', async () => {
    await expect(readTable({ path: file('empty.csv', Buffer.from('\r\n,,\r\n')) }, { format: 'csv' })).rejects.toMatchObject({ code: 'import.file-empty' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t年龄\r\n', 'utf16le')]);
    await expect(readTable({ path: file('utf16.csv', utf16) }, { format: 'csv' })).rejects.toMatchObject({ code: 'import.utf16-unsupported' });
  });

  it('releases the input when the caller stops early or never starts', async () => {
    const early = Readable.from([Buffer.from('a\n1\n2\n3\n')]);
    const reader = await readTable({ stream: early }, { format: 'csv' });
    for await (const row of reader.rows) if (row.rowNo === 2) break;
    expect(early.destroyed).toBe(true);
    const never = Readable.from([Buffer.from('a\n1\n')]);
    await (await readTable({ stream: never }, { format: 'csv' })).close();
    expect(never.destroyed).toBe(true);
  });

  // The time limit only guards against a hang on a busy machine; nothing here measures speed.
  it('streams 200,000 rows generated on the fly', { timeout: 120_000 }, async () => {
    const rowCount = 200_000;
    function* lines() {
      yield Buffer.from('\uFEFF序号,姓名,身份证号,现住址\n');
      for (let i = 0; i < rowCount; i += 1000) {
        let batch = '';
        for (let j = i; j < i + 1000; j++) batch += `${j + 1},居民${j},37030319900101${String(j % 10_000).padStart(4, '0')},淄博市张店区第${j}号\n`;
        yield Buffer.from(batch);
      }
    }
    const reader = await readTable({ stream: Readable.from(lines()) }, { format: 'csv' });
    let count = 0;
    let last: TableRow | undefined;
    for await (const row of reader.rows) {
      count++;
      last = row;
    }
    expect(count).toBe(rowCount);
    expect(last).toEqual({ rowNo: rowCount + 1, cells: ['200000', '居民199999', '370303199001019999', '淄博市张店区第199999号'] });
  });
});
