import { shortDivisionName as shortName } from '@gongzhi/contracts';
import { bisect, splitCore, splitSectors } from './cuts.js';
import { bbox, centroid, localProjection, planarArea, type MultiPolygonCoords, type Position } from './planar.js';
import { seededRandom } from './random.js';

export type { MultiPolygonCoords, Position } from './planar.js';

export interface PartitionInput {
  district: MultiPolygonCoords;
  /** The district seat; urban streets cluster around it. */
  center: Position;
  /** Outer (non-urban) streets in clockwise order from north. */
  streets: Array<{ code: string; name: string; urban: boolean; communities: Array<{ code: string; name: string }> }>;
  seed: string;
}

export interface PartitionOutput {
  streets: Array<{ code: string; geometry: MultiPolygonCoords }>;
  communities: Array<{ code: string; streetCode: string; geometry: MultiPolygonCoords }>;
  grids: Array<{ code: string; communityCode: string; name: string; geometry: MultiPolygonCoords; areaM2: number }>;
}

/** Target areas: an urban street ~5 km², an urban unit grid ~1.5 ha, a rural one ~30 ha (GB/T 30428.1 speaks of ~1 ha in cities). */
export const sizing = { urbanStreetM2: 5_000_000, urbanGridM2: 15_000, ruralGridM2: 300_000, minGrids: 8, maxGrids: 30 } as const;

/**
 * Generates plausible street, community and grid polygons that tile a real district boundary: urban
 * streets share a core around the seat, the others take sectors of the ring around it, and every
 * street and community is cut into its children by area-weighted straight cuts. Deterministic per seed.
 */
export function partitionDistrict(input: PartitionInput): PartitionOutput {
  const random = seededRandom(input.seed);
  const projection = localProjection(input.center);
  const district = projection.forward(input.district);
  const urban = input.streets.filter((s) => s.urban);
  const outer = input.streets.filter((s) => !s.urban);
  const [core, ring] = splitCore(district, [0, 0], Math.min(urban.length * sizing.urbanStreetM2, 0.3 * planarArea(district)));
  const streetShapes = new Map<string, MultiPolygonCoords>();
  bisect(core, urban.map(() => 0.7 + 0.6 * random())).forEach((shape, i) => streetShapes.set(urban[i]!.code, shape));
  // the first outer street is centred on north
  const weights = outer.map((s) => s.communities.length);
  const start = (-Math.PI * (weights[0] ?? 0)) / Math.max(1, weights.reduce((a, b) => a + b, 0));
  splitSectors(ring, [0, 0], weights, start).forEach((shape, i) => streetShapes.set(outer[i]!.code, shape));

  const output: PartitionOutput = { streets: [], communities: [], grids: [] };
  for (const street of input.streets) {
    const shape = streetShapes.get(street.code)!;
    output.streets.push({ code: street.code, geometry: projection.inverse(shape) });
    const communities = shuffle(street.communities, random);
    const pieces = bisect(shape, communities.map(() => 0.7 + 0.6 * random()));
    communities.forEach((community, i) => {
      const piece = pieces[i]!;
      output.communities.push({ code: community.code, streetCode: street.code, geometry: projection.inverse(piece) });
      const target = street.urban ? sizing.urbanGridM2 : sizing.ruralGridM2;
      const n = Math.min(sizing.maxGrids, Math.max(sizing.minGrids, Math.round(planarArea(piece) / target)));
      const grids = bisect(piece, Array.from({ length: n }, () => 0.75 + 0.5 * random()));
      readingOrder(grids).forEach((index, seq) => {
        const grid = grids[index]!;
        output.grids.push({
          code: `${community.code}${String(seq + 1).padStart(3, '0')}`,
          communityCode: community.code,
          name: `${shortName(community.name)}第${seq + 1}网格`,
          geometry: projection.inverse(grid),
          areaM2: planarArea(grid),
        });
      });
    });
  }
  output.communities.sort((a, b) => a.code.localeCompare(b.code));
  output.grids.sort((a, b) => a.code.localeCompare(b.code));
  return output;
}

/**
 * Reading order (GB/T 30428.1 style numbering): rows from north to south, west to east within a row.
 * Rows are bands as tall as the median shape. Returns indexes into `geometries`.
 */
export function readingOrder(geometries: MultiPolygonCoords[]): number[] {
  const centres = geometries.map(centroid);
  const heights = geometries.map((g) => { const b = bbox(g); return b[3] - b[1]; }).sort((a, b) => a - b);
  const band = heights[Math.floor(heights.length / 2)] || 1;
  const top = Math.max(...centres.map((c) => c[1]));
  const row = (i: number) => Math.floor((top - centres[i]![1]) / band + 0.5);
  return geometries.map((_, i) => i).sort((a, b) => row(a) - row(b) || centres[a]![0] - centres[b]![0]);
}

/** Area in m² of a WGS84 MultiPolygon, in a local projection. */
export function areaM2(geometry: MultiPolygonCoords): number {
  const [minX, minY, maxX, maxY] = bbox(geometry);
  return planarArea(localProjection([(minX + maxX) / 2, (minY + maxY) / 2]).forward(geometry));
}


function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
