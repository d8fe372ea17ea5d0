import { describe, expect, it } from 'vitest';
import { evaluate } from './metrics.js';

describe('per-label and macro F1', () => {
  it('match a hand-counted confusion', () => {
    // truth → predicted: A: 3 right, 1 as B; B: 2 right, 2 as A; C: 1 right, 1 as B
    const truth = ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'C', 'C'];
    const predicted = ['A', 'A', 'A', 'B', 'B', 'B', 'A', 'A', 'C', 'B'];
    const e = evaluate(['A', 'B', 'C'], truth, predicted);
    expect(e.confusion).toEqual({ A: { A: 3, B: 1, C: 0 }, B: { A: 2, B: 2, C: 0 }, C: { A: 0, B: 1, C: 1 } });
    // A: precision 3/5, recall 3/4 → F1 = 2·0.6·0.75/1.35 = 2/3
    expect(e.perLabel.A).toEqual({ precision: 0.6, recall: 0.75, f1: 0.6667, support: 4 });
    // B: precision 2/4, recall 2/4 → 0.5
    expect(e.perLabel.B).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 4 });
    // C: precision 1/1, recall 1/2 → 2/3
    expect(e.perLabel.C).toEqual({ precision: 1, recall: 0.5, f1: 0.6667, support: 2 });
    expect(e.macroF1).toBeCloseTo((2 / 3 + 0.5 + 2 / 3) / 3, 3);
    expect(e.accuracy).toBe(0.6);
  });
  it('score a label never predicted and never present as 0, without dividing by zero', () => {
    const e = evaluate(['A', 'B'], ['A', 'A'], ['A', 'A']);
    expect(e.perLabel.B).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
    expect(e.perLabel.A!.f1).toBe(1);
  });
});
