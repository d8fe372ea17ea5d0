/** Seeded randomness for synthetic residents: the platform's PRNG and draw helpers. */
export { chance, digits, int, pick, sampler, seededRandom, weighted, weightedKeys, type Rng } from '../../../platform/random.js';
