import { chance, int, pick, weightedKeys, type Rng } from '../synthetic/random.js';
import { estateNames, reservedEstateNames, roadNames, villageLanes } from './names.js';

/**
 * Where the demo district's people live: estates (小区), roads (街路巷) and villages (村) of each community,
 * their buildings in the grids, and the dwellings (户) in them with what each is used for. Pure: the
 * same grids and random stream give the same plan; records refer to each other by index.
 *
 * Volume. 张店区 has about a million residents, ~280 per grid. Seeding them all would take minutes on
 * the embedded database, so the demo holds about 2% of them (~9,000 dwellings in ~1,000 buildings,
 * ~20,600 people, ~500 organisations; about 7 s of the first start), not spread thinly but the way a
 * partly digitised district looks: the demo grid worker's grid is complete (9 buildings, ~330 dwellings,
 * ~750 people), every grid of the demo community has a building or two, one community per street is
 * well covered (a quarter of its grids), and every other community has one estate building, or a few
 * village houses, and sometimes a row of shops. About 450 of the 3,599 grids have people.
 */

export interface GridRef {
  code: string;
  communityCode: string;
  /** the community's name (新华社区居委会, 北岭村委会): villages are told apart by it */
  communityName: string;
}

export type EstateKind = 'estate' | 'road' | 'village';
export type Usage = 'owner_occupied' | 'rented' | 'vacant' | 'commercial';

export interface EstatePlan {
  name: string;
  kind: EstateKind;
  communityCode: string;
}

export interface BuildingPlan {
  estate: number;
  /** `<grid>-<3 digits>`, numbered in each grid as nextBuildingCode would */
  code: string;
  name: string;
  gridCode: string;
  floors: number;
}

export interface DwellingPlan {
  building: number;
  addressCode: string;
  unitNo: string;
  roomNo: string;
  gridCode: string;
  usage: Usage;
  areaM2: number;
  floor: number;
}

export interface HousingPlan {
  estates: EstatePlan[];
  buildings: BuildingPlan[];
  dwellings: DwellingPlan[];
  /** the dense communities, one per street (the demo community for its street) */
  denseCommunities: string[];
}

export const demoGrid = '370303001001001';
export const demoCommunity = demoGrid.slice(0, 12);

export const isVillage = (communityName: string) => /村(民)?委员?会$/.test(communityName);

/** What one grid gets: estate buildings, road (shop) buildings, village houses. */
interface GridShare {
  estateBuildings: number;
  roadBuildings: number;
  villageHouses: number;
  /** the one building of a sparsely covered community: two or three units, no high-rise */
  small?: boolean;
}

const estateUsage = weightedKeys({ owner_occupied: 79, rented: 13, vacant: 8 });
const upstairsUsage = weightedKeys({ owner_occupied: 62, rented: 26, vacant: 12 });
const rentalRoomUsage = weightedKeys({ rented: 80, vacant: 20 });

export function planHousing(rng: Rng, grids: readonly GridRef[]): HousingPlan {
  const communities = groupBy(grids, (g) => g.communityCode);
  const denseCommunities = pickDenseCommunities(rng, communities);
  const plan: HousingPlan = { estates: [], buildings: [], dwellings: [], denseCommunities };
  for (const [communityCode, cgrids] of communities) {
    const village = isVillage(cgrids[0]!.communityName);
    const shares = shareOut(rng, cgrids, communityCode === demoCommunity ? 'demo' : denseCommunities.includes(communityCode) ? 'dense' : 'sparse', village);
    const builder = new CommunityBuilder(rng, plan, communityCode, cgrids[0]!.communityName);
    for (const [grid, share] of shares) {
      // most of the demo grid is one estate, as a real grid often is
      for (let i = 0; i < share.estateBuildings; i++) builder.estateBuilding(grid.code, grid.code === demoGrid && i < 5, share.small ?? false);
      for (let i = 0; i < share.roadBuildings; i++) builder.roadBuilding(grid.code);
      if (share.villageHouses > 0) builder.villageHouses(grid.code, share.villageHouses);
    }
  }
  return plan;
}

