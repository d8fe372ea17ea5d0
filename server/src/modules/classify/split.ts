import { seededRandom } from '../../platform/random.js';
import { normaliseText } from './segment.js';

export interface Example {
  text: string;
  label: string;
}

/** A message's identity for de-duplication: its normalised text without spaces. */
export const textKey = (text: string) => normaliseText(text).replace(/\s+/g, '');

/**
 * Drops repeated messages (the same text after normalisation; the first label wins). A message
 * posted twice would otherwise land on both sides of the split and flatter the score.
 */
export function withoutDuplicates(examples: readonly Example[]): Example[] {
  const seen = new Set<string>();
  return examples.filter((e) => {
    const key = textKey(e.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A stratified hold-out: each label gives the same share of its messages to the test side, drawn
 * with a seeded shuffle, so every run with the same data and seed holds out the same messages.
 */
export function stratifiedSplit(examples: readonly Example[], testShare: number, seed: string): { train: Example[]; test: Example[] } {
  const byLabel = new Map<string, Example[]>();
  for (const e of examples) {
    if (!byLabel.has(e.label)) byLabel.set(e.label, []);
    byLabel.get(e.label)!.push(e);
  }
  const train: Example[] = [];
  const test: Example[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const rng = seededRandom(`${seed}:${label}`);
    const items = [...byLabel.get(label)!];
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    const held = Math.round(items.length * testShare);
    test.push(...items.slice(0, held));
    train.push(...items.slice(held));
  }
  return { train, test };
}

/**
 * A hold-out decided by each message alone (a hash of its text): the same message falls on the same
 * side whatever else is in the set, so examples that accumulate over time (dispatchers' choices) never
 * move from the held-out side into a later model's training.
 */
export function hashSplit(examples: readonly Example[], testShare: number): { train: Example[]; test: Example[] } {
  const train: Example[] = [];
  const test: Example[] = [];
  for (const e of examples) (seededRandom(`hold-out:${textKey(e.text)}`)() < testShare ? test : train).push(e);
  return { train, test };
}
