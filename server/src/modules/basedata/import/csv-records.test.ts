import { describe, expect, it } from 'vitest';
import { CsvRecordError, CsvRecordSplitter } from './csv-records.js';

/** Splits `text` handed over in pieces of `size` characters (every size from 1 up exercises every boundary). */
function split(text: string, size = text.length || 1): string[][] {
  const splitter = new CsvRecordSplitter(1000);
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += size) splitter.push(text.slice(i, i + size), out);
  splitter.end(out);
  return out;
}

const sample = [
  '姓名,身份证号,地址',
  '张三,370303199001011234,马尚街道',
  '李四,37030319850601123X,"车站街道，""和平""小区\r\n3号楼"',
  '',
  '王五,,"a,b",多余',
  '赵六,5"楼,"x"y',
].join('\r\n');
const expected = [
  ['姓名', '身份证号', '地址'],
  ['张三', '370303199001011234', '马尚街道'],
  ['李四', '37030319850601123X', '车站街道，"和平"小区\r\n3号楼'],
  [''],
  ['王五', '', 'a,b', '多余'],
  ['赵六', '5"楼', 'xy'],
];

describe('CsvRecordSplitter', () => {
  it('splits plain and quoted records: doubled quotes, commas and line ends inside quotes, stray quotes kept', () => {
    expect(split(sample)).toEqual(expected);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    for (let size = 1; size <= 12; size++) expect(split(sample, size)).toEqual(expected);
  });

  it('treats \\r\\n, \\n and \\r alike, also when \\r\\n is split between chunks, and reads a last line without a line end', () => {
    const text = 'a,b\r\n1,2\n3,4\r5,6\r\n"7",8\r"9"\n10';
    const want = [['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6'], ['7', '8'], ['9'], ['10']];
    for (let size = 1; size <= text.length; size++) expect(split(text, size)).toEqual(want);
  });

  it('keeps a trailing empty field and an empty quoted field', () => {
    expect(split('a,\r\n"",b\r\n')).toEqual([['a', ''], ['', 'b']]);
  });

  it('names the record where a quote is never closed', () => {
    const error = (() => {
      try {
        split('h\r\n\r\n张三,"张店区\r\n李四,周村区\r\n', 5);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CsvRecordError);
    expect(error).toMatchObject({ reason: 'unclosed_quote', recordsBefore: 2 });
  });

  it('refuses a record longer than its limit instead of holding the file', () => {
    const splitter = new CsvRecordSplitter(10);
    expect(() => splitter.push(`a\n"${'x'.repeat(20)}`, [])).toThrow(expect.objectContaining({ reason: 'record_too_long', recordsBefore: 1 }));
  });
});
