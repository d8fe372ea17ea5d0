import crypto from 'node:crypto';
import type { Client } from '../../test/harness.js';
import { idCheckChar } from './identity.js';

let sequence = 100;
/** A valid 18-digit resident ID number (GB 11643) born on `birth` ('YYYYMMDD'); odd sequence = male. */
export function idNumber(birth = '19800101', gender: '1' | '2' = '1', region = '370303'): string {
  sequence += 2;
  const seq = String((sequence % 998) + (gender === '1' ? 1 : 0)).padStart(3, '0');
  const first17 = `${region}${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

/** A random valid mobile number. */
export const mobile = () => `139${String(crypto.randomInt(0, 1e8)).padStart(8, '0')}`;

export async function registerPerson(client: Client, values: Record<string, string | null>, source?: string) {
  return client.send('POST', '/api/v1/basedata/people', { values, ...(source ? { source } : {}) });
}
