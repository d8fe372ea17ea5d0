import { describe, expect, it } from 'vitest';
import { seededRandom } from '../synthetic/random.js';
import { demoCommunity, demoGrid, groupBy, isVillage, planHousing } from './housing-plan.js';
import { reservedEstateNames } from './names.js';
import { testGrids } from './test-grids.js';

const grids = testGrids();
const plan = planHousing(seededRandom('housing'), grids);
const gridByCode = new Map(grids.map((g) => [g.code, g]));

describe('planHousing', () => {
  it('gives the same plan for the same stream, another for another', () => {
    expect(planHousing(seededRandom('housing'), grids)).toEqual(plan);
    expect(planHousing(seededRandom('other'), grids)).not.toEqual(plan);
  });

  it('puts every building in a known grid of its estate’s community, coded in sequence per grid', () => {
    for (const b of plan.buildings) {
      expect(gridByCode.has(b.gridCode), b.code).toBe(true);
      expect(plan.estates[b.estate]!.communityCode).toBe(gridByCode.get(b.gridCode)!.communityCode);
      expect(b.code).toMatch(new RegExp(`^${b.gridCode}-\\d{3}$`));
      expect(b.floors).toBeGreaterThanOrEqual(1);
      expect(b.floors).toBeLessThanOrEqual(200);
    }
    for (const [grid, buildings] of groupBy(plan.buildings, (b) => b.gridCode)) {
      expect(buildings.map((b) => b.code)).toEqual(buildings.map((_, i) => `${grid}-${String(i + 1).padStart(3, '0')}`));
    }
    const names = plan.buildings.map((b) => `${b.estate}|${b.name}`);
    expect(new Set(names).size).toBe(names.length);
    const estates = plan.estates.map((e) => `${e.communityCode}|${e.name}`);
    expect(new Set(estates).size).toBe(estates.length);
    expect(plan.estates.some((e) => reservedEstateNames.has(e.name))).toBe(false);
  });

  it('addresses each dwelling by building, unit and room, once', () => {
    for (const d of plan.dwellings) {
      const b = plan.buildings[d.building]!;
      expect(d.addressCode).toBe(`${b.code}-${d.unitNo || '0'}-${d.roomNo}`);
      expect(d.gridCode).toBe(b.gridCode);
      expect(d.floor).toBeLessThanOrEqual(b.floors);
    }
    expect(new Set(plan.dwellings.map((d) => d.addressCode)).size).toBe(plan.dwellings.length);
  });

  it('mixes uses roughly as a city does: mostly owner-occupied, a fifth rented, shops only on the ground floor along roads', () => {
    const share = (usage: string) => plan.dwellings.filter((d) => d.usage === usage).length / plan.dwellings.length;
    expect(share('owner_occupied')).toBeGreaterThan(0.62);
    expect(share('owner_occupied')).toBeLessThan(0.78);
    expect(share('rented')).toBeGreaterThan(0.12);
    expect(share('rented')).toBeLessThan(0.25);
    expect(share('vacant')).toBeGreaterThan(0.05);
    expect(share('vacant')).toBeLessThan(0.14);
    expect(share('commercial')).toBeGreaterThan(0.015);
    expect(share('commercial')).toBeLessThan(0.06);
    for (const d of plan.dwellings.filter((d) => d.usage === 'commercial')) {
      expect(d.floor).toBe(1);
      expect(plan.estates[plan.buildings[d.building]!.estate]!.kind).toBe('road');
    }
  });

  it('covers every community, every street and every grid of the demo community, the demo grid most', () => {
    const covered = new Set(plan.buildings.map((b) => b.gridCode.slice(0, 12)));
    expect(covered).toEqual(new Set(grids.map((g) => g.communityCode)));
    const demoGrids = grids.filter((g) => g.communityCode === demoCommunity).map((g) => g.code);
    for (const g of demoGrids) expect(plan.buildings.some((b) => b.gridCode === g), g).toBe(true);
    const inDemoGrid = plan.buildings.filter((b) => b.gridCode === demoGrid);
    expect(inDemoGrid.length).toBeGreaterThanOrEqual(8);
    expect(inDemoGrid.some((b) => plan.estates[b.estate]!.kind === 'road')).toBe(true);
    const dwellingsPerGrid = [...groupBy(plan.dwellings, (d) => d.gridCode).values()].map((list) => list.length);
    expect(plan.dwellings.filter((d) => d.gridCode === demoGrid).length).toBe(Math.max(...dwellingsPerGrid));
    expect(plan.denseCommunities).toContain(demoCommunity);
    expect(new Set(plan.denseCommunities.map((c) => c.slice(0, 9))).size).toBe(13);
  });

  it('builds village houses in villages and estates in urban communities', () => {
    const villages = new Set(grids.filter((g) => isVillage(g.communityName)).map((g) => g.communityCode));
    for (const e of plan.estates) {
      if (e.kind === 'village') expect(villages.has(e.communityCode), e.name).toBe(true);
      if (e.kind === 'estate') expect(villages.has(e.communityCode), e.name).toBe(false);
    }
    expect(plan.estates.find((e) => e.kind === 'village')!.name).toMatch(/村$/);
  });
});
