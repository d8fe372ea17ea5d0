import { describe, expect, it } from 'vitest';
import { nameGrams, queryGrams } from './grams.js';

describe('name grams', () => {
  it('indexes characters and neighbouring pairs', () => {
    expect(nameGrams('张伟明').sort()).toEqual(['伟', '伟明', '张', '张伟', '明'].sort());
  });
  it('finds a name by any contiguous part, never by reversed characters', () => {
    const has = (name: string, q: string) => queryGrams(q).every((g) => nameGrams(name).includes(g));
    expect(has('张伟明', '张伟')).toBe(true);
    expect(has('张伟明', '伟明')).toBe(true);
    expect(has('张伟明', '明')).toBe(true);
    expect(has('张伟明', '张伟明')).toBe(true);
    expect(has('张伟明', '伟张')).toBe(false);
    expect(has('欧阳娜娜', '欧阳')).toBe(true);
  });
  it('ignores spaces and the middle dot of transliterated names', () => {
    expect(queryGrams('阿依 古丽')).toEqual(queryGrams('阿依古丽'));
    expect(nameGrams('买买提·艾力')).toContain('提艾');
  });
});
