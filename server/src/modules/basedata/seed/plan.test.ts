import { describe, expect, it } from 'vitest';
import { normalizePhone, parseIdNumber, parseUscc } from '../identity.js';
import { ageOn } from '../synthetic/people.js';
import { seededRandom } from '../synthetic/random.js';
import { demoCommunity, demoGrid, groupBy } from './housing-plan.js';
import { planCaseParties, type CaseRef } from './links-plan.js';
import { planBaseData } from './plan.js';
import { keptFieldDefinitions } from './record-fields.js';
import { testGrids } from './test-grids.js';

const asOf = '2026-11-24';
const grids = testGrids();
const plan = planBaseData(grids, asOf);
const { housing, residents, organisations, discrepancies } = plan;
const { people, residencies, leases } = residents;
const share = <T>(list: readonly T[], test: (x: T) => boolean) => list.filter(test).length / list.length;
const age = (p: { birthDate: string }) => ageOn(p.birthDate, asOf);

describe('planBaseData', () => {
  it('is deterministic for a day', () => {
    const again = planBaseData(grids, asOf);
    expect(again.residents.people.slice(0, 300)).toEqual(people.slice(0, 300));
    expect(again.organisations).toEqual(organisations);
    expect(again.discrepancies).toEqual(discrepancies);
    expect(again.residents.people.length).toBe(people.length);
  });

  it('identifies people by valid, distinct documents that agree with them', () => {
    const keys = new Set(people.map((p) => `${p.idType}:${p.idNumber}`));
    expect(keys.size).toBe(people.length);
    for (const p of people) {
      if (p.idType === 'resident') expect(parseIdNumber(p.idNumber, asOf), p.idNumber).toEqual({ ok: true, value: p.idNumber, birthDate: p.birthDate, gender: p.gender, regionCode: p.idNumber.slice(0, 6) });
      else expect(p.personType).toBe('jingwai');
      if (p.idType === 'passport') expect(p.idNumber).toMatch(/^[A-Z]\d{8}$/);
      if (p.phone) expect(normalizePhone(p.phone)).toEqual({ ok: true, value: p.phone, kind: 'mobile' });
      if (age(p) < 16) expect(p.phone).toBeNull();
    }
    expect(share(people, (p) => p.phone !== null && age(p) >= 18)).toBeGreaterThan(0.6);
    // most hukou residents were registered here; migrants come from elsewhere
    expect(share(people.filter((p) => p.personType === 'huji'), (p) => p.idNumber.startsWith('370303'))).toBeGreaterThan(0.7);
    expect(people.filter((p) => p.personType === 'liudong').every((p) => !p.idNumber.startsWith('370303'))).toBe(true);
  });

  it('mixes hukou, resident, floating and foreign people plausibly', () => {
    expect(share(people, (p) => p.personType === 'huji')).toBeGreaterThan(0.5);
    expect(share(people, (p) => p.personType === 'changzhu')).toBeGreaterThan(0.1);
    expect(share(people, (p) => p.personType === 'liudong')).toBeGreaterThan(0.07);
    expect(share(people, (p) => p.personType === 'liudong')).toBeLessThan(0.25);
    expect(people.filter((p) => p.personType === 'jingwai').length).toBeGreaterThan(0);
    expect(share(people, (p) => p.personType === 'jingwai')).toBeLessThan(0.01);
    expect(people.some((p) => p.idType === 'passport')).toBe(true);
  });

  it('houses everyone who lives in a seeded dwelling there, with one open residence, in the dwelling’s grid', () => {
    const open = groupBy(residencies.filter((r) => r.movedOut === null), (r) => r.person);
    people.forEach((p, i) => {
      if (p.dwelling === null) return expect(open.has(i)).toBe(false);
      expect(open.get(i)!.map((r) => r.dwelling)).toEqual([p.dwelling]);
      expect(p.gridCode).toBe(housing.dwellings[p.dwelling]!.gridCode);
    });
    for (const r of residencies) {
      const usage = housing.dwellings[r.dwelling]!.usage;
      if (r.movedOut === null) expect(usage).toBe(r.relation === 'tenant' ? 'rented' : 'owner_occupied');
      else expect(r.movedOut >= r.movedIn).toBe(true);
      expect(r.movedIn >= people[r.person]!.birthDate).toBe(true);
      expect(r.movedIn <= asOf).toBe(true);
    }
    for (const [, list] of groupBy(residencies.filter((r) => r.movedOut === null && r.relation !== 'tenant'), (r) => r.dwelling)) {
      expect(list.filter((r) => r.relation === 'owner')).toHaveLength(1);
    }
  });

  it('lets rented dwellings to young migrants mostly, with a landlord living elsewhere and a lease', () => {
    const tenants = residencies.filter((r) => r.relation === 'tenant' && r.movedOut === null).map((r) => people[r.person]!);
    expect(share(tenants, (p) => p.personType === 'liudong')).toBeGreaterThan(0.7);
    expect(share(tenants, (p) => age(p) >= 18 && age(p) <= 50)).toBeGreaterThan(0.85);
    const rented = housing.dwellings.flatMap((d, i) => (d.usage === 'rented' ? [i] : []));
    const tenanted = new Set(residencies.filter((r) => r.relation === 'tenant' && r.movedOut === null).map((r) => r.dwelling));
    expect(rented.every((d) => tenanted.has(d))).toBe(true);
    const groups = [...groupBy(tenants, (p) => p.dwelling).values()].map((list) => list.length);
    expect(Math.max(...groups)).toBeLessThanOrEqual(3);
    expect(leases.map((l) => l.dwelling).sort((a, b) => a - b)).toEqual(rented);
    for (const l of leases) {
      expect(people[l.landlord]!.dwelling).not.toBe(l.dwelling);
      expect(age(people[l.landlord]!)).toBeGreaterThanOrEqual(18);
      expect(l.end > l.start).toBe(true);
    }
    expect(share(leases, (l) => l.end > asOf)).toBeGreaterThan(0.8);
  });

  it('keeps the history of tenants who moved (以房管人)', () => {
    const closed = residencies.filter((r) => r.movedOut !== null);
    expect(closed.length).toBeGreaterThan(20);
    for (const r of closed) {
      const now = residencies.find((x) => x.person === r.person && x.movedOut === null)!;
      expect(now.dwelling).not.toBe(r.dwelling);
      expect(r.movedOut).toBe(now.movedIn);
      expect(housing.dwellings[r.dwelling]!.gridCode.slice(0, 12)).toBe(housing.dwellings[now.dwelling]!.gridCode.slice(0, 12));
    }
  });

  it('tags groups in plausible proportions: focus groups rare, the elderly alone old and alone', () => {
    const tagged = (code: string) => people.filter((p) => p.tags.some((t) => t.code === code));
    const focus = new Set(['severe_mental', 'community_correction', 'released_prisoner', 'drug_rehab', 'petitioner', 'focus']);
    expect(share(people, (p) => p.tags.some((t) => focus.has(t.code)))).toBeLessThan(0.008);
    expect(share(people, (p) => p.tags.some((t) => focus.has(t.code)))).toBeGreaterThan(0);
    const residentsOf = groupBy(people.filter((p) => p.dwelling !== null), (p) => p.dwelling);
    for (const p of tagged('elderly_alone')) {
      expect(age(p)).toBeGreaterThanOrEqual(60);
      if (p.dwelling !== null) expect(residentsOf.get(p.dwelling)).toHaveLength(1);
    }
    expect(tagged('elderly_alone').length).toBeGreaterThan(20);
    expect(share(people, (p) => p.tags.some((t) => t.code === 'disabled'))).toBeLessThan(0.06);
    for (const p of tagged('left_behind_child')) expect(age(p)).toBeLessThan(16);
    for (const p of people) for (const t of p.tags) expect(t.since >= p.birthDate && t.since <= asOf).toBe(true);
  });

  it('keeps extra answers that fit the district’s field definitions', () => {
    const defs = new Map(keptFieldDefinitions('370303000000').map((d) => [d.key, { type: d.type, values: new Set((JSON.parse(d.options) as { value: string }[]).map((o) => o.value)) }]));
    const misfits = people.flatMap((p) => Object.entries(p.extra).filter(([key, value]) => {
      const def = defs.get(key);
      return !def || (def.type === 'choice' && !def.values.has(value)) || (def.type === 'boolean' && value !== 'true');
    }));
    expect(misfits).toEqual([]);
    expect(share(people, (p) => p.extra.ethnicity !== undefined)).toBeGreaterThan(0.95);
  });

  it('registers organisations with valid, distinct credit codes, at their building, in its grid', () => {
    const codes = organisations.map((o) => o.uscc);
    expect(new Set(codes).size).toBe(codes.length);
    const prefix = { enterprise: /^91/, individual: /^92/, social: /^5[123]/ };
    for (const o of organisations) {
      expect(parseUscc(o.uscc).ok, o.uscc).toBe(true);
      expect(o.uscc).toMatch(prefix[o.orgType]);
      expect(o.uscc.slice(2, 8)).toBe('370303');
      expect(o.industry).toMatch(/^[A-T]$/);
      expect(o.gridCode).toBe(housing.buildings[o.building]!.gridCode);
      expect(o.source).toBe(o.orgType === 'social' ? 'minzheng' : 'shichang');
      expect(normalizePhone(o.phone).ok).toBe(true);
      expect(o.headCount).toBeGreaterThan(0);
    }
    const shops = housing.dwellings.filter((d) => d.usage === 'commercial').length;
    expect(organisations.filter((o) => o.orgType === 'individual').length).toBeGreaterThan(shops / 2);
    expect(organisations.some((o) => o.orgType === 'social')).toBe(true);
    expect(organisations.filter((o) => o.gridCode === demoGrid).length).toBeGreaterThanOrEqual(3);
  });

  it('leaves a couple of dozen discrepancies, a name written with a character that sounds the same among them', () => {
    expect(discrepancies.length).toBeGreaterThanOrEqual(20);
    expect(discrepancies.length).toBeLessThanOrEqual(30);
    for (const d of discrepancies) {
      expect(d.proposed).not.toBe(d.current);
      const record = d.entity === 'person' ? people[d.record]! : organisations[d.record]!;
      if (d.field === 'name') expect(record.name).toBe(d.current);
      if (d.field === 'person_type') expect(d.current).toBe((record as (typeof people)[number]).personType);
    }
    const misheard = discrepancies.filter((d) => d.entity === 'person' && d.field === 'name');
    for (const d of misheard) expect([...d.current].filter((c, i) => [...d.proposed][i] !== c)).toHaveLength(1);
    expect(discrepancies.filter((d) => (d.entity === 'person' ? people[d.record]! : organisations[d.record]!).gridCode.startsWith(demoCommunity)).length).toBeGreaterThanOrEqual(8);
  });
});

