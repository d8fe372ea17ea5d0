import { ageOn } from '../synthetic/people.js';
import { pick, type Rng } from '../synthetic/random.js';
import { demoCommunity, demoGrid, groupBy } from './housing-plan.js';
import type { OrganisationPlan } from './organisations-plan.js';
import type { PersonPlan } from './residents-plan.js';

/**
 * What ties the seeded records to the rest of the demo: open discrepancies for the 比对 screen (a grid
 * worker writing a name with a character that sounds the same, a tenant the grid worker counts as
 * 常住 whom 公安 still has as 流动, a shop known by its signboard), and the people the social-governance
 * cases of their grid are about (当事人). Pure.
 */

export interface DiscrepancyPlan {
  entity: 'person' | 'organisation';
  record: number;
  field: 'name' | 'person_type' | 'legal_rep';
  current: string;
  proposed: string;
}

/** Characters of given names and the one a hurried hand writes for them (同音字). */
const soundsAlike: Record<string, string> = {
  伟: '玮', 丽: '莉', 静: '婧', 明: '铭', 华: '桦', 芳: '方', 军: '君', 杰: '洁', 英: '瑛', 红: '虹', 玲: '铃', 娟: '鹃',
  峰: '锋', 涛: '韬', 斌: '彬', 燕: '艳', 霞: '侠', 磊: '垒', 敏: '民', 建: '健', 秀: '绣', 兰: '岚', 凤: '风', 刚: '钢',
};

const misheard = (name: string): string | null => {
  const chars = [...name];
  for (let i = chars.length - 1; i >= 1; i--) {
    const alike = soundsAlike[chars[i]!];
    if (alike) return [...chars.slice(0, i), alike, ...chars.slice(i + 1)].join('');
  }
  return null;
};

export function planDiscrepancies(rng: Rng, people: readonly PersonPlan[], orgs: readonly OrganisationPlan[], asOf: string): DiscrepancyPlan[] {
  const plans: DiscrepancyPlan[] = [];
  const indexed = people.map((p, i) => ({ p, i }));
  const chosen = new Set<number>();
  const take = <T extends { i: number }>(list: T[], n: number) => draw(rng, list, n, chosen);
  const renamed = indexed.filter(({ p }) => p.idType === 'resident' && misheard(p.name) !== null);
  const names = [
    ...take(renamed.filter(({ p }) => p.gridCode === demoGrid), 5),
    ...take(renamed.filter(({ p }) => p.gridCode.startsWith(demoCommunity)), 5),
    ...take(renamed, 8),
  ];
  for (const { p, i } of names) plans.push({ entity: 'person', record: i, field: 'name', current: p.name, proposed: misheard(p.name)! });

  // tenants of more than a year, still 流动 at the police
  const settled = indexed.filter(({ p }) => p.personType === 'liudong' && p.dwelling !== null && ageOn(p.birthDate, asOf) >= 18);
  for (const { p, i } of [...take(settled.filter(({ p }) => p.gridCode.startsWith(demoCommunity)), 2), ...take(settled, 1)]) {
    plans.push({ entity: 'person', record: i, field: 'person_type', current: p.personType, proposed: 'changzhu' });
  }

  const businesses = orgs.map((o, i) => ({ o, i })).filter(({ o }) => o.source === 'shichang');
  const signboard = (name: string) => name.replace(/^(张店区|淄博|山东)/, '').replace(/(股份)?有限公司$/, '');
  const orgChosen = new Set<number>();
  const takeOrg = (list: typeof businesses, n: number) => draw(rng, list, n, orgChosen);
  for (const { o, i } of [...takeOrg(businesses.filter(({ o }) => o.gridCode.startsWith(demoCommunity)), 2), ...takeOrg(businesses, 1)]) {
    plans.push({ entity: 'organisation', record: i, field: 'name', current: o.name, proposed: signboard(o.name) });
  }
  for (const { o, i } of takeOrg(businesses.filter(({ o }) => misheard(o.legalRep) !== null), 2)) {
    plans.push({ entity: 'organisation', record: i, field: 'legal_rep', current: o.legalRep, proposed: misheard(o.legalRep)! });
  }
  return plans;
}

