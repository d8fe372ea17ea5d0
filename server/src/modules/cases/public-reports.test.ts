import crypto from 'node:crypto';
import { lookupCodePattern } from '@gongzhi/contracts';
import { describe, expect, it } from 'vitest';
import { piiKeysFrom } from '../../platform/pii.js';
import { lookupCodeOf } from './public-reports.service.js';

describe('lookupCodeOf (查询码)', () => {
  const pii = piiKeysFrom(Buffer.alloc(32, 3).toString('base64'));

  it('is always 8 characters of the alphabet, whatever the reporter', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = lookupCodeOf(pii, crypto.randomUUID());
      expect(code).toMatch(lookupCodePattern);
      for (const ch of code) seen.add(ch);
    }
    // every character of the alphabet turns up: none is unreachable
    expect(seen.size).toBe(32);
  });

  it('is the same for the same reporter (a retry) and differs with the key', () => {
    const id = crypto.randomUUID();
    expect(lookupCodeOf(pii, id)).toBe(lookupCodeOf(pii, id));
    expect(lookupCodeOf(piiKeysFrom(Buffer.alloc(32, 4).toString('base64')), id)).not.toBe(lookupCodeOf(pii, id));
  });
});
