import { describe, expect, it } from 'vitest';
import { cellText, isDateFormat, numberText, serialText, unescapeExcel, type CellContext } from './xlsx-cell-text.js';

const ctx = (numFmt?: string, date1904 = false): CellContext => ({ numFmt, date1904, sharedString: (i) => ['零', '一'][i] });

describe('cellText', () => {
  it('reads the UTC fields of ExcelJS dates as China wall-clock time', () => {
    expect(cellText(new Date(Date.UTC(2026, 2, 1)), ctx())).toBe('2026-03-01');
    expect(cellText(new Date(Date.UTC(2026, 2, 1, 23, 30)), ctx())).toBe('2026-03-01 23:30');
    expect(cellText(new Date(Date.UTC(2026, 2, 1, 8, 5, 7)), ctx())).toBe('2026-03-01 08:05:07');
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 9)), ctx())).toBe('09:00'); // a time without a date
    expect(cellText(new Date(Date.UTC(1904, 0, 1, 9)), ctx(undefined, true))).toBe('09:00');
  });
  it('turns numbers with a date format into dates, in both date systems', () => {
    expect(cellText(46082, ctx('yyyy"年"m"月"d"日"'))).toBe('2026-03-01');
    expect(cellText(46082.5, ctx('[$-F800]dddd, mmmm dd, yyyy'))).toBe('2026-03-01 12:00');
    expect(cellText(46082 - 1462, ctx('yyyy-mm-dd', true))).toBe('2026-03-01');
    expect(cellText({ formula: 'A1+1', result: 46083 }, ctx('yyyy-mm-dd'))).toBe('2026-03-02');
  });
  it('writes integers in full and refuses to invent digits Excel has lost', () => {
    expect(cellText(13800138000, ctx())).toBe('13800138000');
    expect(cellText(1234567890123456, ctx())).toBe('1234567890123456');
    expect(cellText(370303199001011234, ctx())).toBe('3.70303199001011E+17');
    expect(cellText(1e21, ctx())).toBe('1E+21');
    expect(cellText(0.1 + 0.2, ctx())).toBe('0.3');
    expect(cellText(-12.5, ctx('0.00'))).toBe('-12.5');
    expect(cellText(50000, ctx('000000'))).toBe('050000');
  });
  it('flattens the other kinds of cell', () => {
    expect(cellText(true, ctx())).toBe('是');
    expect(cellText(false, ctx())).toBe('否');
    expect(cellText(null, ctx())).toBe('');
    expect(cellText(undefined, ctx())).toBe('');
    expect(cellText({ richText: [{ text: '重点', font: { bold: true } }, { text: '人员' }] }, ctx())).toBe('重点人员');
    expect(cellText({ formula: '1+2', result: 3 }, ctx())).toBe('3');
    expect(cellText({ formula: 'A1', result: '文本' }, ctx())).toBe('文本');
    expect(cellText({ formula: 'A1' }, ctx())).toBe(''); // no cached result
    expect(cellText({ formula: '1/0', result: Number.NaN }, ctx())).toBe('');
    expect(cellText({ sharedFormula: 'B2', result: 4 }, ctx())).toBe('4');
    expect(cellText({ error: '#N/A' }, ctx())).toBe('#N/A');
    expect(cellText({ text: '政务网', hyperlink: 'http://www.zhangdian.gov.cn' }, ctx())).toBe('政务网');
    expect(cellText({ sharedString: 1 }, ctx())).toBe('一');
    expect(cellText('a_x000D_\nb', ctx())).toBe('a\r\nb');
  });
});

describe('the pieces', () => {
  it('tells date formats from number formats', () => {
    for (const f of ['yyyy-mm-dd', 'm/d/yy h:mm', 'yyyy"年"m"月"d"日"', 'h:mm:ss', '[$-804]yyyy年m月d日']) expect(isDateFormat(f), f).toBe(true);
    for (const f of [undefined, 'General', '0', '0.00', '#,##0.00_);[Red](#,##0.00)', '"¥"#,##0.00', '0.00E+00', '@', '000000', '0"天"']) expect(isDateFormat(f), f).toBe(false);
  });
  it('formats serials to the second and rounds away float noise', () => {
    expect(serialText(46082.395833333336)).toBe('2026-03-01 09:30');
    expect(serialText(46082.99999999)).toBe('2026-03-02');
    expect(serialText(0.375)).toBe('09:00');
  });
  it('undoes Excel escapes in one pass', () => {
    expect(unescapeExcel('_x005F_x000D_')).toBe('_x000D_');
    expect(unescapeExcel('无转义')).toBe('无转义');
  });
  it('keeps small integers exact', () => {
    expect(numberText(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
    expect(numberText(-7)).toBe('-7');
  });
});
