import { ageOn, syntheticMobile, syntheticName } from '../synthetic/people.js';
import { chance, digits, int, pick, weightedKeys, type Rng } from '../synthetic/random.js';
import { syntheticUscc, type UsccKind } from './codes.js';
import { demoCommunity, groupBy, type GridRef, type HousingPlan } from './housing-plan.js';
import { associations, companyTrades, shopKinds, shopWords, tradeNames } from './names.js';
import type { PersonPlan } from './residents-plan.js';

/**
 * Organisations (单位) at the planned buildings: a business in every shop (mostly 个体工商户, some
 * companies), companies upstairs on the roads, a property company for most estates, and a few social
 * organisations (社会组织): an association per street, elderly-care and social-work centres in the
 * dense communities, one foundation. Pure; each in the grid of its building.
 */

export interface OrganisationPlan {
  uscc: string;
  name: string;
  orgType: 'enterprise' | 'individual' | 'social';
  /** GB/T 4754 section */
  industry: string;
  gridCode: string;
  building: number;
  address: string;
  legalRep: string;
  phone: string;
  headCount: number;
  /** the registering department: market regulation, or civil affairs for social organisations */
  source: 'shichang' | 'minzheng';
}

const companyIndustry = weightedKeys(Object.fromEntries(Object.entries(companyTrades).map(([k, v]) => [k, v.weight])));
const landline = (rng: Rng) => `0533-${int(rng, 2, 8)}${digits(rng, 6)}`;

export function planOrganisations(rng: Rng, housing: HousingPlan, people: readonly PersonPlan[], grids: readonly GridRef[], asOf: string): OrganisationPlan[] {
  const orgs: OrganisationPlan[] = [];
  const codes = new Set<string>();
  const names = new Set<string>();
  // 个体工商户 are run by people of the street
  const operators = groupBy(people.filter((p) => p.idType === 'resident' && p.dwelling !== null && ageOn(p.birthDate, asOf) >= 25 && ageOn(p.birthDate, asOf) <= 60), (p) => p.gridCode.slice(0, 9));
  const add: Adder = (o) => {
    let uscc = syntheticUscc(rng, o.kind);
    while (codes.has(uscc)) uscc = syntheticUscc(rng, o.kind);
    codes.add(uscc);
    let name = o.name();
    for (let tries = 0; names.has(name) && tries < 10; tries++) name = o.name();
    // still taken: told apart by where it is, as 字号 are (淄博华源商贸（华光路）有限公司)
    if (names.has(name)) name = `${name.replace(/有限公司$/, '')}（${housing.estates[housing.buildings[o.building]!.estate]!.name}）${name.endsWith('有限公司') ? '有限公司' : ''}`;
    names.add(name);
    const { kind: _kind, ...rest } = o;
    orgs.push({ ...rest, uscc, name, gridCode: housing.buildings[o.building]!.gridCode });
  };
  const company = (industry: string) => () => `${chance(rng, 0.2) ? '山东' : '淄博'}${pick(rng, tradeNames)}${pick(rng, companyTrades[industry]!.words)}${chance(rng, 0.1) ? '股份' : ''}有限公司`;
  const place = (b: number, suffix: string) => {
    const building = housing.buildings[b]!;
    return `张店区${housing.estates[building.estate]!.name}${building.name}${suffix}`;
  };

  // shops: a business in every commercial dwelling
  for (const d of housing.dwellings) {
    if (d.usage !== 'commercial') continue;
    const [kindName, industry] = pick(rng, shopKinds);
    const address = place(d.building, `${d.roomNo}室`);
    if (chance(rng, 0.7)) {
      const operator = pickMaybe(rng, operators.get(d.gridCode.slice(0, 9)));
      const rep = operator?.name ?? syntheticName(rng, chance(rng, 0.5) ? '1' : '2', int(rng, 1965, 1998));
      add({
        kind: 'individual', orgType: 'individual', industry, building: d.building, address, legalRep: rep, phone: operator?.phone ?? syntheticMobile(rng), headCount: int(rng, 1, 6), source: 'shichang',
        name: () => `张店区${chance(rng, 0.3) ? `${rep[0]}记` : pick(rng, shopWords)}${kindName}`,
      });
    } else {
      const trade = companyTrades[industry] ? industry : 'F';
      add({ kind: 'enterprise', orgType: 'enterprise', industry: trade, building: d.building, address, legalRep: personName(rng), phone: landline(rng), headCount: int(rng, 3, 30), source: 'shichang', name: company(trade) });
    }
  }

  housing.buildings.forEach((b, i) => {
    const estate = housing.estates[b.estate]!;
    // companies renting rooms above the shops
    if (estate.kind === 'road') {
      const count = chance(rng, 0.15) ? 2 : chance(rng, 0.5) ? 1 : 0;
      for (let k = 0; k < count; k++) {
        const industry = companyIndustry(rng);
        const headCount = industry === 'C' ? int(rng, 20, 300) : int(rng, 3, 80);
        add({ kind: 'enterprise', orgType: 'enterprise', industry, building: i, address: place(i, `${int(rng, 2, b.floors)}楼`), legalRep: personName(rng), phone: landline(rng), headCount, source: 'shichang', name: company(industry) });
      }
    }
  });

  // a property company for most estates, at its first building
  const firstBuilding = new Map<number, number>();
  housing.buildings.forEach((b, i) => firstBuilding.has(b.estate) || firstBuilding.set(b.estate, i));
  housing.estates.forEach((e, k) => {
    if (e.kind !== 'estate' || !chance(rng, 0.7)) return;
    const b = firstBuilding.get(k)!;
    add({
      kind: 'enterprise', orgType: 'enterprise', industry: 'K', building: b, address: `张店区${e.name}物业服务中心`, legalRep: personName(rng), phone: landline(rng), headCount: int(rng, 8, 60), source: 'shichang',
      name: () => `淄博${pick(rng, tradeNames)}物业管理有限公司`,
    });
  });

  addSocialOrganisations(rng, housing, grids, add);
  return orgs;
}

