import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { addCharts, columnLetters, type ChartSpec } from './charts.js';

async function twoSheets() {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('概况').addRow(['项目', '本期']);
  const trend = book.addWorksheet('趋势');
  trend.addRow(['标题']);
  trend.addRow(['日期', '上报数', '结案数']);
  for (const [d, r, c] of [['2026-11-01', 5, 3], ['2026-11-02', 7, 6], ['2026-11-03', 4, 4]] as const) trend.addRow([d, r, c]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const line: ChartSpec = {
  kind: 'line', title: '受理与结案趋势 <A&B>', dataSheet: '趋势', firstRow: 3, categories: { col: 1, values: ['2026-11-01', '2026-11-02', '2026-11-03'] },
  series: [{ name: '上报数', col: 2, values: [5, 7, 4] }, { name: '结案数', col: 3, values: [3, 6, null] }], at: { col: 7, row: 2, cols: 9, rows: 18 },
};

describe('charts in a workbook', () => {
  it('names columns as Excel does', () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });

  it('adds a chart part, a drawing on the host sheet, their relationships and content types; the cells are untouched', async () => {
    const out = await addCharts(await twoSheets(), 1, [line, { ...line, kind: 'bar', title: '类别', series: [line.series[0]!], at: { col: 7, row: 21, cols: 9, rows: 18 } }]);
    const zip = await JSZip.loadAsync(out);
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:lineChart>');
    expect(chart).toContain("<c:f>&#39;趋势&#39;!$A$3:$A$5</c:f>");
    expect(chart).toContain("<c:f>&#39;趋势&#39;!$C$3:$C$5</c:f>");
    expect(chart).toContain('受理与结案趋势 &#60;A&#38;B&#62;');
    // the cache holds the values, a blank for the missing one
    expect(chart).toContain('<c:pt idx="1"><c:v>7</c:v></c:pt>');
    expect(chart).not.toContain('<c:pt idx="2"><c:v>null');
    expect(await zip.file('xl/charts/chart2.xml')!.async('string')).toContain('<c:barDir val="bar"/>');
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toMatch(/<drawing r:id="rIdChart1"\/><\/worksheet>$|<drawing r:id="rIdChart1"\/>(<tableParts|<extLst)/);
    expect(sheet.indexOf('<pageMargins')).toBeLessThan(sheet.indexOf('<drawing'));
    expect(await zip.file('xl/worksheets/_rels/sheet1.xml.rels')!.async('string')).toContain('Target="../drawings/drawing1.xml"');
    const drawingRels = await zip.file('xl/drawings/_rels/drawing1.xml.rels')!.async('string');
    expect(drawingRels).toContain('Target="../charts/chart1.xml"');
    expect(drawingRels).toContain('Target="../charts/chart2.xml"');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(out as unknown as ArrayBuffer);
    expect(book.getWorksheet('趋势')!.getCell('B4').value).toBe(7);
  });

  it('leaves a workbook without charts as it was', async () => {
    const bytes = await twoSheets();
    expect(await addCharts(bytes, 1, [])).toBe(bytes);
  });
});
