import { describe, expect, it } from 'vitest';
import { countTerms, termsOf, Vectoriser } from './features.js';

describe('terms of a text', () => {
  it('are its words, its neighbouring word pairs and its neighbouring character pairs', () => {
    expect(termsOf(['拖欠', '工资'])).toEqual(['w:拖欠', 'b:拖欠|工资', 'w:工资', 'c:拖欠', 'c:欠工', 'c:工资']);
    expect(termsOf(['噪音'])).toEqual(['w:噪音', 'c:噪音']);
    expect(termsOf([])).toEqual([]);
  });
});

describe('TF-IDF vectors', () => {
  const docs = [
    ['w:a', 'w:b'],
    ['w:a', 'w:c'],
    ['w:a', 'w:b', 'w:once'],
  ].map(countTerms);
  it('keep terms seen in at least min-df documents, the most frequent first', () => {
    expect(Vectoriser.fit(docs, 2).terms).toEqual(['w:a', 'w:b']);
    expect(Vectoriser.fit(docs, 1).terms).toEqual(['w:a', 'w:b', 'w:c', 'w:once']);
  });
  it('weigh a rarer term higher (smoothed idf) and never zero', () => {
    const v = Vectoriser.fit(docs, 1);
    const [a, b, c] = [v.idf[0]!, v.idf[1]!, v.idf[2]!];
    expect(a).toBeCloseTo(Math.log(4 / 4) + 1, 6);
    expect(b).toBeCloseTo(Math.log(4 / 3) + 1, 6);
    expect(c).toBeGreaterThan(b);
    expect(a).toBeGreaterThan(0);
  });
  it('are L2-normalised, with sublinear term frequency, ignoring unknown terms', () => {
    const v = Vectoriser.fit(docs, 1);
    const x = v.transform(['w:b', 'w:a', 'w:a', 'w:a', 'w:unknown']);
    expect([...x.indices]).toEqual([0, 1]);
    const norm = Math.hypot(...x.values);
    expect(norm).toBeCloseTo(1, 5);
    // a:3 times → 1 + ln 3, b: once → 1, each times its idf
    const ratio = x.values[0]! / x.values[1]!;
    expect(ratio).toBeCloseTo(((1 + Math.log(3)) * v.idf[0]!) / v.idf[1]!, 5);
  });
  it('give a text of unknown terms the zero vector', () => {
    const x = Vectoriser.fit(docs, 1).transform(['w:zzz']);
    expect(x.indices.length).toBe(0);
  });
});