/** Adds an organisation: a fresh credit code of its kind, a name drawn until unused, the grid of its building. */
type Adder = (o: Omit<OrganisationPlan, 'uscc' | 'gridCode' | 'name'> & { name: () => string; kind: UsccKind }) => void;

/** An association per street; elderly-care and social-work centres in the dense communities; one foundation. */
function addSocialOrganisations(rng: Rng, housing: HousingPlan, grids: readonly GridRef[], add: Adder) {
  const communityName = new Map(grids.map((g) => [g.communityCode, g.communityName.replace(/(居民委员会|居委会|村民委员会|村委会)$/, '').replace(/社区$/, '')]));
  const buildingsBy = groupBy(housing.buildings.map((b, i) => ({ b, i })), ({ b }) => b.gridCode.slice(0, 12));
  const buildingIn = (prefix: string) => {
    const candidates = [...buildingsBy].filter(([c]) => c.startsWith(prefix)).flatMap(([, list]) => list);
    return candidates.length ? pick(rng, candidates).i : undefined;
  };
  const social = (kind: UsccKind, industry: string, building: number, name: string, address: string) =>
    add({ kind, orgType: 'social', industry, building, address, legalRep: personName(rng), phone: landline(rng), headCount: int(rng, 3, 25), source: 'minzheng', name: () => name });

  const streets = [...new Set(housing.buildings.map((b) => b.gridCode.slice(0, 9)))].sort();
  streets.forEach((street, k) => {
    const b = buildingIn(street);
    if (b !== undefined && associations[k]) social('association', 'S', b, associations[k], addressOf(housing, b));
  });
  for (const community of housing.denseCommunities) {
    const b = buildingIn(community);
    if (b === undefined) continue;
    const name = communityName.get(community) ?? '';
    social('private_non_enterprise', 'Q', b, `张店区${name}社区养老服务中心`, addressOf(housing, b));
    if (community === demoCommunity || chance(rng, 0.4)) social('private_non_enterprise', 'Q', b, `张店区${name}社区社会工作服务站`, addressOf(housing, b));
  }
  const b = buildingIn(demoCommunity);
  if (b !== undefined) social('foundation', 'S', b, '张店区扶老助学基金会', addressOf(housing, b));
}

const addressOf = (housing: HousingPlan, b: number) => {
  const building = housing.buildings[b]!;
  return `张店区${housing.estates[building.estate]!.name}${building.name}`;
};

const personName = (rng: Rng) => syntheticName(rng, chance(rng, 0.7) ? '1' : '2', int(rng, 1960, 1992));
const pickMaybe = <T>(rng: Rng, list: readonly T[] | undefined) => (list?.length ? pick(rng, list) : undefined);
