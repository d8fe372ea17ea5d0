import { metricNames, type Metrics } from './metrics.js';

/**
 * The formulas of the indicators are data an administrator edits (综合评价), so they are parsed, not
 * evaluated as code: sums of metric names and numbers with + − × ÷ and parentheses. A formula that
 * names an unknown metric or does not parse is refused when it is saved.
 */
type Node = { kind: 'number'; value: number } | { kind: 'metric'; name: keyof Metrics } | { kind: 'op'; op: '+' | '-' | '*' | '/'; left: Node; right: Node };

export class FormulaError extends Error {
  constructor(readonly reason: 'syntax' | 'unknown_metric', readonly at: string) {
    super(`${reason}: ${at}`);
  }
}

const known = new Set<string>(metricNames);

export function parseFormula(text: string): Node {
  const tokens = text.match(/[a-z_]+|\d+(?:\.\d+)?|[-+*/()]|\S/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const expression = (): Node => {
    let left = term();
    while (peek() === '+' || peek() === '-') left = { kind: 'op', op: tokens[i++] as '+' | '-', left, right: term() };
    return left;
  };
  const term = (): Node => {
    let left = factor();
    while (peek() === '*' || peek() === '/') left = { kind: 'op', op: tokens[i++] as '*' | '/', left, right: factor() };
    return left;
  };
  const factor = (): Node => {
    const t = tokens[i++];
    if (t === undefined) throw new FormulaError('syntax', '(end)');
    if (t === '(') {
      const inner = expression();
      if (tokens[i++] !== ')') throw new FormulaError('syntax', tokens[i - 1] ?? '(end)');
      return inner;
    }
    if (/^\d/.test(t)) return { kind: 'number', value: Number(t) };
    if (/^[a-z_]+$/.test(t)) {
      if (!known.has(t)) throw new FormulaError('unknown_metric', t);
      return { kind: 'metric', name: t as keyof Metrics };
    }
    throw new FormulaError('syntax', t);
  };
  const tree = expression();
  if (i < tokens.length) throw new FormulaError('syntax', tokens[i]!);
  return tree;
}

/** The value of a formula on summed metrics; null when it divides by zero (no cases to rate). */
export function evaluate(node: Node, m: Metrics): number | null {
  if (node.kind === 'number') return node.value;
  if (node.kind === 'metric') return m[node.name];
  const a = evaluate(node.left, m);
  const b = evaluate(node.right, m);
  if (a === null || b === null) return null;
  if (node.op === '+') return a + b;
  if (node.op === '-') return a - b;
  if (node.op === '*') return a * b;
  return b === 0 ? null : a / b;
}
