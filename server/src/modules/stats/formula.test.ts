import { describe, expect, it } from 'vitest';
import { evaluate, FormulaError, parseFormula } from './formula.js';
import { zeroMetrics } from './metrics.js';

const m = { ...zeroMetrics(), reported: 10, registered: 8, closed: 6, closed_on_time: 3, due: 7, suspended_due: 1, rated: 4, satisfied: 2, basically_satisfied: 1, handle_minutes: 720 };

describe('indicator formulas', () => {
  it('evaluates sums, differences, products and quotients of metrics with precedence and parentheses', () => {
    expect(evaluate(parseFormula('registered / reported'), m)).toBe(0.8);
    expect(evaluate(parseFormula('closed_on_time / (due - suspended_due)'), m)).toBe(0.5);
    expect(evaluate(parseFormula('(satisfied + basically_satisfied) / rated'), m)).toBe(0.75);
    expect(evaluate(parseFormula('handle_minutes / closed / 60'), m)).toBe(2);
    expect(evaluate(parseFormula('1 - closed / registered * 2'), m)).toBe(-0.5);
  });
  it('gives null instead of dividing by zero', () => {
    expect(evaluate(parseFormula('reworked / dispatched'), m)).toBeNull();
    expect(evaluate(parseFormula('(reworked / dispatched) + 1'), m)).toBeNull();
  });
  it('refuses unknown metrics and anything that is not arithmetic', () => {
    expect(() => parseFormula('registered / reportd')).toThrow(new FormulaError('unknown_metric', 'reportd'));
    for (const bad of ['registered /', '(closed', 'closed)', 'process.exit()', 'closed; drop table cases', '', 'closed closed']) {
      expect(() => parseFormula(bad), bad).toThrow(FormulaError);
    }
  });
});
