import { describe, expect, it } from 'vitest';
import { classBreaks, classColours, colourFor, legendRows, zeroColour } from './mapScale';

describe('choropleth classes', () => {
  it('splits the non-zero counts into five classes of about equal size', () => {
    const counts = [0, 0, ...Array.from({ length: 100 }, (_, i) => i + 1)];
    expect(classBreaks(counts)).toEqual([20, 40, 60, 80, 100]);
  });
  it('never repeats a bound, and has no class without counts', () => {
    expect(classBreaks([0, 0, 0])).toEqual([]);
    expect(classBreaks([5, 5, 5, 5, 9])).toEqual([5, 9]);
  });
  it('colours zero grey and the top class darkest even with few classes', () => {
    expect(colourFor(0, [5, 9])).toBe(zeroColour);
    expect(colourFor(9, [5, 9])).toBe(classColours[4]);
    expect(colourFor(3, [5, 9])).toBe(classColours[3]);
    expect(colourFor(50, [20, 40, 60, 80, 100])).toBe(classColours[2]);
    expect(colourFor(500, [20, 40])).toBe(classColours[4]);
  });
  it('describes each class as a range for the legend', () => {
    expect(legendRows([5, 9]).map((r) => [r.from, r.to])).toEqual([[1, 5], [6, 9]]);
  });
});
