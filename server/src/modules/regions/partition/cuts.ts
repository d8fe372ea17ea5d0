import { bbox, intersect, planarArea, subtract, type MultiPolygonCoords, type Position } from './planar.js';

// Binary searches stop when a part's area is within this fraction of the whole.
const areaTolerance = 1e-5;
const maxIterations = 60;

/** Finds x in [lo, hi] where f(x) (increasing) reaches target, to the tolerance. */
function solve(f: (x: number) => number, target: number, lo: number, hi: number, scale: number): number {
  let mid = (lo + hi) / 2;
  for (let i = 0; i < maxIterations; i++) {
    mid = (lo + hi) / 2;
    const v = f(mid);
    if (Math.abs(v - target) <= areaTolerance * scale) break;
    if (v < target) lo = mid;
    else hi = mid;
  }
  return mid;
}

const rectangle = (x0: number, y0: number, x1: number, y1: number): MultiPolygonCoords => [[[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]];

/**
 * Splits a shape with one straight cut perpendicular to the longer side of its box, so that the first
 * part (west or south) has `fraction` of the area. Both parts are cut by the same line, so they tile.
 */
export function splitByFraction(shape: MultiPolygonCoords, fraction: number): [MultiPolygonCoords, MultiPolygonCoords] {
  const [minX, minY, maxX, maxY] = bbox(shape);
  const vertical = maxX - minX >= maxY - minY;
  const pad = Math.max(maxX - minX, maxY - minY) + 1;
  const low = (v: number) => (vertical ? rectangle(minX - pad, minY - pad, v, maxY + pad) : rectangle(minX - pad, minY - pad, maxX + pad, v));
  const total = planarArea(shape);
  const cut = vertical
    ? solve((v) => planarArea(intersect(shape, low(v))), fraction * total, minX, maxX, total)
    : solve((v) => planarArea(intersect(shape, low(v))), fraction * total, minY, maxY, total);
  const first = intersect(shape, low(cut));
  return [first, subtract(shape, low(cut))];
}

/** Recursive area-weighted bisection: one part per weight, in the order given. */
export function bisect(shape: MultiPolygonCoords, weights: number[]): MultiPolygonCoords[] {
  if (weights.length === 1) return [shape];
  const k = Math.floor(weights.length / 2);
  const sum = (w: number[]) => w.reduce((a, b) => a + b, 0);
  const [a, b] = splitByFraction(shape, sum(weights.slice(0, k)) / sum(weights));
  return [...bisect(a, weights.slice(0, k)), ...bisect(b, weights.slice(k))];
}

const circle = (center: Position, r: number, steps = 96): MultiPolygonCoords => {
  const ring: Position[] = [];
  // offset by a third of a step so no vertex sits on a sector ray (polygon-clipping dislikes near-collinear input)
  for (let i = 0; i < steps; i++) {
    const t = (2 * Math.PI * (i + 1 / 3)) / steps;
    ring.push([center[0] + r * Math.cos(t), center[1] + r * Math.sin(t)]);
  }
  ring.push(ring[0]!);
  return [[ring]];
};

/** Splits a shape into a core around `center` with `coreArea`, and the ring around it. */
export function splitCore(shape: MultiPolygonCoords, center: Position, coreArea: number): [MultiPolygonCoords, MultiPolygonCoords] {
  const [minX, minY, maxX, maxY] = bbox(shape);
  const far = Math.hypot(maxX - minX, maxY - minY);
  const r = solve((x) => planarArea(intersect(shape, circle(center, x))), coreArea, 0, far, planarArea(shape));
  const disc = circle(center, r);
  return [intersect(shape, disc), subtract(shape, disc)];
}

/**
 * Splits a shape into angular sectors around `center`, clockwise from `startAngle` (radians from north),
 * with the given weights. Neighbouring sectors share one computed ray, so they tile.
 */
export function splitSectors(shape: MultiPolygonCoords, center: Position, weights: number[], startAngle = 0): MultiPolygonCoords[] {
  const [minX, minY, maxX, maxY] = bbox(shape);
  const radius = 4 * Math.hypot(maxX - minX, maxY - minY, center[0] - minX, center[1] - minY);
  // sectors start a little east of north, off the axes, for the same robustness reason as the circle's offset
  const start = startAngle + 0.0517;
  const point = (angle: number): Position => [center[0] + radius * Math.sin(angle + start), center[1] + radius * Math.cos(angle + start)];
  // a sector from angle a to b (clockwise, radians from north) as a fan polygon
  const sector = (a: number, b: number, start: Position, end: Position): MultiPolygonCoords => {
    const ring: Position[] = [center, start];
    for (let t = a + Math.PI / 36; t < b; t += Math.PI / 36) ring.push(point(t));
    ring.push(end, center);
    return [[ring]];
  };
  const total = planarArea(shape);
  const sum = weights.reduce((x, y) => x + y, 0);
  const angles = [0];
  let cumulative = 0;
  for (const w of weights.slice(0, -1)) {
    cumulative += w / sum;
    const target = cumulative * total;
    angles.push(solve((b) => planarArea(intersect(shape, sector(0, b, point(0), point(b)))), target, angles.at(-1)!, 2 * Math.PI, total));
  }
  const rays = angles.map(point);
  return weights.map((_, i) => {
    const a = angles[i]!;
    const last = i === weights.length - 1;
    return intersect(shape, sector(a, last ? 2 * Math.PI : angles[i + 1]!, rays[i]!, last ? rays[0]! : rays[i + 1]!));
  });
}
