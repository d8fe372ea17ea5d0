import crypto from 'node:crypto';
import type { Client } from '../../test/harness.js';
import { idCheckChar, usccCheckChar } from './identity.js';

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

/** A valid unified social credit code (GB 32100) of a company registered in 张店区. */
export function uscc(): string {
  const body = `91370303MA${crypto.randomBytes(4).readUInt32BE(0).toString(10).padStart(7, '0').slice(-7).replace(/[IOZSV]/g, '0')}`;
  return body + usccCheckChar(body);
}
