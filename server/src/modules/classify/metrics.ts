/**
 * How well a classifier does on labelled messages it never saw: per label, precision (of the
 * messages given this label, how many had it), recall (of the messages with this label, how many
 * got it) and their harmonic mean F1; macro-F1 is the plain mean over labels, so a small label
 * (交通运输) weighs as much as a big one (城乡建设).
 */
export interface LabelScore {
  precision: number;
  recall: number;
  f1: number;
  /** Messages that truly have this label. */
  support: number;
}

export interface Evaluation {
  macroF1: number;
  accuracy: number;
  perLabel: Record<string, LabelScore>;
  /** confusion[truth][predicted] = count */
  confusion: Record<string, Record<string, number>>;
}

export function evaluate(labels: readonly string[], truth: readonly string[], predicted: readonly string[]): Evaluation {
  const confusion: Record<string, Record<string, number>> = {};
  for (const t of labels) confusion[t] = Object.fromEntries(labels.map((p) => [p, 0]));
  let correct = 0;
  truth.forEach((t, i) => {
    const p = predicted[i]!;
    (confusion[t] ??= {})[p] = (confusion[t]![p] ?? 0) + 1;
    if (t === p) correct++;
  });
  const perLabel: Record<string, LabelScore> = {};
  for (const label of labels) {
    const tp = confusion[label]?.[label] ?? 0;
    const support = Object.values(confusion[label] ?? {}).reduce((a, b) => a + b, 0);
    const predictedAs = Object.values(confusion).reduce((sum, row) => sum + (row[label] ?? 0), 0);
    const precision = predictedAs ? tp / predictedAs : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perLabel[label] = { precision: round(precision), recall: round(recall), f1: round(f1), support };
  }
  const macroF1 = labels.length ? labels.reduce((sum, l) => sum + perLabel[l]!.f1, 0) / labels.length : 0;
  return { macroF1: round(macroF1), accuracy: round(truth.length ? correct / truth.length : 0), perLabel, confusion };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
