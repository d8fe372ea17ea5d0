import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { SharedStringFile } from './shared-strings.js';

const text = (i: number) => (i % 7 === 0 ? '' : `居民${i}·${'长'.repeat(i % 50)}`);

describe('SharedStringFile', () => {
  it('gives back every string by index, in any order, across many groups', () => {
    const strings = new SharedStringFile();
    const n = 20_000; // 79 groups, more than the cache holds
    for (let i = 0; i < n; i++) strings.add(text(i));
    expect(strings.length).toBe(n);
    for (const i of [0, 1, 255, 256, 19_999, 10_000, 7, 12_345]) expect(strings.get(i)).toBe(text(i));
    for (let k = 0; k < 2000; k++) {
      const i = (k * 7919) % n;
      expect(strings.get(i)).toBe(text(i));
    }
    expect(strings.get(n)).toBeUndefined();
    expect(strings.get(-1)).toBeUndefined();
    strings.close();
  });
  it('reads strings added after earlier reads, and deletes its file on close', () => {
    const before = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('gongzhi-import-')).length;
    const strings = new SharedStringFile();
    strings.add('甲');
    expect(strings.get(0)).toBe('甲');
    strings.add('乙');
    expect(strings.get(1)).toBe('乙');
    strings.close();
    strings.close();
    expect(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('gongzhi-import-')).length).toBe(before);
  });
});
