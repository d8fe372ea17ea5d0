import type { SparseVector } from './features.js';
import { minimiseLbfgs } from './lbfgs.js';

/**
 * Multinomial logistic regression (softmax) over sparse TF-IDF vectors, with an L2 penalty.
 *
 * Why this model: on short-text topic classification a linear model over word and character
 * n-grams is as accurate as anything that fits in a few hundred lines, trains in seconds and
 * answers in microseconds. Of the linear models, softmax regression gives a probability per label
 * directly (the API's confidence and alternatives) without a separate calibration step that a
 * linear SVM would need; the L2-penalised objective is convex, so full-batch L-BFGS reaches the
 * same optimum from the same start every time: training is deterministic and needs no learning
 * rate schedule.
 *
 * Weights are stored feature-major (weights[f * K + k]) so that scoring a sparse vector reads
 * K neighbouring numbers per feature.
 */
export interface SoftmaxModel {
  labelCount: number;
  featureCount: number;
  weights: Float32Array;
  bias: Float32Array;
}

export interface SoftmaxOptions {
  /** Strength of the L2 penalty on the weights (not on the biases). */
  l2: number;
  maxIterations: number;
  /**
   * Weigh each example by N / (K × count of its label), so that a label with few messages
   * (交通运输 has a third as many as 城乡建设) counts as much as a big one: macro-F1 is the target.
   */
  balanceLabels: boolean;
}

export const defaultSoftmaxOptions: SoftmaxOptions = { l2: 1e-4, maxIterations: 40, balanceLabels: true };

/** Probabilities of each label for one vector (numerically stable softmax). */
export function predictProbabilities(model: SoftmaxModel, x: SparseVector): Float64Array {
  const k = model.labelCount;
  const scores = Float64Array.from(model.bias);
  for (let j = 0; j < x.indices.length; j++) {
    const base = x.indices[j]! * k;
    const v = x.values[j]!;
    for (let c = 0; c < k; c++) scores[c]! += v * model.weights[base + c]!;
  }
  return softmaxInPlace(scores);
}

function softmaxInPlace(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) if (scores[c]! > max) max = scores[c]!;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) sum += scores[c] = Math.exp(scores[c]! - max);
  for (let c = 0; c < scores.length; c++) scores[c]! /= sum;
  return scores;
}

/** Fits the model to vectors `xs` with label indices `ys` (0 … labelCount-1). */
export function trainSoftmax(
  xs: readonly SparseVector[],
  ys: readonly number[],
  labelCount: number,
  featureCount: number,
  options: Partial<SoftmaxOptions> = {},
): SoftmaxModel {
  const { l2, maxIterations, balanceLabels } = { ...defaultSoftmaxOptions, ...options };
  const k = labelCount;
  const n = xs.length;
  const perLabel = new Array<number>(k).fill(0);
  for (const y of ys) perLabel[y]!++;
  const exampleWeight = ys.map((y) => (balanceLabels ? n / (k * perLabel[y]!) : 1) / n);
  const weightCount = featureCount * k;

  // the vectors flattened once (CSR: offsets into one array of weight offsets and one of values),
  // so the hot loops below read typed arrays only
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + xs[i]!.indices.length;
  const bases = new Int32Array(offsets[n]!);
  const values = new Float64Array(offsets[n]!);
  xs.forEach((x, i) => {
    for (let j = 0; j < x.indices.length; j++) {
      bases[offsets[i]! + j] = x.indices[j]! * k;
      values[offsets[i]! + j] = x.values[j]!;
    }
  });

  // parameters: weights (feature-major) then the k biases
  const scores = new Float64Array(k);
  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    gradient.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const from = offsets[i]!;
      const to = offsets[i + 1]!;
      for (let c = 0; c < k; c++) scores[c] = theta[weightCount + c]!;
      for (let j = from; j < to; j++) {
        const base = bases[j]!;
        const v = values[j]!;
        for (let c = 0; c < k; c++) scores[c]! += v * theta[base + c]!;
      }
      softmaxInPlace(scores);
      const w = exampleWeight[i]!;
      const y = ys[i]!;
      loss -= w * Math.log(Math.max(scores[y]!, 1e-300));
      scores[y]! -= 1; // now p - onehot(y): the gradient of the log loss w.r.t. the scores
      for (let c = 0; c < k; c++) scores[c]! *= w;
      for (let j = from; j < to; j++) {
        const base = bases[j]!;
        const v = values[j]!;
        for (let c = 0; c < k; c++) gradient[base + c]! += v * scores[c]!;
      }
      for (let c = 0; c < k; c++) gradient[weightCount + c]! += scores[c]!;
    }
    let penalty = 0;
    for (let p = 0; p < weightCount; p++) {
      const t = theta[p]!;
      penalty += t * t;
      gradient[p]! += l2 * t;
    }
    return loss + (l2 / 2) * penalty;
  };

  const theta = minimiseLbfgs(objective, new Float64Array(weightCount + k), { maxIterations });
  return { labelCount: k, featureCount, weights: Float32Array.from(theta.subarray(0, weightCount)), bias: Float32Array.from(theta.subarray(weightCount)) };
}
