import { describe, expect, it } from 'vitest';
import { rawLike } from './raw-like.js';
import { segment } from './segment.js';
import { hashSplit, stratifiedSplit, withoutDuplicates } from './split.js';

const examples = [
  ...Array.from({ length: 50 }, (_, i) => ({ text: `甲类消息${i}号小区`, label: 'A' })),
  ...Array.from({ length: 10 }, (_, i) => ({ text: `乙类消息第${'一二三四五六七八九十'[i]}条学校`, label: 'B' })),
];

describe('the hold-out split', () => {
  it('holds out the same share of every label', () => {
    const { train, test } = stratifiedSplit(examples, 0.2, 'seed');
    expect(test.filter((e) => e.label === 'A')).toHaveLength(10);
    expect(test.filter((e) => e.label === 'B')).toHaveLength(2);
    expect(train).toHaveLength(48);
    expect(new Set([...train, ...test].map((e) => e.text)).size).toBe(60);
  });
  it('is the same for the same seed and differs for another', () => {
    const texts = (seed: string) => stratifiedSplit(examples, 0.2, seed).test.map((e) => e.text);
    expect(texts('seed')).toEqual(texts('seed'));
    expect(texts('seed')).not.toEqual(texts('other'));
  });
  it('drops repeated messages first, so none can sit on both sides', () => {
    const doubled = [{ text: '小区停水', label: 'A' }, { text: '小区停水 ', label: 'A' }, { text: '小区停水', label: 'B' }, { text: '学校乱收费', label: 'B' }];
    expect(withoutDuplicates(doubled)).toEqual([{ text: '小区停水', label: 'A' }, { text: '学校乱收费', label: 'B' }]);
  });
});

describe('raw-like text (stop words put back)', () => {
  const stripped = '小区电梯坏物业一直修业主出行困难';
  it('adds function words, punctuation and a greeting or closing, reproducibly', () => {
    const a = rawLike(stripped, 'x', { wordRate: 0.6, punctuationRate: 0.3 });
    expect(a).toBe(rawLike(stripped, 'x', { wordRate: 0.6, punctuationRate: 0.3 }));
    expect(a.length).toBeGreaterThan(stripped.length + 4);
    expect(rawLike(stripped, 'y', { wordRate: 0.6, punctuationRate: 0.3 })).not.toBe(a);
  });
  it('keeps every original word in order', () => {
    const raw = rawLike(stripped, 'x', { wordRate: 0.6, punctuationRate: 0.3 });
    let at = 0;
    for (const ch of stripped) {
      at = raw.indexOf(ch, at);
      expect(at).toBeGreaterThanOrEqual(0);
      at++;
    }
    expect(segment(raw)).toEqual(expect.arrayContaining(['小区', '电梯', '物业']));
  });
});

describe('hold-out of dispatchers’ choices (hashSplit)', () => {
  const choices = Array.from({ length: 400 }, (_, i) => ({ text: `${String.fromCharCode(0x4e00 + i)}小区 路灯 不亮 请 维修`, label: i % 2 ? '城乡建设' : '交通运输' }));
  it('holds out about the share asked for', () => {
    const { test } = hashSplit(choices, 0.2);
    expect(test.length).toBeGreaterThan(50);
    expect(test.length).toBeLessThan(110);
  });
  it('puts a message on the same side whatever else is in the set, so later trainings never train on an earlier held-out choice', () => {
    const all = hashSplit(choices, 0.2);
    const some = hashSplit(choices.slice(100, 250), 0.2);
    const heldOut = new Set(all.test.map((e) => e.text));
    expect(some.test.every((e) => heldOut.has(e.text))).toBe(true);
    expect(some.train.some((e) => heldOut.has(e.text))).toBe(false);
  });
});
