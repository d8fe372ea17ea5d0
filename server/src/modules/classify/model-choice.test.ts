import { describe, expect, it } from 'vitest';
import { chooseCurrentModel } from './model-choice.js';

describe('retraining keeps the previous model until the new one scores at least as well', () => {
  it('the first model becomes current', () => {
    expect(chooseCurrentModel({ heldOutMacroF1: 0.5 }, null)).toEqual({ makeCurrent: true, reason: 'first' });
  });
  it('a better model replaces the current one, and so does an equally good one (it saw newer data)', () => {
    expect(chooseCurrentModel({ heldOutMacroF1: 0.92 }, { heldOutMacroF1: 0.91 })).toEqual({ makeCurrent: true, reason: 'better' });
    expect(chooseCurrentModel({ heldOutMacroF1: 0.91 }, { heldOutMacroF1: 0.91 })).toEqual({ makeCurrent: true, reason: 'as_good' });
  });
  it('a worse model is kept for the record but does not answer', () => {
    expect(chooseCurrentModel({ heldOutMacroF1: 0.9099 }, { heldOutMacroF1: 0.91 })).toEqual({ makeCurrent: false, reason: 'worse' });
  });
});
