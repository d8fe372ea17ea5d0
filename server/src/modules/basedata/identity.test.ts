import { describe, expect, it } from 'vitest';
import { idCheckChar, normalizePhone, parseIdNumber, parseUscc, usccCheckChar } from './identity.js';

/** A complete ID number from its first 17 digits, with the check character our own function computes. */
const withCheck = (first17: string) => first17 + idCheckChar(first17);

describe('parseIdNumber (GB 11643-1999)', () => {
  it('accepts the standard’s own example, checked by hand', () => {
    // Σ digit × weight (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) = 167, 167 mod 11 = 2 → X
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(parseIdNumber('11010519491231002X')).toEqual({
      ok: true, value: '11010519491231002X', birthDate: '1949-12-31', gender: '2', regionCode: '110105',
    });
  });

  it('takes lowercase x, spaces and full-width characters', () => {
    for (const written of ['11010519491231002x', ' 110105 19491231 002X ', '１１０１０５１９４９１２３１００２ｘ']) {
      expect(parseIdNumber(written)).toMatchObject({ ok: true, value: '11010519491231002X' });
    }
  });

  it('reads the gender from the parity of the 17th digit (GB/T 2261.1: 1 male, 2 female)', () => {
    expect(parseIdNumber(withCheck('37030319800101123'))).toMatchObject({ ok: true, gender: '1', birthDate: '1980-01-01', regionCode: '370303' });
    expect(parseIdNumber(withCheck('37030319800101124'))).toMatchObject({ ok: true, gender: '2' });
  });

  it('refuses the wrong shape, 15-digit old numbers included', () => {
    for (const bad of ['', '11010519491231002', '11010519491231002XX', '11010519491231002Y', '01010519491231002X', '110105491231002', 'abcdefghijklmnopqr']) {
      expect(parseIdNumber(bad)).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('refuses impossible, future and pre-1900 birth dates even with a right check character', () => {
    expect(parseIdNumber(withCheck('37030319900230123'))).toEqual({ ok: false, reason: 'birth_date' });
    expect(parseIdNumber(withCheck('37030319901301123'))).toEqual({ ok: false, reason: 'birth_date' });
    expect(parseIdNumber(withCheck('37030320260102123'), '2026-01-01')).toEqual({ ok: false, reason: 'birth_date' });
    expect(parseIdNumber(withCheck('37030320260101123'), '2026-01-01')).toMatchObject({ ok: true });
    expect(parseIdNumber(withCheck('37030319000101123'))).toEqual({ ok: false, reason: 'birth_date' });
    expect(parseIdNumber(withCheck('37030319000102123'))).toMatchObject({ ok: true });
    // the standard's second example: its check digit is right (Σ = 195, 195 mod 11 = 8 → 4), but born in 1880
    expect(idCheckChar('44052418800101001')).toBe('4');
    expect(parseIdNumber('440524188001010014')).toEqual({ ok: false, reason: 'birth_date' });
    expect(parseIdNumber(withCheck('37030320000229123'))).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(parseIdNumber(withCheck('37030319000229123'))).toEqual({ ok: false, reason: 'birth_date' });
  });

  it('refuses a wrong check character', () => {
    expect(parseIdNumber('110105194912310021')).toEqual({ ok: false, reason: 'check_digit' });
    expect(parseIdNumber('110105194912310029')).toEqual({ ok: false, reason: 'check_digit' });
  });

  it('idCheckChar wants exactly 17 digits', () => {
    expect(() => idCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('parseUscc (GB 32100-2015)', () => {
  it('accepts real codes, checked by hand', () => {
    // weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
    // 91350100M000100Y4: Σ = 1640, 1640 mod 31 = 28, 31 − 28 = 3
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    // 华为技术有限公司 91440300192203821: Σ = 831, mod 31 = 25, 31 − 25 = 6
    expect(usccCheckChar('91440300192203821')).toBe('6');
    // 腾讯科技（深圳）有限公司 9144030071526726X: Σ = 1782, mod 31 = 15, 31 − 15 = 16 → G
    expect(usccCheckChar('9144030071526726X')).toBe('G');
    for (const code of ['91350100M000100Y43', '914403001922038216', '9144030071526726XG']) expect(parseUscc(code)).toEqual({ ok: true, value: code });
  });

  it('writes a check value of 31 as 0', () => {
    // find a prefix whose sum is a multiple of 31 by varying the last character
    const prefix = '9137030300000000';
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const first17 = [...chars].map((c) => prefix + c).find((p) => usccCheckChar(p) === '0');
    expect(first17).toBeDefined();
    expect(parseUscc(`${first17}0`)).toMatchObject({ ok: true });
  });

  it('takes lowercase and spaces', () => {
    expect(parseUscc(' 91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('refuses the wrong shape or letters outside the charset (I O Z S V)', () => {
    for (const bad of ['', '91350100M000100Y4', '91350100M000100Y433', '91350100M000100I43', '91350100O000100Y43', '9135010SM000100Y43', '913501-0M000100Y43']) {
      expect(parseUscc(bad)).toEqual({ ok: false, reason: 'format' });
    }
    expect(() => usccCheckChar('91350100M000100Z4')).toThrow(RangeError);
  });

  it('refuses a wrong check character', () => {
    expect(parseUscc('91350100M000100Y44')).toEqual({ ok: false, reason: 'check_digit' });
    expect(parseUscc('914403001922038217')).toEqual({ ok: false, reason: 'check_digit' });
  });
});

describe('normalizePhone', () => {
  it('normalises mobiles', () => {
    for (const written of ['13812345678', '138 1234 5678', '138-1234-5678', '+86 138 1234 5678', '+8613812345678', '8613812345678', '008613812345678', '１３８１２３４５６７８']) {
      expect(normalizePhone(written)).toEqual({ ok: true, value: '13812345678', kind: 'mobile' });
    }
    expect(normalizePhone('19912345678')).toMatchObject({ ok: true, kind: 'mobile' });
  });

  it('normalises landlines to area code, dash, number', () => {
    for (const written of ['0533-1234567', '05331234567', '(0533)1234567', '（0533）1234567', '0533 123 4567', '+86 533 1234567', '+86 0533 1234567']) {
      expect(normalizePhone(written)).toEqual({ ok: true, value: '0533-1234567', kind: 'landline' });
    }
    expect(normalizePhone('010-12345678')).toEqual({ ok: true, value: '010-12345678', kind: 'landline' });
    expect(normalizePhone('02112345678')).toEqual({ ok: true, value: '021-12345678', kind: 'landline' });
    expect(normalizePhone('+86 10 12345678')).toEqual({ ok: true, value: '010-12345678', kind: 'landline' });
  });

  it('refuses what is neither', () => {
    for (const bad of ['', '12345678901', '1381234567', '138123456789', '0533-123456', '0533-123456789', '0533-0234567', 'tel 13812345678', '110', '+1 415 555 0100']) {
      expect(normalizePhone(bad)).toEqual({ ok: false });
    }
  });
});
