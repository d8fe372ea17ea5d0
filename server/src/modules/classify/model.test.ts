import { describe, expect, it } from 'vitest';
import { TextClassifier } from './classifier.js';
import { minimiseLbfgs } from './lbfgs.js';
import { predictProbabilities, trainSoftmax } from './softmax.js';
import { fitClassifier, scoreOn, trainClassifier } from './training.js';

describe('L-BFGS', () => {
  it('finds the minimum of a badly scaled quadratic', () => {
    // f(x, y) = (x - 3)² + 100 (y + 1)²
    const x = minimiseLbfgs((p, g) => {
      g[0] = 2 * (p[0]! - 3);
      g[1] = 200 * (p[1]! + 1);
      return (p[0]! - 3) ** 2 + 100 * (p[1]! + 1) ** 2;
    }, new Float64Array(2), { maxIterations: 100, relativeTolerance: 0 });
    expect(x[0]).toBeCloseTo(3, 4);
    expect(x[1]).toBeCloseTo(-1, 4);
  });
});

describe('softmax regression', () => {
  it('separates two labels that hang on one feature each', () => {
    const v = (i: number) => ({ indices: Int32Array.of(i, 2), values: Float32Array.of(0.8, 0.6) });
    const xs = [v(0), v(0), v(0), v(1), v(1), v(1)];
    const model = trainSoftmax(xs, [0, 0, 0, 1, 1, 1], 2, 3, { l2: 1e-3, maxIterations: 100 });
    const p0 = predictProbabilities(model, v(0));
    const p1 = predictProbabilities(model, v(1));
    expect(p0[0]).toBeGreaterThan(0.8);
    expect(p1[1]).toBeGreaterThan(0.8);
    expect(p0[0]! + p0[1]!).toBeCloseTo(1, 10);
    // the shared feature alone says nothing: about even
    const shared = predictProbabilities(model, { indices: Int32Array.of(2), values: Float32Array.of(1) });
    expect(Math.abs(shared[0]! - 0.5)).toBeLessThan(0.1);
  });
});

// A tiny hand-made set: housing against schools, with an obvious word for each side.
const examples = [
  { text: '小区电梯坏了物业不修', label: '城乡建设' },
  { text: '小区楼顶漏水物业推诿', label: '城乡建设' },
  { text: '小区违章搭建影响采光', label: '城乡建设' },
  { text: '小区外墙脱落物业不管', label: '城乡建设' },
  { text: '学校乱收补课费老师体罚学生', label: '教育文体' },
  { text: '学校食堂饭菜差学生吃不饱', label: '教育文体' },
  { text: '学校强制学生购买教辅资料', label: '教育文体' },
  { text: '学校放假安排不合理学生家长有意见', label: '教育文体' },
];

describe('a text classifier on a tiny hand-made set', () => {
  const classifier = fitClassifier(examples, { minDf: 1, softmax: { l2: 1e-3, maxIterations: 100 } });

  it('learns the obvious separation', () => {
    expect(classifier.labels).toEqual(['城乡建设', '教育文体']);
    expect(classifier.classify('我们小区物业乱收费').label).toBe('城乡建设');
    expect(classifier.classify('孩子的学校老师乱收费').label).toBe('教育文体');
  });
  it('is surer of the obvious label than of a message that mixes both', () => {
    const obvious = classifier.classify('小区物业不修电梯');
    const mixed = classifier.classify('学校旁边的小区');
    expect(obvious.confidence).toBeGreaterThan(mixed.confidence);
    expect(obvious.ranked.map((r) => r.label)).toEqual(['城乡建设', '教育文体']);
    expect(obvious.ranked[0]!.confidence + obvious.ranked[1]!.confidence).toBeCloseTo(1, 6);
  });
  it('is deterministic: the same examples give the same weights', () => {
    const again = fitClassifier(examples, { minDf: 1, softmax: { l2: 1e-3, maxIterations: 100 } });
    expect([...again.model.weights]).toEqual([...classifier.model.weights]);
  });
  it('answers the same after a round trip through its stored form', () => {
    const restored = TextClassifier.deserialise(classifier.serialise());
    for (const text of ['小区物业不修电梯', '学校乱收费', '无关的话']) expect(restored.classify(text)).toEqual(classifier.classify(text));
  });
});

describe('training with dispatchers’ choices', () => {
  // digits all read as 0 (normaliseText), so the messages differ by a character
  const han = (i: number) => String.fromCharCode(0x4e00 + i);
  const base = [
    ...Array.from({ length: 30 }, (_, i) => ({ text: `小区 楼房 漏水 墙体 开裂 ${han(i)}栋`, label: '城乡建设' })),
    ...Array.from({ length: 30 }, (_, i) => ({ text: `公交 线路 站牌 道路 拥堵 ${han(i)}路`, label: '交通运输' })),
  ];
  const corrections = [
    { text: `小区 楼房 漏水 墙体 开裂 ${han(3)}栋`, label: '交通运输' }, // a dispatcher sent this one elsewhere
    ...Array.from({ length: 20 }, (_, i) => ({ text: `地铁 出口 道路 施工 围挡 ${han(i + 40)}处`, label: '交通运输' })),
  ];
  it('adds them on their own hold-out, and a choice replaces the base message with the same text', () => {
    const { metrics, heldOut } = trainClassifier(base, { minDf: 1, testShare: 0.2 }, corrections);
    expect(metrics.corrections!.train + metrics.corrections!.heldOut).toBe(corrections.length);
    expect(heldOut.filter((e) => e.text === `小区 楼房 漏水 墙体 开裂 ${han(3)}栋`).map((e) => e.label)).not.toContain('城乡建设');
    expect(metrics.trainedOn + metrics.heldOut.count).toBe(base.length - 1 + corrections.length);
  });
  it('without choices, splits and scores exactly as before', () => {
    const a = trainClassifier(base, { minDf: 1 });
    const b = trainClassifier(base, { minDf: 1 }, []);
    expect(b.heldOut).toEqual(a.heldOut);
    expect(b.metrics.heldOut.macroF1).toBe(a.metrics.heldOut.macroF1);
    expect(scoreOn(a.classifier, a.heldOut).macroF1).toBe(a.metrics.heldOut.macroF1);
  });
});
