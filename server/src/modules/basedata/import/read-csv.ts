/**
 * CSV in UTF-8 or GBK, streamed: bytes → TextDecoder (stream mode, so a character split between two
 * chunks is joined) → records (csv-records.ts) → rows. Memory stays at a few chunks whatever the file size.
 */
import type { Readable } from 'node:stream';
import { CsvRecordError, CsvRecordSplitter } from './csv-records.js';
import { detectEncoding, hasNonAscii } from './detect-encoding.js';
import { ImportFileError, isBlankRow, type TableReader, type TableRow } from './table.js';

/** Enough text to tell UTF-8 from GBK, read before decoding starts. */
const sampleBytes = 64 * 1024;
/** An export may begin with ASCII-only rows (codes, dates); keep sampling until a Chinese character shows up, up to this much. */
const maxSampleBytes = 4 * 1024 * 1024;
/**
 * A stray opening quote makes the rest of the file one "field"; without a limit it would all be held
 * in memory. A real record of 143 columns is a few kilobytes.
 */
const maxRecordChars = 1024 * 1024;

export async function readCsv(source: Readable, totalBytes?: number): Promise<TableReader> {
  let bytesRead = 0;
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const nextChunk = async (): Promise<Buffer | null> => {
    const next = await chunks.next();
    if (next.done) return null;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    bytesRead += chunk.length;
    return chunk;
  };

  const sample: Buffer[] = [];
  let sampled = 0;
  let sawNonAscii = false;
  while (sampled < sampleBytes || (!sawNonAscii && sampled < maxSampleBytes)) {
    const chunk = await nextChunk();
    if (!chunk) break;
    sample.push(chunk);
    sampled += chunk.length;
    sawNonAscii ||= hasNonAscii(chunk);
  }
  const head = Buffer.concat(sample);
  refuseUtf16(head, source);
  const encoding = detectEncoding(head);

  async function* text(): AsyncGenerator<string> {
    // If a "UTF-8" file turns out to hold GBK further on (two exports pasted together), stop rather
    // than import names as U+FFFD. The reverse cannot be caught: nearly any bytes decode as GB18030.
    const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
    const decode = (chunk?: Buffer) => {
      try {
        return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
      } catch (cause) {
        throw new ImportFileError('import.bad-encoding', '文件开头是 UTF-8 编码，后面却出现了不是 UTF-8 的内容（可能混入了 GBK 编码的数据）。请把整个文件另存为同一种编码后重新导入。', { cause });
      }
    };
    // TextDecoder drops a UTF-8 BOM itself; GB18030 has its own (84 31 95 33), which decodes to U+FEFF.
    let started = false;
    for (let chunk: Buffer | null = head; chunk; chunk = await nextChunk()) {
      let s = decode(chunk);
      if (!started && s) [s, started] = [s.replace(/^\uFEFF/, ''), true];
      if (s) yield s;
    }
    const rest = decode();
    if (rest) yield rest;
  }

  const chunksOfText = text();
  const splitter = new CsvRecordSplitter(maxRecordChars);
  let records: string[][] = [];
  let next = 0;
  let ended = false;
  /** The next record, or null at the end; records are split a chunk at a time. */
  const nextRecord = async (): Promise<string[] | null> => {
    while (next >= records.length) {
      if (ended) return null;
      records = [];
      next = 0;
      const chunk = await chunksOfText.next();
      if (chunk.done) {
        splitter.end(records);
        ended = true;
      } else splitter.push(chunk.value, records);
    }
    return records[next++]!;
  };

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await chunksOfText.return(undefined);
    source.destroy();
  };

  // Every record is one row in Excel, blank lines included, so counting records gives Excel's row number.
  let rowNo = 0;
  const nextRow = async (): Promise<TableRow | null> => {
    for (;;) {
      let cells: string[] | null;
      try {
        cells = await nextRecord();
      } catch (error) {
        throw csvFailure(error);
      }
      if (!cells) return null;
      rowNo++;
      if (!isBlankRow(cells)) return { rowNo, cells };
    }
  };

  let header: TableRow | null;
  try {
    header = await nextRow();
  } catch (error) {
    await close();
    throw error;
  }
  if (!header) {
    await close();
    throw new ImportFileError('import.file-empty', '文件是空的：没有找到表头行。');
  }

  async function* rows(): AsyncGenerator<TableRow> {
    try {
      for (let row = await nextRow(); row; row = await nextRow()) yield row;
    } finally {
      await close();
    }
  }

  return {
    headers: header.cells.map((h) => h.trim()),
    encoding,
    rows: rows(),
    bytesRead: () => bytesRead,
    totalBytes,
    close,
  };
}

/** Excel's "Unicode 文本" export is UTF-16; decoding it as GBK would give garbage, so say so. */
function refuseUtf16(head: Buffer, source: Readable) {
  const bom = head.subarray(0, 2).toString('hex');
  if (bom !== 'fffe' && bom !== 'feff') return;
  source.destroy();
  throw new ImportFileError('import.utf16-unsupported', '文件是 UTF-16（“Unicode 文本”）编码，暂不支持。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后重新导入。');
}

function csvFailure(error: unknown): unknown {
  if (!(error instanceof CsvRecordError)) return error;
  const rowNo = error.recordsBefore + 1;
  const message = error.reason === 'unclosed_quote' ? `第 ${rowNo} 行起有一个双引号没有闭合，文件其余部分无法读取。` : `第 ${rowNo} 行超过 1 MB，多半是前面有一个双引号没有闭合。`;
  return new ImportFileError('import.csv-malformed', message, { cause: error });
}