/** One community per street, at random; the demo community is its street's. */
function pickDenseCommunities(rng: Rng, communities: Map<string, GridRef[]>): string[] {
  const byStreet = groupBy([...communities.keys()], (c) => c.slice(0, 9));
  return [...byStreet.values()].map((codes) => (codes.includes(demoCommunity) ? demoCommunity : pick(rng, codes)));
}

function shareOut(rng: Rng, grids: GridRef[], tier: 'demo' | 'dense' | 'sparse', village: boolean): Map<GridRef, GridShare> {
  const shares = new Map<GridRef, GridShare>();
  const add = (g: GridRef, s: Partial<GridShare>) => {
    const cur = shares.get(g) ?? { estateBuildings: 0, roadBuildings: 0, villageHouses: 0 };
    shares.set(g, {
      estateBuildings: cur.estateBuildings + (s.estateBuildings ?? 0), roadBuildings: cur.roadBuildings + (s.roadBuildings ?? 0), villageHouses: cur.villageHouses + (s.villageHouses ?? 0),
      small: s.small ?? cur.small,
    });
  };
  if (tier === 'demo') {
    for (const g of grids) {
      if (g.code === demoGrid) add(g, { estateBuildings: 7, roadBuildings: 2 });
      else add(g, { estateBuildings: chance(rng, 0.15) ? 2 : 1, roadBuildings: chance(rng, 0.25) ? 1 : 0 });
    }
  } else if (tier === 'dense') {
    for (const g of grids) {
      if (village) add(g, { villageHouses: chance(rng, 0.5) ? int(rng, 3, 6) : 0, roadBuildings: chance(rng, 0.15) ? 1 : 0 });
      else add(g, { estateBuildings: chance(rng, 0.25) ? 1 : 0, roadBuildings: chance(rng, 0.15) ? 1 : 0 });
    }
  } else {
    if (village) add(pick(rng, grids), { villageHouses: int(rng, 3, 5) });
    else add(pick(rng, grids), { estateBuildings: 1, small: true });
    if (chance(rng, 0.25)) add(pick(rng, grids), { roadBuildings: 1 });
  }
  return shares;
}

/** Adds one community's estates, buildings and dwellings to the plan. */
class CommunityBuilder {
  private readonly estateIndex = new Map<string, number>();
  /** buildings so far per estate (for 1号楼, 2号楼 …) and per grid (for the building code) */
  private readonly perEstate = new Map<number, Set<string>>();
  private readonly perGrid = new Map<string, number>();
  private readonly homeEstate: string;
  private readonly roads: string[];

  constructor(private readonly rng: Rng, private readonly plan: HousingPlan, private readonly communityCode: string, communityName: string) {
    // a community is usually named after its village or its oldest estate (齐林家园社区 → 齐林家园)
    const short = communityName.replace(/(居民委员会|居委会|村民委员会|村委会)$/, '').replace(/社区$/, '');
    const own = isVillage(communityName) ? `${short.replace(/村$/, '')}村` : /(家园|花园|苑|园|庭|城|小区|宿舍)$/.test(short) ? short : `${short}小区`;
    this.homeEstate = reservedEstateNames.has(own) ? pick(rng, estateNames) : own;
    this.roads = [pick(rng, roadNames), pick(rng, roadNames)];
  }

