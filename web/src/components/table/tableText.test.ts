import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { nodeText, sheetCell, tableSheet, type ExportColumn } from './tableText';

describe('nodeText', () => {
  it('reads the text a rendered cell shows, through elements and arrays', () => {
    const cell = createElement('span', null, createElement('a', { href: '#' }, '370303-20261124-00001'), ' · ', 12, false, null);
    expect(nodeText(cell)).toBe('370303-20261124-00001 · 12');
    expect(nodeText([createElement('b', { key: 1 }, '车站'), '街道'])).toBe('车站街道');
    expect(nodeText(createElement('i'))).toBe('');
  });
});

describe('sheetCell', () => {
  it('makes counts and amounts numbers and keeps codes, dates and percentages as text', () => {
    expect(sheetCell('1,234')).toBe(1234);
    expect(sheetCell('42')).toBe(42);
    expect(sheetCell('3.5')).toBe(3.5);
    expect(sheetCell('370303001001')).toBe('370303001001');
    expect(sheetCell('007')).toBe('007');
    expect(sheetCell('37030319880101123X')).toBe('37030319880101123X');
    expect(sheetCell('2026-11-24')).toBe('2026-11-24');
    expect(sheetCell('96.5%')).toBe('96.5%');
    expect(sheetCell('—')).toBeNull();
    expect(sheetCell(undefined)).toBeNull();
    expect(sheetCell(Number.NaN)).toBeNull();
  });
});

describe('tableSheet', () => {
  interface Row { name: string; n: number; state: string; nested: { code: string } }
  const columns: ExportColumn<Row>[] = [
    { title: '名称', dataIndex: 'name', render: (v: string) => createElement('a', null, v) },
    { title: createElement('span', null, '上报数'), dataIndex: 'n' },
    { title: '状态', dataIndex: 'state', render: () => createElement('span'), exportValue: (r) => (r.state === 'closed' ? '已结案' : '办理中') },
    { title: '编码', dataIndex: ['nested', 'code'] },
    { title: '操作', noExport: true, render: () => createElement('button', null, '删除') },
    { title: '', key: 'icon' },
  ];
  it('takes the columns shown with their titles, and each cell as rendered or as its export value', () => {
    const rows: Row[] = [{ name: '车站街道', n: 1200, state: 'closed', nested: { code: '370303001000' } }];
    expect(tableSheet(columns, rows)).toEqual({ header: ['名称', '上报数', '状态', '编码'], rows: [['车站街道', 1200, '已结案', '370303001000']] });
  });
});
