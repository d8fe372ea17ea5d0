import { TextClassifier } from './classifier.js';
import { countTerms, termsOf, Vectoriser } from './features.js';
import { evaluate, type Evaluation } from './metrics.js';
import { rawLike } from './raw-like.js';
import { segment } from './segment.js';
import { trainSoftmax, type SoftmaxOptions } from './softmax.js';
import { stratifiedSplit, withoutDuplicates, type Example } from './split.js';

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
 */
export function trainClassifier(examples: readonly Example[], options: Partial<TrainingOptions> = {}): { classifier: TextClassifier; metrics: TrainingMetrics } {
  const o = { ...defaultTrainingOptions, ...options };
  const started = performance.now();
  const { train, test } = stratifiedSplit(withoutDuplicates(examples), o.testShare, o.seed);
  const trainingSet = o.augmentRawLike ? [...train, ...train.map((e, i) => ({ ...e, text: rawLike(e.text, `${o.seed}:augment:${i}`) }))] : train;
  const classifier = fitClassifier(trainingSet, o);
  const labels = classifier.labels;
  const trainMs = Math.round(performance.now() - started);

  const score = (texts: string[]) => evaluate(labels, test.map((e) => e.label), texts.map((t) => classifier.classify(t).label));
  const heldOut = { ...score(test.map((e) => e.text)), count: test.length };
  const raw = { ...score(test.map((e, i) => rawLike(e.text, `${o.seed}:evaluate:${i}`))), count: test.length };
  return { classifier, metrics: { trainedOn: train.length, heldOut, rawLike: raw, trainMs, vocabulary: classifier.vectoriser.size, options: o } };
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
