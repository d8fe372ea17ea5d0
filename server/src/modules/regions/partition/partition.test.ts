import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDivisions } from '../divisions.js';
import { gcj02ToWgs84Geometry } from './gcj02.js';
import { shortDivisionName as shortName } from '@gongzhi/contracts';
import { areaM2, partitionDistrict, readingOrder, type MultiPolygonCoords, type PartitionInput, type PartitionOutput } from './index.js';
import { intersect, localProjection, planarArea, subtract, unite } from './planar.js';
import { ZHANGDIAN_STREET_LAYOUT } from './zhangdian.js';

const dataDir = path.resolve(import.meta.dirname, '../../../../data');

function zhangdianInput(seed = 'test-seed'): PartitionInput {
  const rows = readDivisions(path.join(dataDir, 'divisions-zibo-3703.csv'));
  const feature = JSON.parse(fs.readFileSync(path.join(dataDir, 'zhangdian-boundary-gcj02.geojson'), 'utf8')).features[0];
  const streets = rows
    .filter((r) => r.parentCode === '370303000000')
    .sort((a, b) => ZHANGDIAN_STREET_LAYOUT[a.code]!.order - ZHANGDIAN_STREET_LAYOUT[b.code]!.order)
    .map((s) => ({ code: s.code, name: s.name, urban: ZHANGDIAN_STREET_LAYOUT[s.code]!.urban, communities: rows.filter((v) => v.parentCode === s.code).map((v) => ({ code: v.code, name: v.name })) }));
  return {
    district: gcj02ToWgs84Geometry(feature.geometry.coordinates),
    center: gcj02ToWgs84Geometry([[[feature.properties.center]]])[0]![0]![0]!,
    streets,
    seed,
  };
}

// one projection for every area compared, so that sums are exact up to floating point
const projection = localProjection([118.05, 36.8]);
const m2 = (p: MultiPolygonCoords) => planarArea(projection.forward(p));
const sumArea = (parts: MultiPolygonCoords[]) => parts.reduce((s, p) => s + m2(p), 0);
const overlapM2 = (a: MultiPolygonCoords, b: MultiPolygonCoords) => areaM2(intersect(a, b));

let input: PartitionInput;
let out: PartitionOutput;
beforeAll(() => {
  input = zhangdianInput();
  out = partitionDistrict(input);
}, 60_000);

