/**
 * Just enough of the zip format to read an .xlsx by its central directory: list the parts, then
 * stream any one of them, inflated. Random access lets us read sharedStrings.xml and styles.xml
 * before the worksheet whatever order the writer stored them in, and stream the worksheet straight
 * from the file instead of parking it in a temporary file.
 *
 * Why not ExcelJS's own zip pass: it reads the zip front to back with unzipper's Parse stream,
 * which announces its end as soon as it has read the central directory, while small entries it has
 * already unpacked still wait in its buffer. Those entries are silently dropped: in a small workbook
 * that can be sharedStrings.xml (every text cell then comes out empty) or workbook.xml (exceljs
 * issues #683 and #3064; reproduced here with exceljs 4.4.0 and unzipper 0.10.14).
 */
import fs from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const maxCommentBytes = 0xffff;

/** The entries of the zip at `path`, by name. */
export async function readZipDirectory(path: string): Promise<Map<string, ZipEntry>> {
  const file = await fs.promises.open(path, 'r');
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 22 + maxCommentBytes);
    const tail = await readAt(file, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0 && eocd < 0; i--) if (tail.readUInt32LE(i) === EOCD) eocd = i;
    if (eocd < 0) throw new ZipFormatError('no end of central directory');
    let count = tail.readUInt16LE(eocd + 10);
    let directorySize = tail.readUInt32LE(eocd + 12);
    let directoryOffset = tail.readUInt32LE(eocd + 16);
    if (eocd >= 20 && tail.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
      // over 65,535 parts or 4 GiB: the real numbers are in the zip64 record
      const record = await readAt(file, Number(tail.readBigUInt64LE(eocd - 12)), 56);
      if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipFormatError('bad zip64 record');
      count = Number(record.readBigUInt64LE(32));
      directorySize = Number(record.readBigUInt64LE(40));
      directoryOffset = Number(record.readBigUInt64LE(48));
    }
    if (directoryOffset + directorySize > size) throw new ZipFormatError('truncated zip');
    const directory = await readAt(file, directoryOffset, directorySize);
    const entries = new Map<string, ZipEntry>();
    for (let pos = 0, n = 0; n < count; n++) {
      if (directory.readUInt32LE(pos) !== CENTRAL_HEADER) throw new ZipFormatError('bad central directory');
      const nameLength = directory.readUInt16LE(pos + 28);
      const extraLength = directory.readUInt16LE(pos + 30);
      const commentLength = directory.readUInt16LE(pos + 32);
      const name = directory.toString('utf8', pos + 46, pos + 46 + nameLength);
      const entry: ZipEntry = {
        name,
        method: directory.readUInt16LE(pos + 10),
        compressedSize: directory.readUInt32LE(pos + 20),
        uncompressedSize: directory.readUInt32LE(pos + 24),
        localHeaderOffset: directory.readUInt32LE(pos + 42),
      };
      applyZip64(entry, directory.subarray(pos + 46 + nameLength, pos + 46 + nameLength + extraLength));
      entries.set(name, entry);
      pos += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } catch (error) {
    throw error instanceof RangeError ? new ZipFormatError('truncated zip', { cause: error }) : error;
  } finally {
    await file.close();
  }
}

/** A part's content as a stream, inflated. */
export async function openZipEntry(path: string, entry: ZipEntry): Promise<Readable> {
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`unsupported compression ${entry.method} in ${entry.name}`);
  const file = await fs.promises.open(path, 'r');
  let header: Buffer;
  try {
    header = await readAt(file, entry.localHeaderOffset, 30);
  } finally {
    await file.close();
  }
  if (header.readUInt32LE(0) !== LOCAL_HEADER) throw new ZipFormatError(`bad local header for ${entry.name}`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = fs.createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  if (entry.method === 0) return raw;
  return pipeline(raw, zlib.createInflateRaw(), () => {}); // an error reaches the reader through the inflater
}

/** Sizes and offsets past 4 GiB sit in the zip64 extra field (id 1), in this order, only where the header says 0xFFFFFFFF. */
function applyZip64(entry: ZipEntry, extra: Buffer) {
  for (let pos = 0; pos + 4 <= extra.length; pos += 4 + extra.readUInt16LE(pos + 2)) {
    if (extra.readUInt16LE(pos) !== 1) continue;
    let field = pos + 4;
    for (const key of ['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const) {
      if (entry[key] !== 0xffffffff) continue;
      entry[key] = Number(extra.readBigUInt64LE(field));
      field += 8;
    }
  }
}

async function readAt(file: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead < length) throw new ZipFormatError('truncated zip');
  return buffer;
}
