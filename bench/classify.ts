/**
 * Automatic case classification on the labelled citizen messages (server/data/messages/train.csv):
 * training time on the full file, macro-F1 and per-label scores on the 20% held out (stratified,
 * fixed seed), the same on a raw-like copy of the held-out messages (stop words, particles,
 * punctuation, greetings put back), single-text classifications per second in this process, and for
 * automatic dispatch: at each confidence threshold, the share of held-out messages the system would
 * dispatch by itself and how many of those go to the right department.
 */
import { rawLike, readTrainingCsv, trainClassifier } from '../server/src/modules/classify/index.js';

export async function classifyBench(classifications = 5000) {
  const examples = readTrainingCsv();
  const { classifier, metrics, heldOut } = trainClassifier(examples);
  const serialisedBytes = classifier.serialise().length;

  // the same held-out messages the training scored, as given and raw-like, cycled to `classifications`
  const texts = heldOut.flatMap((e, i) => [e.text, rawLike(e.text, `bench:${i}`)]);
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
    autoDispatch: {
      asGiven: atThresholds(classifier, heldOut),
      rawLike: atThresholds(classifier, heldOut.map((e, i) => ({ ...e, text: rawLike(e.text, `bench:threshold:${i}`) }))),
    },
  };
}

/** Per threshold: the share of messages read with at least that confidence, and the accuracy among them. */
function atThresholds(classifier: ReturnType<typeof trainClassifier>['classifier'], examples: readonly { text: string; label: string }[]) {
  const read = examples.map((e) => ({ ...classifier.classify(e.text), truth: e.label }));
  return [0.5, 0.6, 0.7, 0.8, 0.9, 0.95].map((threshold) => {
    const sure = read.filter((r) => r.confidence >= threshold);
    const right = sure.filter((r) => r.label === r.truth).length;
    return { threshold, coverage: round(sure.length / read.length), accuracy: sure.length ? round(right / sure.length) : null };
  });
}

const round = (x: number) => Math.round(x * 1000) / 1000;
