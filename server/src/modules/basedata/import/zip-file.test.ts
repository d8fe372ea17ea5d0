import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { zip } from './test-fixtures.js';
import { openZipEntry, readZipDirectory, ZipFormatError } from './zip-file.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-zip-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, bytes: Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
};
const parts: [string, string][] = [
  ['a.xml', '<a>甲</a>'],
  ['xl/b.xml', `<b>${'乙'.repeat(50_000)}</b>`],
];

describe('zip-file', () => {
  for (const zip64 of [false, true]) {
    it(`lists and inflates the parts${zip64 ? ' of a zip64 archive' : ''}`, async () => {
      const p = write(`parts${zip64 ? '64' : ''}.zip`, zip(parts, { zip64 }));
      const entries = await readZipDirectory(p);
      expect([...entries.keys()]).toEqual(['a.xml', 'xl/b.xml']);
      for (const [name, content] of parts) {
        const entry = entries.get(name)!;
        expect(entry.uncompressedSize).toBe(Buffer.byteLength(content));
        expect(await text(await openZipEntry(p, entry))).toBe(content);
      }
    });
  }

  it('reads what ExcelJS (archiver, with data descriptors) writes', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').addRow(['张三']);
    const p = path.join(dir, 'exceljs.xlsx');
    await wb.xlsx.writeFile(p);
    const entries = await readZipDirectory(p);
    expect(await text(await openZipEntry(p, entries.get('xl/sharedStrings.xml')!))).toContain('张三');
  });

  it('refuses what is not a zip, or is cut short', async () => {
    await expect(readZipDirectory(write('not.zip', Buffer.from('姓名,身份证号\n')))).rejects.toBeInstanceOf(ZipFormatError);
    const whole = zip(parts);
    await expect(readZipDirectory(write('cut.zip', whole.subarray(0, whole.length - 30)))).rejects.toBeInstanceOf(ZipFormatError);
    await expect(readZipDirectory(write('empty.zip', Buffer.alloc(0)))).rejects.toBeInstanceOf(ZipFormatError);
  });
});
