import {
  abroad, addYears, ageOn, dayBetween, originFor, syntheticHousehold, syntheticPerson, zhangdian,
  type Gender, type PersonType, type SyntheticHousehold, type SyntheticPerson,
} from '../synthetic/people.js';
import { chance, int, pick, weightedKeys, type Rng } from '../synthetic/random.js';
import { householdRecords, residentRecord } from '../synthetic/resident-record.js';
import { distinctIdNumber } from './codes.js';
import { groupBy, isVillage, type GridRef, type HousingPlan } from './housing-plan.js';
import { keptValues, tagsOf, type TagPlan } from './record-fields.js';

/**
 * Who lives in the planned dwellings (以房管人): a household of owners and their family in each
 * owner-occupied home, tenants in each rented one (mostly young migrant workers, 流动人口), landlords
 * (often owners living elsewhere in the street), and where some tenants lived before. Pure.
 */

export type IdType = 'resident' | 'passport' | 'permit';
export type Relation = 'owner' | 'family' | 'tenant';

export interface PersonPlan {
  idType: IdType;
  /** an 18-character ID number, or the passport or permit number */
  idNumber: string;
  name: string;
  gender: Gender;
  birthDate: string;
  phone: string | null;
  personType: PersonType;
  gridCode: string;
  /** the dwelling lived in now; null for a landlord living outside the seeded homes */
  dwelling: number | null;
  extra: Record<string, string>;
  tags: TagPlan[];
}

export interface ResidencyPlan {
  person: number;
  dwelling: number;
  relation: Relation;
  movedIn: string;
  movedOut: string | null;
}

export interface LeasePlan {
  dwelling: number;
  landlord: number;
  start: string;
  end: string;
}

export interface ResidentsPlan {
  people: PersonPlan[];
  residencies: ResidencyPlan[];
  leases: LeasePlan[];
}

/** Owners are mostly 户籍; a quarter moved in from elsewhere (常住); a few are from abroad. */
const ownerTypes = weightedKeys({ huji: 74, changzhu: 25.7, jingwai: 0.3 });
/** Tenants are mostly migrants (流动): 1–3 young people, a young couple, sometimes with a small child. */
const tenantTypes = weightedKeys({ liudong: 81, changzhu: 17.5, jingwai: 1.5 });
const tenantKinds = weightedKeys({ single: 40, sharing: 25, couple: 20, family: 15 });

export function planResidents(rng: Rng, housing: HousingPlan, grids: readonly GridRef[], asOf: string): ResidentsPlan {
  const plan: ResidentsPlan = { people: [], residencies: [], leases: [] };
  const villageCommunity = new Map(grids.map((g) => [g.communityCode, isVillage(g.communityName)]));
  const taken = new Set<string>();
  const heads = new Map<number, number>(); // owner-occupied dwelling → its owner
  const tenantHeads: ResidencyPlan[] = [];
  const ctx = { rng, asOf, plan, taken };

  housing.dwellings.forEach((d, i) => {
    const village = villageCommunity.get(d.gridCode.slice(0, 12)) ?? false;
    if (d.usage === 'owner_occupied') heads.set(i, moveInOwners(ctx, housing, i, village ? (chance(rng, 0.95) ? 'huji' : 'changzhu') : ownerTypes(rng)));
    else if (d.usage === 'rented') tenantHeads.push(moveInTenants(ctx, housing, i, village));
  });
  recordEarlierHomes(ctx, housing, tenantHeads);
  letDwellings(ctx, housing, heads);
  return plan;
}

interface Ctx {
  rng: Rng;
  asOf: string;
  plan: ResidentsPlan;
  taken: Set<string>;
}

/** The day `from`–`to`, or `to` when the range is empty (a young head cannot have moved in before adulthood). */
const dayIn = (rng: Rng, from: string, to: string) => (to < from ? to : dayBetween(rng, from, to));
const later = (a: string, b: string) => (a > b ? a : b);