describe('partition of 张店区', () => {
  it('has every real street and community once, and 8–30 grids per community', () => {
    expect(out.streets.map((s) => s.code).sort()).toEqual(input.streets.map((s) => s.code).sort());
    expect(new Set(out.communities.map((c) => c.code)).size).toBe(304);
    const perCommunity = new Map<string, number>();
    for (const g of out.grids) perCommunity.set(g.communityCode, (perCommunity.get(g.communityCode) ?? 0) + 1);
    expect(perCommunity.size).toBe(304);
    for (const n of perCommunity.values()) expect(n).toBeGreaterThanOrEqual(8), expect(n).toBeLessThanOrEqual(30);
  });

  it('numbers grids 001…n inside their community with 15-digit codes', () => {
    const byCommunity = new Map<string, string[]>();
    for (const g of out.grids) {
      expect(g.code).toMatch(/^\d{15}$/);
      expect(g.code.startsWith(g.communityCode)).toBe(true);
      byCommunity.set(g.communityCode, [...(byCommunity.get(g.communityCode) ?? []), g.code.slice(12)]);
    }
    for (const seqs of byCommunity.values()) expect(seqs.sort()).toEqual(seqs.map((_, i) => String(i + 1).padStart(3, '0')));
    expect(out.grids.find((g) => g.code === '370303001001001')!.name).toBe('新华社区第1网格');
  });

  it('tiles: children areas add up to the parent at every level', () => {
    const district = m2(input.district);
    expect(Math.abs(sumArea(out.streets.map((s) => s.geometry)) - district) / district).toBeLessThan(1e-6);
    for (const street of out.streets) {
      const kids = out.communities.filter((c) => c.streetCode === street.code).map((c) => c.geometry);
      const a = m2(street.geometry);
      expect(Math.abs(sumArea(kids) - a) / a).toBeLessThan(1e-6);
    }
    for (const community of out.communities) {
      const kids = out.grids.filter((g) => g.communityCode === community.code).map((g) => g.geometry);
      const a = m2(community.geometry);
      expect(Math.abs(sumArea(kids) - a) / a).toBeLessThan(1e-6);
    }
  });

  it('tiles: siblings do not overlap and their union leaves no gap', () => {
    const streets = out.streets.map((s) => s.geometry);
    for (let i = 0; i < streets.length; i++) for (let j = i + 1; j < streets.length; j++) expect(overlapM2(streets[i]!, streets[j]!)).toBeLessThan(1);
    expect(areaM2(subtract(input.district, unite(...streets)))).toBeLessThan(1);
    // grids of a sample of communities, urban and rural
    for (const community of out.communities.filter((_, i) => i % 15 === 0)) {
      const grids = out.grids.filter((g) => g.communityCode === community.code).map((g) => g.geometry);
      for (let i = 0; i < grids.length; i++) for (let j = i + 1; j < grids.length; j++) expect(overlapM2(grids[i]!, grids[j]!)).toBeLessThan(1);
      expect(areaM2(subtract(community.geometry, unite(...grids)))).toBeLessThan(1);
    }
  }, 60_000);

  it('is plausible: urban streets small, urban grids around a hectare or two, rural grids larger', () => {
    const urban = new Set(input.streets.filter((s) => s.urban).map((s) => s.code.slice(0, 9)));
    const streetArea = (u: boolean) => out.streets.filter((s) => urban.has(s.code.slice(0, 9)) === u).map((s) => areaM2(s.geometry));
    expect(Math.max(...streetArea(true))).toBeLessThan(Math.min(...streetArea(false)));
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const urbanGrid = median(out.grids.filter((g) => urban.has(g.code.slice(0, 9))).map((g) => g.areaM2));
    const ruralGrid = median(out.grids.filter((g) => !urban.has(g.code.slice(0, 9))).map((g) => g.areaM2));
    expect(urbanGrid).toBeGreaterThan(5_000);
    expect(urbanGrid).toBeLessThan(40_000);
    expect(ruralGrid).toBeGreaterThan(5 * urbanGrid);
  });

  it('is deterministic: the same seed gives the same polygons, another seed other grids', () => {
    expect(partitionDistrict(zhangdianInput())).toEqual(out);
    const other = partitionDistrict(zhangdianInput('another-seed'));
    expect(other.grids.map((g) => g.geometry)).not.toEqual(out.grids.map((g) => g.geometry));
  }, 60_000);
});

describe('readingOrder', () => {
  const square = (col: number, row: number): MultiPolygonCoords => [[[[col, -row], [col + 1, -row], [col + 1, -row + 1], [col, -row + 1], [col, -row]]]];
  it('numbers rows north to south, west to east within a row', () => {
    // given shuffled: (col,row) pairs
    const cells: Array<[number, number]> = [[2, 1], [0, 0], [1, 2], [1, 0], [0, 2], [2, 0], [0, 1], [2, 2], [1, 1]];
    const order = readingOrder(cells.map(([c, r]) => square(c, r)));
    expect(order.map((i) => cells[i])).toEqual([[0, 0], [1, 0], [2, 0], [0, 1], [1, 1], [2, 1], [0, 2], [1, 2], [2, 2]]);
  });
});

describe('shortName', () => {
  it('drops committee suffixes', () => {
    expect(shortName('城里社区居委会')).toBe('城里社区');
    expect(shortName('东升社区居民委员会')).toBe('东升社区');
    expect(shortName('西王村委会')).toBe('西王村');
    expect(shortName('马家村村民委员会')).toBe('马家村');
    expect(shortName('马家村村委会')).toBe('马家村');
  });
});
