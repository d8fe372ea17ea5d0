/**
 * Limited-memory BFGS for a smooth convex objective (Nocedal & Wright, algorithm 7.4 and 7.5):
 * the last `memory` steps and gradient changes stand in for the inverse Hessian, and a backtracking
 * line search with the Armijo condition picks each step's length. Plain loops over Float64Array;
 * deterministic for a given start.
 */

/** Returns f(x) and writes ∇f(x) into `gradient`. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  maxIterations: number;
  memory?: number;
  /** Stop when an iteration improves f by less than this fraction of |f|. */
  relativeTolerance?: number;
  /** Stop when the gradient's largest component falls below this. */
  gradientTolerance?: number;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

export function minimiseLbfgs(f: Objective, start: Float64Array, options: LbfgsOptions): Float64Array {
  const { maxIterations, memory = 10, relativeTolerance = 1e-7, gradientTolerance = 1e-6 } = options;
  const n = start.length;
  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let fx = f(x, g);
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  const rhos: number[] = [];
  const direction = new Float64Array(n);
  const alphas = new Array<number>(memory);
  let next = new Float64Array(n);
  let nextGradient = new Float64Array(n);

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let gMax = 0;
    for (let i = 0; i < n; i++) gMax = Math.max(gMax, Math.abs(g[i]!));
    if (gMax < gradientTolerance) break;

    // two-loop recursion: direction = -H·g
    for (let i = 0; i < n; i++) direction[i] = -g[i]!;
    for (let m = steps.length - 1; m >= 0; m--) {
      alphas[m] = rhos[m]! * dot(steps[m]!, direction);
      const y = changes[m]!;
      for (let i = 0; i < n; i++) direction[i]! -= alphas[m]! * y[i]!;
    }
    if (steps.length > 0) {
      const last = steps.length - 1;
      const gamma = dot(steps[last]!, changes[last]!) / dot(changes[last]!, changes[last]!);
      for (let i = 0; i < n; i++) direction[i]! *= gamma;
    } else {
      // first step: a unit-length move along the steepest descent
      const scale = 1 / Math.sqrt(dot(g, g));
      for (let i = 0; i < n; i++) direction[i]! *= scale;
    }
    for (let m = 0; m < steps.length; m++) {
      const beta = rhos[m]! * dot(changes[m]!, direction);
      const s = steps[m]!;
      for (let i = 0; i < n; i++) direction[i]! += s[i]! * (alphas[m]! - beta);
    }

    // backtracking line search (Armijo, c = 1e-4)
    let slope = dot(g, direction);
    if (slope >= 0) {
      // not a descent direction (curvature information went stale): restart from steepest descent
      steps.length = changes.length = rhos.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -g[i]!;
      slope = dot(g, direction);
    }
    let step = 1;
    let fNext = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) next[i] = x[i]! + step * direction[i]!;
      fNext = f(next, nextGradient);
      if (fNext <= fx + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(fNext < fx)) break; // no progress possible at this precision

    // reuse the oldest pair's buffers once the memory is full (each pair is 2 × n numbers)
    const recycled = steps.length === memory;
    const s = recycled ? steps.shift()! : new Float64Array(n);
    const y = recycled ? changes.shift()! : new Float64Array(n);
    if (recycled) rhos.shift();
    for (let i = 0; i < n; i++) {
      s[i] = next[i]! - x[i]!;
      y[i] = nextGradient[i]! - g[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      steps.push(s);
      changes.push(y);
      rhos.push(1 / sy);
    }
    const improvement = fx - fNext;
    [x, next] = [next, x];
    [g, nextGradient] = [nextGradient, g];
    fx = fNext;
    if (improvement < relativeTolerance * Math.max(1, Math.abs(fx))) break;
  }
  return x;
}