/** Moves a household into the home it owns (the head as owner, hukou registered at it); the owner's index. */
function moveInOwners(ctx: Ctx, housing: HousingPlan, dwelling: number, personType: PersonType): number {
  const { rng, asOf } = ctx;
  const d = housing.dwellings[dwelling]!;
  const household = syntheticHousehold(rng, { regionCode6: originFor(rng, personType).code, asOf });
  const records = householdRecords(rng, household, { gridCode: d.gridCode, addressCode: d.addressCode, personType, asOf });
  const head = household.members[0]!.person;
  const movedIn = dayIn(rng, later(addYears(head.birthDate, 22), '1985-01-01'), addYears(asOf, -1));
  const b = housing.buildings[d.building]!;
  const address = `山东省淄博市张店区${housing.estates[b.estate]!.name}${b.name}${d.unitNo ? `${d.unitNo}单元` : ''}${d.roomNo}室`;
  const first = ctx.plan.people.length;
  household.members.forEach((m, k) => {
    const record = personType === 'huji' ? { ...records[k]!, huji_address: address } : records[k]!;
    const person = addPerson(ctx, m.person, record, personType, d.gridCode, dwelling);
    ctx.plan.residencies.push({ person, dwelling, relation: k === 0 ? 'owner' : 'family', movedIn: later(movedIn, m.person.birthDate), movedOut: null });
  });
  return first;
}

/** Moves a group of tenants in; their head's residence. */
function moveInTenants(ctx: Ctx, housing: HousingPlan, dwelling: number, village: boolean): ResidencyPlan {
  const { rng, asOf, plan } = ctx;
  const d = housing.dwellings[dwelling]!;
  const personType = village ? (chance(rng, 0.95) ? 'liudong' : 'changzhu') : tenantTypes(rng);
  const group = tenantGroup(rng, originFor(rng, personType).code, village ? 50 : 38, asOf);
  const records = householdRecords(rng, group, { gridCode: d.gridCode, addressCode: d.addressCode, personType, asOf });
  const movedIn = dayBetween(rng, addYears(asOf, -4), addDays(asOf, -14));
  const residencies = group.members.map((m, k) => {
    const person = addPerson(ctx, m.person, records[k]!, personType, d.gridCode, dwelling);
    return plan.residencies[plan.residencies.push({ person, dwelling, relation: 'tenant', movedIn: later(movedIn, m.person.birthDate), movedOut: null }) - 1]!;
  });
  return residencies[0]!;
}

/** The tenants of one flat, all from one place (老乡 often share). */
function tenantGroup(rng: Rng, regionCode6: string, maxAge: number, asOf: string): SyntheticHousehold {
  const person = (minAge: number, maxAge: number, gender?: Gender) => syntheticPerson(rng, { regionCode6, minAge, maxAge, gender, asOf });
  const kind = tenantKinds(rng);
  const head = person(20, maxAge, kind === 'single' || kind === 'sharing' ? undefined : chance(rng, 0.85) ? '1' : '2');
  if (kind === 'single') return { members: [{ person: head, relation: '02' }], parentsAway: false };
  if (kind === 'sharing') {
    const others = Array.from({ length: int(rng, 1, 2) }, () => ({ person: person(20, maxAge, head.gender), relation: '99' }));
    return { members: [{ person: head, relation: '02' }, ...others], parentsAway: false };
  }
  const age = ageOn(head.birthDate, asOf);
  const spouseAge = Math.max(20, age + (head.gender === '1' ? -int(rng, 0, 3) : int(rng, 0, 3)));
  const spouse = person(spouseAge, spouseAge, head.gender === '1' ? '2' : '1');
  const members = [{ person: head, relation: '02' }, { person: spouse, relation: '10' }];
  if (kind === 'family') {
    const father = head.gender === '1' ? head : spouse;
    const child = person(0, Math.min(6, Math.max(0, age - 22)));
    const named = regionCode6 === abroad.code ? child : { ...child, name: father.name[0] + child.name.slice(1) };
    members.push({ person: named, relation: named.gender === '1' ? '20' : '30' });
  }
  return { members, parentsAway: false };
}

/** Adds one person with their ID document, phone, kept answers and tags; the index in the plan. */
function addPerson(ctx: Ctx, p: SyntheticPerson, record: Record<string, string>, personType: PersonType, gridCode: string, dwelling: number | null): number {
  const { rng, asOf } = ctx;
  const age = ageOn(p.birthDate, asOf);
  const phone = age >= 80 ? chance(rng, 0.6) : age >= 18 ? chance(rng, 0.95) : age >= 16 && chance(rng, 0.5);
  return ctx.plan.people.push({
    ...identity(ctx, p, record, personType),
    name: p.name, gender: p.gender, birthDate: p.birthDate, phone: phone ? p.phone : null, personType, gridCode, dwelling,
    extra: keptValues(record), tags: tagsOf(rng, record, asOf),
  }) - 1;
}

