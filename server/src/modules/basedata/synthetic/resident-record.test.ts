import { describe, expect, it } from 'vitest';
import { normalizePhone, parseIdNumber, parseUscc } from '../identity.js';
import { ageOn, originFor, syntheticHousehold, syntheticPerson, type PersonType } from './people.js';
import { seededRandom } from './random.js';
import { residentFields } from './resident-fields.js';
import { householdRecords, residentRecord } from './resident-record.js';

const asOf = '2026-03-01';
const types: PersonType[] = ['huji', 'huji', 'huji', 'changzhu', 'liudong', 'liudong', 'jingwai'];

function sample(seed: string, households: number) {
  const rng = seededRandom(seed);
  return Array.from({ length: households }, (_, i) => {
    const personType = types[i % types.length]!;
    const household = syntheticHousehold(rng, { regionCode6: originFor(rng, personType).code, asOf });
    return householdRecords(rng, household, { gridCode: '370303001001001', addressCode: `370303001001001001${String(i).padStart(4, '0')}`, personType, asOf });
  }).flat();
}
const records = sample('records', 1000);
const fieldByKey = new Map(residentFields.map((f) => [f.key, f]));

describe('residentRecord', () => {
  it('is deterministic for a seed', () => {
    expect(sample('again', 50)).toEqual(sample('again', 50));
    expect(sample('again', 50)).not.toEqual(sample('other', 50));
  });

  it('answers every one of the 143 fields, and nothing else', () => {
    expect(records.length).toBeGreaterThan(2000);
    for (const r of records) expect(Object.keys(r).sort()).toEqual([...fieldByKey.keys()].sort());
  });

  it('writes each value in its field’s type', () => {
    const future = new Set(['residence_permit_expiry', 'foreign_document_expiry', 'expected_departure_date']);
    const choices = new Map(residentFields.map((f) => [f.key, new Set(f.options?.map((o) => o.value))]));
    const fits = (key: string, value: string) => {
      const type = fieldByKey.get(key)!.type;
      if (value === '') return true; // a question that does not apply
      if (type === 'date') return /^(19|20)\d\d-\d\d-\d\d$/.test(value) && (value <= asOf || future.has(key));
      if (type === 'number') return /^\d+$/.test(value);
      if (type === 'boolean') return value === '是' || value === '否';
      if (type === 'choice') return choices.get(key)!.has(value);
      return true;
    };
    // one expect for all, to keep a thousand households fast
    const misfits = records.flatMap((r) => Object.entries(r).filter(([key, value]) => !fits(key, value)).map(([key, value]) => `${key}=${value}`));
    expect(misfits).toEqual([]);
    for (const key of ['gender', 'person_type', 'education', 'employment_status', 'veteran', 'dibao', 'has_vehicle', 'status']) {
      expect(records.every((r) => r[key] !== ''), key).toBe(true);
    }
  });

  it('writes only valid ID numbers, phones and credit codes, consistent with the person', () => {
    for (const r of records) {
      if (r.id_number) expect(parseIdNumber(r.id_number!, asOf)).toMatchObject({ ok: true, birthDate: r.birth_date, gender: r.gender });
      else expect(r.person_type).toBe('jingwai');
      if (r.household_head_id_number) expect(parseIdNumber(r.household_head_id_number, asOf).ok).toBe(true);
      for (const key of ['phone', 'phone_alt', 'landlord_phone', 'guardian_phone', 'emergency_contact_phone', 'landline', 'work_phone']) {
        if (r[key]) expect(normalizePhone(r[key]!), `${key} ${r[key]}`).toMatchObject({ ok: true, value: r[key] });
      }
      if (r.employer_uscc) expect(parseUscc(r.employer_uscc).ok).toBe(true);
      if (r.disability_certificate) expect(r.disability_certificate).toBe(`${r.id_number}${r.disability_category}${r.disability_grade}`);
    }
  });

  it('fits answers to age', () => {
    for (const r of records) {
      const age = ageOn(r.birth_date!, asOf);
      if (age < 18) {
        expect(r.marital_status).toBe('10');
        expect(['31', '90']).toContain(r.employment_status);
        expect(r.veteran).toBe('否');
        expect(r.political_status).not.toBe('01');
      }
      if (age >= 6 && age < 18) expect(r.school).not.toBe('');
      if (r.employment_status === '80') expect(age).toBeGreaterThanOrEqual(50);
      if (r.veteran === '是') expect(r.discharge_date! > r.enlistment_date!).toBe(true);
      if (r.relation === '10') expect(['20', '22']).toContain(r.marital_status);
      if (r.elderly_allowance === '是') expect(age).toBeGreaterThanOrEqual(80);
      if (r.education === '14' || r.education === '11') expect(age).toBeGreaterThanOrEqual(23);
    }
  });

  it('keeps rare things rare', () => {
    const share = (test: (r: Record<string, string>) => boolean) => records.filter(test).length / records.length;
    expect(share((r) => r.veteran === '是')).toBeLessThan(0.04);
    expect(share((r) => r.veteran === '是')).toBeGreaterThan(0.005);
    expect(share((r) => r.under_attention === '是')).toBeLessThan(0.02);
    expect(records.filter((r) => r.person_type !== 'jingwai' && r.ethnicity === '01').length / records.filter((r) => r.person_type !== 'jingwai').length).toBeGreaterThan(0.95);
    expect(share((r) => r.gender === '1')).toBeGreaterThan(0.45);
    expect(share((r) => r.gender === '1')).toBeLessThan(0.55);
  });

  it('shares one home and head within a household, with kinds of people apart', () => {
    const byAddress = new Map<string, Record<string, string>[]>();
    for (const r of records) byAddress.set(r.address_code!, [...(byAddress.get(r.address_code!) ?? []), r]);
    for (const members of byAddress.values()) {
      const head = members.find((r) => r.relation === '02')!;
      for (const r of members) {
        expect(r.residence_address).toBe(head.residence_address);
        expect(r.household_head_name).toBe(head.name);
        expect(r.household_size).toBe(String(members.length));
      }
    }
    for (const r of records) {
      if (r.person_type === 'huji') expect(r.household_number).toMatch(/^\d{9}$/);
      if (r.person_type === 'liudong') expect(r.huji_region_code).not.toBe('370303');
      if (r.person_type === 'jingwai') expect(r.foreign_nationality).not.toBe('');
      if (r.person_type === 'jingwai' && !r.id_number) expect(r.foreign_surname).toMatch(/^[A-Z ]+$/);
    }
  });

  it('stands alone for one person without a household', () => {
    const rng = seededRandom('alone');
    const person = syntheticPerson(rng, { regionCode6: '370303', minAge: 70, maxAge: 80, asOf });
    const r = residentRecord(rng, person, { gridCode: '370303001001001', addressCode: 'A1', personType: 'huji', relation: '02', asOf });
    expect(r.name).toBe(person.name);
    expect(r.household_head_name).toBe(person.name);
    expect(r.household_size).toBe('1');
    expect(r.lives_alone).toBe('是');
    expect(Object.keys(r)).toHaveLength(143);
  });
});