/** Up to `n` items of `list` at random, none already in `chosen`; `chosen` then holds them too. */
function draw<T extends { i: number }>(rng: Rng, list: readonly T[], n: number, chosen: Set<number>): T[] {
  const pool = list.filter((x) => !chosen.has(x.i));
  const picked: T[] = [];
  while (picked.length < n && pool.length) {
    const x = pool.splice(Math.floor(rng() * pool.length), 1)[0]!;
    chosen.add(x.i);
    picked.push(x);
  }
  return picked;
}

export interface CaseRef {
  id: string;
  gridCode: string;
  categoryCode: string;
}

export interface CasePartyPlan {
  caseId: string;
  person: number;
  role: 'party' | 'subject';
}

/**
 * 当事人 of up to `limit` social-governance cases (disputes S01, labour S03, livelihood S04) in grids
 * with residents: the demo grid's first, then its community's, then elsewhere. A dispute between
 * neighbours has two parties from different homes, a family dispute two from one home; a case about
 * care for the elderly or hardship is about an old or low-income person.
 */
export function planCaseParties(rng: Rng, cases: readonly CaseRef[], people: readonly PersonPlan[], asOf: string, limit = 45): CasePartyPlan[] {
  const adults = groupBy(people.map((p, i) => ({ p, i })).filter(({ p }) => p.dwelling !== null && ageOn(p.birthDate, asOf) >= 18), ({ p }) => p.gridCode);
  const usable = cases.filter((c) => /^S0[134]/.test(c.categoryCode) && (adults.get(c.gridCode)?.length ?? 0) >= 2);
  const third = Math.floor(limit / 3);
  const inDemoGrid = usable.filter((c) => c.gridCode === demoGrid).slice(0, third);
  const inCommunity = usable.filter((c) => c.gridCode !== demoGrid && c.gridCode.startsWith(demoCommunity)).slice(0, third);
  const elsewhere = usable.filter((c) => !c.gridCode.startsWith(demoCommunity));
  const picked = [...inDemoGrid, ...inCommunity];
  while (picked.length < limit && elsewhere.length) picked.push(elsewhere.splice(Math.floor(rng() * elsewhere.length), 1)[0]!);

  return picked.flatMap((c): CasePartyPlan[] => {
    const here = adults.get(c.gridCode)!;
    const one = (test: (p: PersonPlan) => boolean) => {
      const fitting = here.filter(({ p }) => test(p));
      return pick(rng, fitting.length ? fitting : here).i;
    };
    if (c.categoryCode === 'S0102') {
      const first = pick(rng, here);
      const family = here.filter(({ p, i }) => i !== first.i && p.dwelling === first.p.dwelling);
      return [{ caseId: c.id, person: first.i, role: 'party' }, ...(family.length ? [{ caseId: c.id, person: pick(rng, family).i, role: 'party' as const }] : [])];
    }
    if (c.categoryCode.startsWith('S01')) {
      const first = pick(rng, here);
      const neighbours = here.filter(({ p }) => p.dwelling !== first.p.dwelling);
      return [{ caseId: c.id, person: first.i, role: 'party' }, ...(neighbours.length ? [{ caseId: c.id, person: pick(rng, neighbours).i, role: 'party' as const }] : [])];
    }
    if (c.categoryCode.startsWith('S03')) return [{ caseId: c.id, person: one((p) => ageOn(p.birthDate, asOf) < 60), role: 'party' }];
    if (c.categoryCode === 'S0401') return [{ caseId: c.id, person: one((p) => ageOn(p.birthDate, asOf) >= 60), role: 'subject' }];
    if (c.categoryCode === 'S0402') return [{ caseId: c.id, person: one((p) => p.tags.some((t) => t.code === 'low_income')), role: 'subject' }];
    return [{ caseId: c.id, person: pick(rng, here).i, role: 'subject' }];
  });
}