  /** A 小区 building: mostly 5–7 floors without a lift (2–4 units, 2 flats a floor), some newer high-rises. */
  estateBuilding(gridCode: string, inHomeEstate: boolean, small: boolean) {
    const name = inHomeEstate || chance(this.rng, 0.6) ? this.homeEstate : pick(this.rng, estateNames.filter((n) => n !== this.homeEstate && !reservedEstateNames.has(n)));
    const estate = this.estate(name, 'estate');
    const highRise = !small && chance(this.rng, 0.1);
    const floors = highRise ? int(this.rng, 11, 18) : pick(this.rng, [5, 6, 6, 6, 7]);
    const units = highRise ? int(this.rng, 1, 2) : int(this.rng, 2, small ? 3 : 4);
    const b = this.building(estate, gridCode, (n) => `${n}号楼`, floors);
    const area = int(this.rng, 55, highRise ? 140 : 110);
    for (let unit = 1; unit <= units; unit++) {
      for (let floor = 1; floor <= floors; floor++) {
        for (let room = 1; room <= 2; room++) this.dwelling(b, String(unit), `${floor}0${room}`, floor, estateUsage(this.rng), area + int(this.rng, -8, 8));
      }
    }
  }

  /** A building on a road: shops on the ground floor (商铺), flats above. */
  roadBuilding(gridCode: string) {
    const estate = this.estate(pick(this.rng, this.roads), 'road');
    const floors = int(this.rng, 3, 6);
    const first = int(this.rng, 1, 300);
    const b = this.building(estate, gridCode, (n) => `${first + 2 * (n - 1)}号`, floors);
    const shops = int(this.rng, 2, 4);
    for (let s = 1; s <= shops; s++) this.dwelling(b, '', `10${s}`, 1, 'commercial', int(this.rng, 25, 120));
    const units = int(this.rng, 1, 2);
    for (let unit = 1; unit <= units; unit++) {
      for (let floor = 2; floor <= floors; floor++) {
        for (let room = 1; room <= 2; room++) this.dwelling(b, String(unit), `${floor}0${room}`, floor, upstairsUsage(this.rng), int(this.rng, 60, 120));
      }
    }
  }

  /** Village houses (自建房): the family lives in room 1, the other rooms are let, often to migrant workers. */
  villageHouses(gridCode: string, count: number) {
    const estate = this.estate(this.homeEstate, 'village');
    const lane = pick(this.rng, villageLanes);
    for (let i = 0; i < count; i++) {
      const b = this.building(estate, gridCode, (n) => `${lane}${n}号`, int(this.rng, 1, 3));
      this.dwelling(b, '', '1', 1, chance(this.rng, 0.92) ? 'owner_occupied' : 'vacant', int(this.rng, 90, 220));
      const rooms = pick(this.rng, [0, 0, 1, 1, 2]);
      for (let r = 2; r <= rooms + 1; r++) this.dwelling(b, '', String(r), 1, rentalRoomUsage(this.rng), int(this.rng, 15, 40));
    }
  }

  private estate(name: string, kind: EstateKind): number {
    let index = this.estateIndex.get(name);
    if (index === undefined) {
      index = this.plan.estates.push({ name, kind, communityCode: this.communityCode }) - 1;
      this.estateIndex.set(name, index);
      this.perEstate.set(index, new Set());
    }
    return index;
  }

  /** The building named by the first free number of its estate; coded by its sequence in the grid. */
  private building(estate: number, gridCode: string, nameOf: (n: number) => string, floors: number): number {
    const names = this.perEstate.get(estate)!;
    let n = names.size + 1;
    while (names.has(nameOf(n))) n++;
    const name = nameOf(n);
    names.add(name);
    const sequence = (this.perGrid.get(gridCode) ?? 0) + 1;
    this.perGrid.set(gridCode, sequence);
    return this.plan.buildings.push({ estate, code: `${gridCode}-${String(sequence).padStart(3, '0')}`, name, gridCode, floors }) - 1;
  }

  private dwelling(building: number, unitNo: string, roomNo: string, floor: number, usage: Usage, areaM2: number) {
    const b = this.plan.buildings[building]!;
    this.plan.dwellings.push({ building, addressCode: `${b.code}-${unitNo || '0'}-${roomNo}`, unitNo, roomNo, gridCode: b.gridCode, usage, areaM2, floor });
  }
}

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
