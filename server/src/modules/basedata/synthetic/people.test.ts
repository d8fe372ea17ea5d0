import { describe, expect, it } from 'vitest';
import { normalizePhone, parseIdNumber } from '../identity.js';
import { addYears, ageOn, birthDateForAge, originFor, syntheticHousehold, syntheticPerson, zhangdian } from './people.js';
import { seededRandom } from './random.js';

const asOf = '2026-03-01';

describe('syntheticPerson', () => {
  it('gives the same people for the same seed, others for another', () => {
    const draw = (seed: string) => {
      const rng = seededRandom(seed);
      return Array.from({ length: 50 }, () => syntheticPerson(rng, { regionCode6: '370303', minAge: 0, maxAge: 99, asOf }));
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
  });

  it('makes ID numbers that pass GB 11643 and agree with the person, and valid mobiles', () => {
    const rng = seededRandom('valid');
    for (let i = 0; i < 3000; i++) {
      const regionCode6 = ['370303', '410102', '810000', '830000'][i % 4]!;
      const minAge = i % 100;
      const p = syntheticPerson(rng, { regionCode6, minAge, maxAge: minAge + (i % 7), asOf });
      const id = parseIdNumber(p.idNumber, asOf);
      expect(id, p.idNumber).toEqual({ ok: true, value: p.idNumber, birthDate: p.birthDate, gender: p.gender, regionCode: regionCode6 });
      expect(normalizePhone(p.phone)).toEqual({ ok: true, value: p.phone, kind: 'mobile' });
      expect(ageOn(p.birthDate, asOf)).toBeGreaterThanOrEqual(minAge);
      expect(ageOn(p.birthDate, asOf)).toBeLessThanOrEqual(minAge + (i % 7));
      expect(p.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(p.ethnicity).toMatch(/^\d{2}$/);
    }
  });

  it('keeps the gender asked for', () => {
    const rng = seededRandom('gender');
    for (let i = 0; i < 200; i++) {
      expect(syntheticPerson(rng, { regionCode6: '370303', minAge: 20, maxAge: 60, gender: '2', asOf }).gender).toBe('2');
    }
  });

  it('refuses a bad region or age range', () => {
    const rng = seededRandom('bad');
    expect(() => syntheticPerson(rng, { regionCode6: '3703', minAge: 1, maxAge: 2, asOf })).toThrow(RangeError);
    expect(() => syntheticPerson(rng, { regionCode6: '370303', minAge: 30, maxAge: 20, asOf })).toThrow(RangeError);
    expect(() => syntheticPerson(rng, { regionCode6: '370303', minAge: 0, maxAge: 130, asOf })).toThrow(RangeError);
  });

  it('has a sane surname distribution over 10,000 people, 王张李刘 first', () => {
    const rng = seededRandom('surnames');
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const s = syntheticPerson(rng, { regionCode6: '370303', minAge: 0, maxAge: 90, asOf }).name[0]!;
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    expect(new Set(ranked.slice(0, 4).map(([s]) => s))).toEqual(new Set(['王', '张', '李', '刘']));
    const share = (s: string) => (counts.get(s) ?? 0) / 10_000;
    expect(share('王')).toBeGreaterThan(0.07);
    expect(share('王')).toBeLessThan(0.12);
    const top4 = ranked.slice(0, 4).reduce((sum, [, n]) => sum + n, 0) / 10_000;
    expect(top4).toBeGreaterThan(0.25);
    expect(top4).toBeLessThan(0.4);
    expect(counts.size).toBeGreaterThan(60);
  });
});

describe('dates', () => {
  it('birthDateForAge stays inside the ages, leap days included', () => {
    const rng = seededRandom('dates');
    for (let i = 0; i < 500; i++) {
      const day = birthDateForAge(rng, 10, 10, '2024-02-29');
      expect(ageOn(day, '2024-02-29')).toBe(10);
      expect(ageOn(birthDateForAge(rng, 0, 0, asOf), asOf)).toBe(0);
    }
  });

  it('addYears and ageOn', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('1990-06-15', -10)).toBe('1980-06-15');
    expect(ageOn('2000-03-01', '2026-02-28')).toBe(25);
    expect(ageOn('2000-03-01', '2026-03-01')).toBe(26);
  });
});

describe('syntheticHousehold', () => {
  it('puts the head first and gives families ages and genders that fit', () => {
    const rng = seededRandom('households');
    const kinds = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const { members, parentsAway } = syntheticHousehold(rng, { regionCode6: '370303', asOf });
      const age = (i: number) => ageOn(members[i]!.person.birthDate, asOf);
      expect(members[0]!.relation).toBe('02');
      expect(members.filter((m) => m.relation === '02')).toHaveLength(1);
      kinds.add(members.map((m) => m.relation).join());
      const spouse = members.find((m) => m.relation === '10');
      if (spouse) expect(spouse.person.gender).not.toBe(members[0]!.person.gender);
      const mother = [members[0]!, spouse].find((m) => m?.person.gender === '2');
      for (const [j, m] of members.entries()) {
        if ((m.relation === '20' || m.relation === '30') && mother) {
          const gap = ageOn(mother.person.birthDate, asOf) - age(j);
          expect(gap).toBeGreaterThanOrEqual(22);
          expect(gap).toBeLessThanOrEqual(35);
          expect(m.relation).toBe(m.person.gender === '1' ? '20' : '30');
        }
        if (m.relation === '50') expect(age(j)).toBeGreaterThan(age(0) + 20);
      }
      expect(parentsAway).toBe(members.some((m) => m.relation === '40'));
      for (const m of members) expect(parseIdNumber(m.person.idNumber, asOf).ok).toBe(true);
    }
    expect(kinds.size).toBeGreaterThan(8);
  });

  it('is deterministic', () => {
    const draw = () => {
      const rng = seededRandom('same');
      return Array.from({ length: 20 }, () => syntheticHousehold(rng, { regionCode6: '370303', asOf }));
    };
    expect(draw()).toEqual(draw());
  });
});

describe('originFor', () => {
  it('keeps most hukou residents local and migrants from elsewhere', () => {
    const rng = seededRandom('origins');
    const local = (type: 'huji' | 'liudong') => Array.from({ length: 1000 }, () => originFor(rng, type)).filter((p) => p === zhangdian).length;
    expect(local('huji')).toBeGreaterThan(750);
    expect(local('liudong')).toBe(0);
    expect(['810000', '820000', '830000', '990000']).toContain(originFor(rng, 'jingwai').code);
  });
});
