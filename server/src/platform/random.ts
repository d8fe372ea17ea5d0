/**
 * Seeded randomness for the synthetic demo data (regions, cases, people): the same seed gives the same
 * district, so a demo and its tests are reproducible.
 */
export type Rng = () => number;

/** A small seeded PRNG (mulberry32 over an FNV-1a hash of the seed): same seed, same sequence. */
export function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

export function weighted<T>(rng: Rng, items: readonly T[], weight: (t: T) => number): T {
  let total = 0;
  for (const i of items) total += weight(i);
  let r = rng() * total;
  for (const i of items) if ((r -= weight(i)) < 0) return i;
  return items[items.length - 1]!;
}
/** Draws from a fixed weighted list by binary search (for the hot loops). */
export function sampler<T>(items: readonly T[], weights: readonly number[]): (rng: Rng) => T {
  const cumulative: number[] = [];
  weights.reduce((sum, w) => (cumulative.push(sum + w), sum + w), 0);
  const total = cumulative[cumulative.length - 1]!;
  return (rng) => {
    const r = rng() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

/** An integer from `min` to `max`, both included. */
export const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

/** True with probability `p`. */
export const chance = (rng: Rng, p: number): boolean => rng() < p;

/** `n` random decimal digits, leading zeros kept. */
export function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rng() * 10);
  return s;
}

/** A drawer over `{ value: weight }`, built once (binary search per draw) for the hot loops. */
export function weightedKeys<K extends string>(table: Readonly<Record<K, number>>): (rng: Rng) => K {
  const keys = Object.keys(table) as K[];
  return sampler(keys, keys.map((k) => table[k]));
}
