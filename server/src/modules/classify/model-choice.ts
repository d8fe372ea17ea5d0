/**
 * Retraining keeps the previous model until the new one scores at least as well: a model trained on
 * a worse or smaller file must not silently replace a good one. "As well" is macro-F1 on the new
 * training's held-out messages, which the current model is scored on too (training.ts keeps them out
 * of every model's training); ties go to the newer model, which has seen the newer data. A model
 * trained on another file (gongzhi's CSV training) is compared with the figure the current model was
 * stored with, a guard against regressions rather than an exact comparison.
 */
export interface ScoredModel {
  heldOutMacroF1: number;
}

export type ModelChoice = { makeCurrent: true; reason: 'first' | 'better' | 'as_good' } | { makeCurrent: false; reason: 'worse' };

export function chooseCurrentModel(candidate: ScoredModel, current: ScoredModel | null): ModelChoice {
  if (!current) return { makeCurrent: true, reason: 'first' };
  if (candidate.heldOutMacroF1 > current.heldOutMacroF1) return { makeCurrent: true, reason: 'better' };
  if (candidate.heldOutMacroF1 === current.heldOutMacroF1) return { makeCurrent: true, reason: 'as_good' };
  return { makeCurrent: false, reason: 'worse' };
}
