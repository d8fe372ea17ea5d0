/**
 * Test fixtures only: an .xlsx laid out the way desktop Excel writes it, byte for byte where it
 * matters (worksheets before sharedStrings.xml and styles.xml, a 身份证号 typed as a number stored
 * as 3.70303199001011E+17, Chinese built-in date format 31 with no format string, _x000D_ escapes,
 * a hidden first sheet). ExcelJS cannot write most of these, so the zip is assembled here.
 */
import zlib from 'node:zlib';

/**
 * A zip of deflated entries, in the given order. With `zip64`, sizes and offsets are given the way
 * a writer must for parts over 4 GiB (a sheet of a million rows × 143 columns is about 6 GB of XML).
 */
export function zip(entries: [name: string, content: string][], { zip64 = false } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const raw = Buffer.from(content, 'utf8');
    const crc = zlib.crc32(raw);
    const data = zlib.deflateRawSync(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(raw.length), 4);
      extra.writeBigUInt64LE(BigInt(data.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(45, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(zip64 ? 0xffffffff : data.length, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes, extra);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, directory, ...tail, end]);
}

const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const sheet = (rows: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${ns}><sheetData>${rows}</sheetData></worksheet>`;

/** Shared strings, by index: 0–8 the header, then data. */
const strings = [
  '姓名', '身份证号', '出生日期', '登记时间', '邮编', '备注', '党员', '年龄', '值班',
  '张三', // 9
  '李四', // 10
  '第一行_x000D_\n第二行', // 11: Excel's escape of the carriage return in Alt+Enter text from Windows
  '代码', // 12
];

/** Excel's cell for shared string `i`, with an optional style. */
const s = (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i}</v></c>`;

/** The people sheet of an Excel-made workbook; the hidden lookup sheet 字典 comes first. */
export function excelMadeWorkbook({ zip64 = false } = {}): Buffer {
  const people = sheet(
    '<row r="1"><c r="A1" s="4"/></row>' + // formatted but empty: not the header
      `<row r="2">${strings.slice(0, 9).map((_, i) => s(`${'ABCDEFGHI'[i]}2`, i)).join('')}</row>` +
      '<row r="3">' +
      s('A3', 9) +
      '<c r="B3"><v>3.70303199001011E+17</v></c>' + // typed as a number: digits already lost
      '<c r="C3" s="1"><v>32874</v></c>' + // numFmtId 31, yyyy"年"m"月"d"日": 1990-01-01
      '<c r="D3" s="5"><v>46082.395833333336</v></c>' + // 2026-03-01 09:30
      '<c r="E3" s="3"><v>50000</v></c>' + // format 000000
      '<c r="F3" t="s"><v>13</v></c>' + // rich text
      '<c r="G3" t="b"><v>1</v></c>' +
      '<c r="H3"><f>2026-1990</f><v>36</v></c>' +
      '<c r="I3" s="6"><v>0.375</v></c>' + // 09:00, a time alone
      '</row>' +
      '<row r="4"><c r="A4" s="4"/><c r="B4" t="inlineStr"><is><t> </t></is></c></row>' + // blank: skipped
      '<row r="5">' +
      s('A5', 10) +
      '<c r="B5" t="inlineStr"><is><t>37030319900101123X</t></is></c>' +
      '<c r="C5" s="2"><f>DATE(1985,6,1)</f><v>31199</v></c>' + // a formula whose result has a date format
      '<c r="D5" t="e"><v>#N/A</v></c>' +
      // E5 missing: an empty cell in the middle
      s('F5', 11) +
      '<c r="G5" t="b"><v>0</v></c>' +
      '<c r="H5" t="str"><f>"三十"&amp;"八"</f><v>三十八</v></c>' +
      '</row>',
  );
  const lookup = sheet(`<row r="1">${s('A1', 12)}</row>`);
  const sst =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${ns} count="14" uniqueCount="14">` +
    strings.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join('') +
    '<si><r><rPr><b/></rPr><t>重点</t></r><r><t>人员</t></r></si>' + // 13
    '</sst>';
  const styles =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet ${ns}>` +
    '<numFmts count="1"><numFmt numFmtId="176" formatCode="000000"/></numFmts>' +
    '<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>' +
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
    '<borders count="1"><border/></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="7">' +
    [0, 31, 14, 176, 49, 22, 20].map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('') +
    '</cellXfs></styleSheet>';
  return zip([
    ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${ns}><workbookPr/><sheets><sheet name="字典" sheetId="2" state="hidden" r:id="rId2"/><sheet name="人口" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="${rel}/styles" Target="styles.xml"/></Relationships>`],
    ['xl/worksheets/sheet1.xml', people],
    ['xl/worksheets/sheet2.xml', lookup],
    ['xl/styles.xml', styles],
    ['xl/sharedStrings.xml', sst],
  ], { zip64 });
}
