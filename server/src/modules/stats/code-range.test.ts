import { describe, expect, it } from 'vitest';
import { codeRange } from './code-range.js';

describe('a code prefix as a range', () => {
  it('holds every code with the prefix and no other, across a carry', () => {
    const [low, high] = codeRange('370309');
    expect(['370309', '370309001001'].every((c) => c >= low && c < high)).toBe(true);
    expect(['370310001001', '370308999999'].some((c) => c >= low && c < high)).toBe(false);
    expect(codeRange('370303001')).toEqual(['370303001', '370303002']);
    expect(codeRange('0109')).toEqual(['0109', '0110']);
  });
});
