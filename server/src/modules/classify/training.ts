import { TextClassifier } from './classifier.js';
import { countTerms, termsOf, Vectoriser } from './features.js';
import { evaluate, type Evaluation } from './metrics.js';
import { rawLike } from './raw-like.js';
import { segment } from './segment.js';
import { trainSoftmax, type SoftmaxOptions } from './softmax.js';
import { hashSplit, stratifiedSplit, textKey, withoutDuplicates, type Example } from './split.js';

export interface TrainingOptions {
  /** Share of each label's messages held out for the evaluation. */
  testShare: number;
  seed: string;
  minDf: number;
  /**
   * Also train on a stop-word-reinserted copy of each training message (another seed than the
   * evaluation's), so the weights learn to ignore what raw text adds. Off by default: see decisions.md.
   */
  augmentRawLike: boolean;
  softmax: Partial<SoftmaxOptions>;
}

export const defaultTrainingOptions: TrainingOptions = { testShare: 0.2, seed: 'gongzhi-classify-1', minDf: 3, augmentRawLike: false, softmax: {} };

export interface TrainingMetrics {
  trainedOn: number;
  /** Dispatchers' choices among the examples: trained on, and held out. */
  corrections?: { train: number; heldOut: number };
  /** The model that was current, scored on this training's held-out messages (retraining only). */
  previousHeldOut?: Evaluation & { modelId: string };
  heldOut: Evaluation & { count: number };
  /** The same held-out messages with stop words, particles and punctuation put back (raw-like.ts). */
  rawLike: Evaluation & { count: number };
  trainMs: number;
  vocabulary: number;
  options: Omit<TrainingOptions, 'softmax'> & { softmax: Partial<SoftmaxOptions> };
}

/**
 * Trains on a stratified share of the examples and scores the held-out rest, as given and raw-like.
 * The classifier returned is the one that was scored (trained without the held-out messages), so
 * the figures stored beside it describe exactly the model that answers.
 *
 * Dispatchers' choices (`corrections`) are split on their own, by a hash of the text, so a choice stays
 * on the same side in every later training, and the base file splits as it always did: the held-out
 * messages of a retraining are then ones no earlier model trained on, and the current model can be
 * scored on exactly them (`scoreOn`). A correction's text replaces a base message with the same text.
 */
export function trainClassifier(
  examples: readonly Example[],
  options: Partial<TrainingOptions> = {},
  corrections: readonly Example[] = [],
): { classifier: TextClassifier; metrics: TrainingMetrics; heldOut: Example[] } {
  const o = { ...defaultTrainingOptions, ...options };
  const started = performance.now();
  const corrected = new Set(corrections.map((e) => textKey(e.text)));
  const base = stratifiedSplit(withoutDuplicates(examples), o.testShare, o.seed);
  const choices = hashSplit(withoutDuplicates(corrections), o.testShare);
  const train = [...base.train.filter((e) => !corrected.has(textKey(e.text))), ...choices.train];
  const test = [...base.test.filter((e) => !corrected.has(textKey(e.text))), ...choices.test];
  const trainingSet = o.augmentRawLike ? [...train, ...train.map((e, i) => ({ ...e, text: rawLike(e.text, `${o.seed}:augment:${i}`) }))] : train;
  const classifier = fitClassifier(trainingSet, o);
  const trainMs = Math.round(performance.now() - started);

  const heldOut = { ...scoreOn(classifier, test), count: test.length };
  const raw = { ...scoreOn(classifier, test.map((e, i) => ({ ...e, text: rawLike(e.text, `${o.seed}:evaluate:${i}`) }))), count: test.length };
  return {
    classifier,
    metrics: { trainedOn: train.length, corrections: { train: choices.train.length, heldOut: choices.test.length }, heldOut, rawLike: raw, trainMs, vocabulary: classifier.vectoriser.size, options: o },
    heldOut: test,
  };
}

/** How a classifier labels messages it is told the truth of. */
export function scoreOn(classifier: TextClassifier, examples: readonly Example[]): Evaluation {
  return evaluate(classifier.labels, examples.map((e) => e.label), examples.map((e) => classifier.classify(e.text).label));
}

/** Fits vocabulary and weights to every example given (no hold-out); labels are sorted. */
export function fitClassifier(examples: readonly Example[], options: Pick<TrainingOptions, 'minDf' | 'softmax'> = defaultTrainingOptions): TextClassifier {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const documents = examples.map((e) => countTerms(termsOf(segment(e.text))));
  const vectoriser = Vectoriser.fit(documents, options.minDf);
  const xs = documents.map((d) => vectoriser.transform(d));
  const model = trainSoftmax(xs, examples.map((e) => labelIndex.get(e.label)!), labels.length, vectoriser.size, options.softmax);
  return new TextClassifier(labels, vectoriser, model);
}
