import { describe, expect, it } from 'vitest';
import { duplicateDefaults } from './category-defaults.js';
import { likelyDuplicates, normalise, publicExcerpt, similarity, similarityThreshold, type Candidate } from './duplicates.js';

const at = new Date('2026-11-20T10:00:00+08:00');
const hoursAgo = (h: number) => new Date(at.getTime() - h * 3_600_000);
const manhole = '新华社区第3网格人民路与金晶大道交叉口东北角井盖破损，存在安全隐患。';
const window = { radiusM: 50, windowHours: 720 };

function candidate(fields: Partial<Candidate> = {}): Candidate {
  return {
    id: 'a', number: '370303-20261119-00001', categoryCode: 'C0101', state: 'registered',
    description: '市民来电反映：新华社区第3网格人民路与金晶大道交叉口东北角井盖缺失，已用杂物临时遮挡，请尽快处理。',
    reportedAt: hoursAgo(20), distanceM: 12, ...fields,
  };
}
const report = { categoryCode: 'C0101', description: manhole, at };

describe('text similarity (character bigrams, Dice)', () => {
  it('normalises width, punctuation, digits and stock openings', () => {
    expect(normalise('市民来电反映：ＡＢ路３号，井盖！')).toBe('ab路号井盖');
    expect(similarity('井盖破损', '井盖破损。')).toBe(1);
    expect(similarity('井盖破损', '路灯不亮')).toBe(0);
    expect(similarity('', '')).toBe(0);
  });
  it('two reports of one place and object score above the threshold; of another place below', () => {
    expect(similarity(manhole, candidate().description)).toBeGreaterThanOrEqual(similarityThreshold);
    expect(similarity(manhole, '湖滨社区第1网格柳泉路88号门前井盖松动，车辆经过时响声很大。')).toBeLessThan(similarityThreshold);
  });
  it('is symmetric', () => {
    const b = candidate().description;
    expect(similarity(manhole, b)).toBeCloseTo(similarity(b, manhole), 10);
  });
});

describe('likely duplicates (the rule)', () => {
  it('flags an open case of the same category nearby, recently, in similar words', () => {
    const [hit] = likelyDuplicates(report, [candidate()], window);
    expect(hit).toMatchObject({ number: '370303-20261119-00001', distanceM: 12 });
    expect(hit!.similarity).toBeGreaterThanOrEqual(similarityThreshold);
    expect(hit!.score).toBeLessThan(hit!.similarity);
  });
  it('ignores cases beyond the radius', () => {
    expect(likelyDuplicates(report, [candidate({ distanceM: 51 })], window)).toEqual([]);
    expect(likelyDuplicates(report, [candidate({ distanceM: 50 })], window)).toHaveLength(1);
  });
  it('ignores cases older than the window, and cases reported after the report', () => {
    expect(likelyDuplicates(report, [candidate({ reportedAt: hoursAgo(721) })], window)).toEqual([]);
    expect(likelyDuplicates(report, [candidate({ reportedAt: hoursAgo(-1) })], window)).toEqual([]);
    expect(likelyDuplicates(report, [candidate({ reportedAt: hoursAgo(5) })], { radiusM: 100, windowHours: 4 })).toEqual([]);
  });
  it('ignores closed, rejected and merged cases', () => {
    for (const state of ['closed', 'rejected', 'merged'] as const) expect(likelyDuplicates(report, [candidate({ state })], window)).toEqual([]);
    for (const state of ['reported', 'dispatched', 'handling', 'suspended', 'feedback'] as const) expect(likelyDuplicates(report, [candidate({ state })], window)).toHaveLength(1);
  });
  it('ignores another category, dissimilar text and the report itself', () => {
    expect(likelyDuplicates(report, [candidate({ categoryCode: 'C0103' })], window)).toEqual([]);
    expect(likelyDuplicates(report, [candidate({ description: '湖滨社区第1网格柳泉路88号门前井盖松动，车辆经过时响声很大。' })], window)).toEqual([]);
    expect(likelyDuplicates({ ...report, id: 'a' }, [candidate()], window)).toEqual([]);
  });
  it('ranks nearer and more similar first, and returns at most three', () => {
    const far = candidate({ id: 'far', number: 'far', distanceM: 45 });
    const near = candidate({ id: 'near', number: 'near', distanceM: 2 });
    const same = candidate({ id: 'same', number: 'same', distanceM: 45, description: manhole });
    const hits = likelyDuplicates(report, [far, near, same, candidate({ id: 'x', number: 'x', distanceM: 30 })], window);
    expect(hits.map((h) => h.number)).toEqual(['same', 'near', 'x']);
  });
});

describe('search windows per category', () => {
  it('components look far back but close by; events and noise shorter but wider', () => {
    expect(duplicateDefaults('C0101')).toEqual({ radiusM: 50, windowHours: 720 });
    expect(duplicateDefaults('E0501')).toEqual({ radiusM: 100, windowHours: 72 });
    expect(duplicateDefaults('S0501')).toEqual({ radiusM: 200, windowHours: 48 });
    expect(duplicateDefaults('S0101')).toEqual({ radiusM: 50, windowHours: 336 });
  });
});

describe('the public excerpt', () => {
  it('keeps at most 40 characters', () => {
    expect(publicExcerpt('短文本')).toBe('短文本');
    const long = '一'.repeat(60);
    expect([...publicExcerpt(long)].length).toBe(41);
    expect(publicExcerpt(long).endsWith('…')).toBe(true);
  });
});
