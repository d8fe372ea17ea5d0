/**
 * Automatic case classification on the labelled citizen messages (server/data/messages/train.csv):
 * training time on the full file, macro-F1 and per-label scores on the 20% held out (stratified,
 * fixed seed), the same on a raw-like copy of the held-out messages (stop words, particles,
 * punctuation, greetings put back), and single-text classifications per second in this process.
 */
import { rawLike, readTrainingCsv, stratifiedSplit, trainClassifier, withoutDuplicates, defaultTrainingOptions } from '../server/src/modules/classify/index.js';

export async function classifyBench(classifications = 5000) {
  const examples = readTrainingCsv();
  const { classifier, metrics } = trainClassifier(examples);
  const serialisedBytes = classifier.serialise().length;

  // the same held-out messages the training scored, as given and raw-like, cycled to `classifications`
  const { test } = stratifiedSplit(withoutDuplicates(examples), defaultTrainingOptions.testShare, defaultTrainingOptions.seed);
  const texts = test.flatMap((e, i) => [e.text, rawLike(e.text, `bench:${i}`)]);
  for (let i = 0; i < 200; i++) classifier.classify(texts[i % texts.length]!); // warm-up (JIT, jieba's dictionary)
  const started = performance.now();
  for (let i = 0; i < classifications; i++) classifier.classify(texts[i % texts.length]!);
  const seconds = (performance.now() - started) / 1000;

  return {
    examples: examples.length,
    trainedOn: metrics.trainedOn,
    heldOutCount: metrics.heldOut.count,
    vocabulary: metrics.vocabulary,
    serialisedBytes,
    trainMs: metrics.trainMs,
    heldOut: { macroF1: metrics.heldOut.macroF1, accuracy: metrics.heldOut.accuracy, perLabel: metrics.heldOut.perLabel },
    rawLike: { macroF1: metrics.rawLike.macroF1, accuracy: metrics.rawLike.accuracy, perLabel: metrics.rawLike.perLabel },
    perSecond: Math.round(classifications / seconds),
  };
}