describe('planCaseParties', () => {
  const inGrid = groupBy(people.map((p, i) => ({ p, i })), ({ p }) => p.gridCode);
  const populated = [...inGrid.keys()];
  const cases: CaseRef[] = Array.from({ length: 300 }, (_, k) => ({
    id: `case-${k}`,
    gridCode: k < 20 ? demoGrid : populated[k % populated.length]!,
    categoryCode: ['S0101', 'S0102', 'S0301', 'S0401', 'S0402', 'S0406', 'E0101', 'S0201'][k % 8]!,
  }));
  const parties = planCaseParties(seededRandom('cases'), cases, people, asOf);

  it('names adults of the case’s grid, for social-governance cases only, the demo grid’s first', () => {
    const caseOf = new Map(cases.map((c) => [c.id, c]));
    const linked = [...new Set(parties.map((p) => p.caseId))];
    expect(linked.length).toBe(45);
    expect(linked.filter((id) => caseOf.get(id)!.gridCode === demoGrid).length).toBe(15);
    for (const party of parties) {
      const c = caseOf.get(party.caseId)!;
      const person = people[party.person]!;
      expect(c.categoryCode).toMatch(/^S0[134]/);
      expect(person.gridCode).toBe(c.gridCode);
      expect(age(person)).toBeGreaterThanOrEqual(18);
      expect(person.dwelling).not.toBeNull();
    }
    for (const [id, list] of groupBy(parties, (p) => p.caseId)) {
      const c = caseOf.get(id)!;
      const homes = list.map((p) => people[p.person]!.dwelling);
      if (c.categoryCode === 'S0101' && list.length === 2) expect(homes[0]).not.toBe(homes[1]);
      if (c.categoryCode === 'S0102' && list.length === 2) expect(homes[0]).toBe(homes[1]);
      if (c.categoryCode === 'S0401') expect(list.map((p) => p.role)).toEqual(['subject']);
      expect(new Set(list.map((p) => p.person)).size).toBe(list.length);
    }
  });
});
