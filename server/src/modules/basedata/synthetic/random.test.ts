import { describe, expect, it } from 'vitest';
import { chance, digits, int, seededRandom, weightedKeys } from './random.js';

describe('random helpers', () => {
  it('int stays in range, both ends reached', () => {
    const rng = seededRandom('int');
    const seen = new Set(Array.from({ length: 2000 }, () => int(rng, 3, 7)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('chance and weightedKeys follow their odds', () => {
    const rng = seededRandom('odds');
    const hits = Array.from({ length: 10_000 }, () => chance(rng, 0.3)).filter(Boolean).length;
    expect(hits).toBeGreaterThan(2800);
    expect(hits).toBeLessThan(3200);
    const draw = weightedKeys({ a: 1, b: 3, never: 0 });
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 10_000; i++) counts[draw(rng)]++;
    expect(counts.never).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.6);
    expect(counts.b / counts.a).toBeLessThan(3.4);
  });

  it('digits keeps leading zeros and is deterministic', () => {
    const a = seededRandom('d');
    const b = seededRandom('d');
    const x = Array.from({ length: 100 }, () => digits(a, 8));
    expect(x.every((d) => /^\d{8}$/.test(d))).toBe(true);
    expect(Array.from({ length: 100 }, () => digits(b, 8))).toEqual(x);
  });
});
