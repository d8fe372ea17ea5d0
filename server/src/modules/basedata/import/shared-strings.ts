/**
 * The shared-string table of an .xlsx (xl/sharedStrings.xml), kept in a temporary file instead of
 * memory. Excel stores every distinct text of the workbook there once, so a sheet of a million
 * people holds millions of names, addresses and ID numbers; ExcelJS's own cache would keep them all
 * as JS strings (gigabytes). Here the strings go to disk in groups of 256; memory holds one offset
 * per group and the groups read last. Excel numbers strings in the order it first meets them, row by
 * row, so reading the sheet top to bottom mostly touches the newest group and a few early ones
 * (性别, 民族, 社区 names): a small LRU of groups almost always hits.
 *
 * The file I/O is synchronous on purpose: a miss costs one read of a few kilobytes, and it happens
 * inside the per-cell conversion, which would otherwise need an await for every cell.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const groupSize = 256;
const cachedGroups = 64;
const flushBytes = 1024 * 1024;

export class SharedStringFile {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-import-'));
  private fd: number | null = fs.openSync(path.join(this.dir, 'shared-strings'), 'w+');
  private count = 0;
  /** Bytes appended so far, flushed or not. */
  private size = 0;
  private flushed = 0;
  private pending: Buffer[] = [];
  private readonly groupStarts: number[] = [];
  private readonly groups = new Map<number, string[]>();

  get length(): number {
    return this.count;
  }

  /** Appends the next string; its index is the number of strings added before it. */
  add(text: string): void {
    if (this.count % groupSize === 0) this.groupStarts.push(this.size);
    else this.groups.delete(Math.floor(this.count / groupSize)); // a cached copy of this group lacks the new string
    const bytes = Buffer.from(text, 'utf8');
    const length = Buffer.allocUnsafe(4);
    length.writeUInt32LE(bytes.length);
    this.pending.push(length, bytes);
    this.size += 4 + bytes.length;
    this.count++;
    if (this.size - this.flushed >= flushBytes) this.flush();
  }

  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    const group = Math.floor(index / groupSize);
    let strings = this.groups.get(group);
    if (strings) {
      this.groups.delete(group); // re-insert: a Map iterates in insertion order, so the first key is the least recently used
    } else {
      strings = this.readGroup(group);
      if (this.groups.size >= cachedGroups) this.groups.delete(this.groups.keys().next().value!);
    }
    this.groups.set(group, strings);
    return strings[index % groupSize];
  }

  /** Deletes the temporary file. */
  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private readGroup(group: number): string[] {
    this.flush();
    const start = this.groupStarts[group]!;
    const bytes = Buffer.allocUnsafe((this.groupStarts[group + 1] ?? this.size) - start);
    for (let done = 0; done < bytes.length; ) done += fs.readSync(this.openFd(), bytes, done, bytes.length - done, start + done);
    const strings: string[] = [];
    for (let pos = 0; pos < bytes.length; ) {
      const length = bytes.readUInt32LE(pos);
      strings.push(bytes.toString('utf8', pos + 4, pos + 4 + length));
      pos += 4 + length;
    }
    return strings;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const bytes = Buffer.concat(this.pending);
    this.pending = [];
    for (let done = 0; done < bytes.length; ) done += fs.writeSync(this.openFd(), bytes, done, bytes.length - done, this.flushed + done);
    this.flushed = this.size;
  }

  private openFd(): number {
    if (this.fd === null) throw new Error('SharedStringFile is closed');
    return this.fd;
  }
}