/** Citizens by ID number; foreigners by passport; people from 香港, 澳门 and 台湾 by their travel permit. */
function identity(ctx: Ctx, p: SyntheticPerson, record: Record<string, string>, personType: PersonType): { idType: IdType; idNumber: string } {
  if (personType !== 'jingwai') return { idType: 'resident', idNumber: distinctIdNumber(p.idNumber, ctx.taken) };
  const idType: IdType = record.id_number === '' ? 'passport' : 'permit';
  let number = record.foreign_document_number!.toUpperCase();
  while (ctx.taken.has(`${idType}:${number}`)) number = number.slice(0, -1) + ((Number(number.at(-1)) + 1) % 10);
  ctx.taken.add(`${idType}:${number}`);
  return { idType, idNumber: number };
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * 以房管人 history: a quarter of the tenant groups lived before in a flat of the same community that is
 * empty now; their earlier residence is closed on the day they moved into the present one.
 */
function recordEarlierHomes(ctx: Ctx, housing: HousingPlan, tenantHeads: readonly ResidencyPlan[]) {
  const { rng, plan } = ctx;
  const vacantByCommunity = groupBy(housing.dwellings.map((d, i) => ({ d, i })).filter(({ d }) => d.usage === 'vacant'), ({ d }) => d.gridCode.slice(0, 12));
  for (const r of tenantHeads) {
    const vacant = vacantByCommunity.get(housing.dwellings[r.dwelling]!.gridCode.slice(0, 12));
    const person = plan.people[r.person]!;
    const adultFrom = addYears(person.birthDate, 18);
    if (!vacant || !chance(rng, 0.25) || addYears(r.movedIn, -1) < adultFrom) continue;
    const before = pick(rng, vacant).i;
    plan.residencies.push({ person: r.person, dwelling: before, relation: 'tenant', movedIn: dayIn(rng, later(addYears(r.movedIn, -4), adultFrom), addYears(r.movedIn, -1)), movedOut: r.movedIn });
  }
}

/**
 * A landlord and lease for every rented dwelling. A village house's rooms are let by the family in room
 * 1; a flat's owner is often someone living in another seeded home of the street, otherwise a local
 * with a home outside the sample (filed in a grid of the flat's community). Leases run a year at a time
 * from the tenants' moving in; one in ten has run out and not been renewed yet.
 */
function letDwellings(ctx: Ctx, housing: HousingPlan, heads: Map<number, number>) {
  const { rng, asOf, plan } = ctx;
  const ownersByStreet = groupBy([...heads.values()], (p) => plan.people[p]!.gridCode.slice(0, 9));
  const ownerInBuilding = new Map<number, number>();
  for (const [d, p] of heads) if (housing.dwellings[d]!.roomNo === '1' && housing.dwellings[d]!.unitNo === '') ownerInBuilding.set(housing.dwellings[d]!.building, p);
  const gridsByCommunity = groupBy([...new Set(housing.dwellings.map((d) => d.gridCode))], (g) => g.slice(0, 12));
  const tenantsOf = new Map(plan.residencies.filter((r) => r.relation === 'tenant' && r.movedOut === null).map((r) => [r.dwelling, r.movedIn]));

  housing.dwellings.forEach((d, i) => {
    if (d.usage !== 'rented') return;
    const landlord = ownerInBuilding.get(d.building) ?? (chance(rng, 0.6) ? pickOwner(rng, ownersByStreet.get(d.gridCode.slice(0, 9))) : undefined) ?? newLandlord(ctx, pick(rng, gridsByCommunity.get(d.gridCode.slice(0, 12))!));
    const movedIn = tenantsOf.get(i)!;
    let years = 1; // the current year's lease ends on the years-th anniversary of moving in
    while (addYears(movedIn, years) <= asOf) years++;
    if (years > 1 && chance(rng, 0.1)) years--;
    plan.leases.push({ dwelling: i, landlord, start: addYears(movedIn, years - 1), end: addYears(movedIn, years) });
  });
}

const pickOwner = (rng: Rng, owners: number[] | undefined) => (owners?.length ? pick(rng, owners) : undefined);

function newLandlord(ctx: Ctx, gridCode: string): number {
  const { rng, asOf } = ctx;
  const p = syntheticPerson(rng, { regionCode6: zhangdian.code, minAge: 40, maxAge: 75, asOf });
  const record = residentRecord(rng, p, { gridCode, addressCode: '', personType: 'huji', relation: '02', asOf });
  return addPerson(ctx, p, record, 'huji', gridCode, null);
}
