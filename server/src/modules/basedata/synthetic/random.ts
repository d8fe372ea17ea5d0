import { sampler, type Rng } from '../../cases/demo-case-story.js';

/**
 * Seeded randomness for synthetic residents: the PRNG and draw helpers the demo regions and cases
 * already use (same seed, same rows), plus the few small ones they lacked.
 */
export { seededRandom } from '../../regions/partition/random.js';
export { pick, sampler, weighted, type Rng } from '../../cases/demo-case-story.js';

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
