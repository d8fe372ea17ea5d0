/**
 * Retraining keeps the previous model until the new one scores at least as well: a model trained on
 * a worse or smaller file must not silently replace a good one. "As well" is the held-out macro-F1
 * each model was measured with when it was trained (ties go to the newer model, which has seen the
 * newer data). The two figures come from different held-out sets when the training files differ, so
 * this is a guard against regressions, not an exact comparison.
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
