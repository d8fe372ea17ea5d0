/** Five reds from light to dark (ColorBrewer "Reds"), the classes of a choropleth; grids with nothing stay white. */
export const classColours = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'] as const;
export const zeroColour = '#ffffff';

/**
 * Upper bounds of up to five classes with about as many grids in each (quantiles of the non-zero
 * counts), rounded to whole people and never repeated: [3, 8, 15, 40, 120] means 1–3, 4–8, … 41–120.
 */
export function classBreaks(counts: readonly number[]): number[] {
  const positive = counts.filter((c) => c > 0).sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const out: number[] = [];
  for (let i = 1; i <= classColours.length; i++) {
    const bound = positive[Math.min(positive.length - 1, Math.ceil((i * positive.length) / classColours.length) - 1)]!;
    if (out[out.length - 1] !== bound) out.push(bound);
  }
  return out;
}

/** The colour of a count for the given class bounds. */
export function colourFor(count: number, breaks: readonly number[]): string {
  if (count <= 0 || breaks.length === 0) return zeroColour;
  const i = breaks.findIndex((b) => count <= b);
  // with fewer classes than colours, spread them over the whole ramp so the top class is the darkest
  const shift = classColours.length - breaks.length;
  return classColours[(i === -1 ? breaks.length - 1 : i) + shift]!;
}

/** The legend's rows: the range of each class and its colour. */
export function legendRows(breaks: readonly number[]): { from: number; to: number; colour: string }[] {
  return breaks.map((to, i) => ({ from: i === 0 ? 1 : breaks[i - 1]! + 1, to, colour: colourFor(to, breaks) }));
}
