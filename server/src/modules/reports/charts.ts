import JSZip from 'jszip';

/**
 * Charts in a workbook ExcelJS wrote. ExcelJS (4.4) writes no charts, so the chart parts are added to the
 * .xlsx package afterwards (ECMA-376 DrawingML: a chart part, a drawing anchoring it on a sheet, their
 * relationships and content types). Each chart reads its cells by reference and carries their values
 * as its cache, so Excel, WPS and LibreOffice draw it on opening and redraw it when the cells change.
 */
export interface ChartSeries {
  name: string;
  /** 1-based column of the values on the data sheet */
  col: number;
  values: (number | null)[];
}

export interface ChartSpec {
  kind: 'line' | 'bar';
  title: string;
  /** the sheet the data lives on */
  dataSheet: string;
  /** 1-based row of the first value; the categories and series run down from it */
  firstRow: number;
  categories: { col: number; values: string[] };
  series: ChartSeries[];
  /** where the chart sits on its host sheet: 0-based top-left cell and size in cells */
  at: { col: number; row: number; cols: number; rows: number };
}

const ns = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const relType = { drawing: `${ns.r}/drawing`, chart: `${ns.r}/chart` };
const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const palette = ['C8102E', '2F9E44', '1677FF', 'FA8C16'];

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

const range = (sheet: string, col: number, from: number, to: number) => `'${sheet.replaceAll("'", "''")}'!$${columnLetters(col)}$${from}:$${columnLetters(col)}$${to}`;

function strCache(values: readonly string[]) {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}
function numCache(values: readonly (number | null)[]) {
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values
    .map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('')}</c:numCache>`;
}

function chartXml(s: ChartSpec): string {
  const last = s.firstRow + s.categories.values.length - 1;
  const series = s.series.map((x, i) => {
    const colour = palette[i % palette.length];
    const look = s.kind === 'line'
      ? `<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`
      : `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
    return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${esc(x.name)}</c:v></c:tx>${look}`
      + `<c:cat><c:strRef><c:f>${esc(range(s.dataSheet, s.categories.col, s.firstRow, last))}</c:f>${strCache(s.categories.values)}</c:strRef></c:cat>`
      + `<c:val><c:numRef><c:f>${esc(range(s.dataSheet, x.col, s.firstRow, last))}</c:f>${numCache(x.values)}</c:numRef></c:val>`
      + (s.kind === 'line' ? '<c:smooth val="0"/>' : '') + '</c:ser>';
  }).join('');
  const axes = '<c:axId val="5001"/><c:axId val="5002"/>';
  const plot = s.kind === 'line'
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
    : `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="60"/>${axes}</c:barChart>`;
  // horizontal bars list the categories top to bottom in the sheet's order
  const [catPos, valPos, catOrder] = s.kind === 'line' ? ['b', 'l', 'minMax'] : ['l', 'b', 'maxMin'];
  return `${xmlHead}<c:chartSpace xmlns:c="${ns.c}" xmlns:a="${ns.a}" xmlns:r="${ns.r}"><c:roundedCorners val="0"/><c:chart>`
    + `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${esc(s.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
    + `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}`
    + `<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="${catOrder}"/></c:scaling><c:delete val="0"/><c:axPos val="${catPos}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="low"/><c:crossAx val="5002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
    + `<c:valAx><c:axId val="5002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="5001"/><c:crosses val="${s.kind === 'line' ? 'autoZero' : 'max'}"/><c:crossBetween val="between"/></c:valAx>`
    + `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;
}

function drawingXml(charts: readonly ChartSpec[]): string {
  const anchors = charts.map((s, i) => {
    const cell = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${cell(s.at.col, s.at.row)}</xdr:from><xdr:to>${cell(s.at.col + s.at.cols, s.at.row + s.at.rows)}</xdr:to>`
      + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(s.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`
      + `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${ns.c}"><c:chart xmlns:c="${ns.c}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>`
      + `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
  }).join('');
  return `${xmlHead}<xdr:wsDr xmlns:xdr="${ns.xdr}" xmlns:a="${ns.a}" xmlns:r="${ns.r}">${anchors}</xdr:wsDr>`;
}

const relsXml = (rels: readonly { id: string; type: string; target: string }[]) =>
  `${xmlHead}<Relationships xmlns="${ns.rels}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('')}</Relationships>`;

/** Elements a worksheet may hold after <drawing>, in schema order: the drawing goes before the first present. */
const afterDrawing = ['<legacyDrawing', '<legacyDrawingHF', '<drawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst', '</worksheet>'];

/** Adds the charts, anchored on the host sheet (1-based, in workbook order), to an .xlsx package. */
export async function addCharts(xlsx: Buffer, hostSheet: number, charts: readonly ChartSpec[]): Promise<Buffer> {
  if (!charts.length) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const sheetPath = `xl/worksheets/sheet${hostSheet}.xml`;
  const relsPath = `xl/worksheets/_rels/sheet${hostSheet}.xml.rels`;
  const sheet = await zip.file(sheetPath)?.async('string');
  if (!sheet) throw new Error(`no worksheet ${sheetPath} in the workbook`);
  // the sheet's existing relationships (hyperlinks …) keep their ids; the drawing takes a new one
  const existing = (await zip.file(relsPath)?.async('string')) ?? relsXml([]);
  const drawingRel = `rIdChart${hostSheet}`;
  zip.file(relsPath, existing.replace('</Relationships>', `<Relationship Id="${drawingRel}" Type="${relType.drawing}" Target="../drawings/drawing${hostSheet}.xml"/></Relationships>`));
  const at = Math.min(...afterDrawing.map((tag) => sheet.indexOf(tag)).filter((i) => i >= 0));
  const withR = sheet.includes(`xmlns:r="${ns.r}"`) ? sheet : sheet.replace('<worksheet ', `<worksheet xmlns:r="${ns.r}" `);
  const shift = withR.length - sheet.length;
  zip.file(sheetPath, `${withR.slice(0, at + shift)}<drawing r:id="${drawingRel}"/>${withR.slice(at + shift)}`);

  const first = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length + 1;
  const names = charts.map((_, i) => `chart${first + i}.xml`);
  charts.forEach((c, i) => zip.file(`xl/charts/${names[i]}`, chartXml(c)));
  zip.file(`xl/drawings/drawing${hostSheet}.xml`, drawingXml(charts));
  zip.file(`xl/drawings/_rels/drawing${hostSheet}.xml.rels`, relsXml(names.map((n, i) => ({ id: `rId${i + 1}`, type: relType.chart, target: `../charts/${n}` }))));

  const types = await zip.file('[Content_Types].xml')!.async('string');
  const overrides = [
    `<Override PartName="/xl/drawings/drawing${hostSheet}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
    ...names.map((n) => `<Override PartName="/xl/charts/${n}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`),
  ].join('');
  zip.file('[Content_Types].xml', types.replace('</Types>', `${overrides}</Types>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
