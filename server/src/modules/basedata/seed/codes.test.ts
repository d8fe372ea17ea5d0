import { describe, expect, it } from 'vitest';
import { idCheckChar, parseIdNumber, parseUscc, usccCheckChar } from '../identity.js';
import { seededRandom } from '../synthetic/random.js';
import { distinctIdNumber, orgCodeCheckChar, syntheticUscc, type UsccKind } from './codes.js';

describe('credit codes', () => {
  it('computes GB 11714 check characters, the one inside a real credit code included', () => {
    // 91350100M000100Y43, the code GB 32100's guidance uses as its example
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(orgCodeCheckChar('12345678')).toBe('8');
    expect(() => orgCodeCheckChar('1234')).toThrow(RangeError);
  });

  it('makes valid, distinct codes of 张店区 with the prefix of their kind', () => {
    const rng = seededRandom('uscc');
    const prefixes: Record<UsccKind, string> = { enterprise: '91', individual: '92', association: '51', private_non_enterprise: '52', foundation: '53' };
    const seen = new Set<string>();
    for (const [kind, prefix] of Object.entries(prefixes)) {
      for (let i = 0; i < 400; i++) {
        const code = syntheticUscc(rng, kind as UsccKind);
        expect(parseUscc(code), code).toEqual({ ok: true, value: code });
        expect(code.slice(0, 8)).toBe(`${prefix}370303`);
        expect(orgCodeCheckChar(code.slice(8, 16))).toBe(code[16]);
        seen.add(code);
      }
    }
    expect(seen.size).toBe(2000);
  });
});

describe('distinctIdNumber', () => {
  const id = (first17: string) => first17 + idCheckChar(first17);

  it('keeps a free number and moves a taken one to the next free sequence of the same sex', () => {
    const taken = new Set<string>();
    const man = id('37030319800101001');
    expect(distinctIdNumber(man, taken)).toBe(man);
    const next = distinctIdNumber(man, taken);
    expect(next).toBe(id('37030319800101003'));
    expect(parseIdNumber(next)).toMatchObject({ ok: true, gender: '1', birthDate: '1980-01-01' });
    expect(taken).toEqual(new Set([man, next]));
  });

  it('wraps round at 999 and never gives 000 to a woman', () => {
    const last = id('37030319900202998');
    const woman = distinctIdNumber(last, new Set([last]));
    expect(woman).toBe(id('37030319900202002'));
    expect(parseIdNumber(woman)).toMatchObject({ ok: true, gender: '2' });
  });
});
