import { idCheckChar, usccCheckChar } from '../identity.js';
import { digits, pick, type Rng } from '../synthetic/random.js';

/** Identifiers the seed makes up: credit codes with both check characters, and ID numbers kept distinct. */

/** The characters GB 32100 allows (no I, O, Z, S or V); the organisation code inside uses the same. */
const codeChars = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
const orgCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714's check character of an 8-character organisation code body: digits count as such, A = 10 … Z = 35. */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new RangeError(`orgCodeCheckChar needs 8 code characters, got ${JSON.stringify(body8)}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * orgCodeWeights[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** 登记管理部门 and 机构类别, the first two characters of a credit code. */
export type UsccKind = 'enterprise' | 'individual' | 'association' | 'private_non_enterprise' | 'foundation';
const kindPrefix: Record<UsccKind, string> = { enterprise: '91', individual: '92', association: '51', private_non_enterprise: '52', foundation: '53' };

/**
 * A unified social credit code registered in 张店区 (370303). Since 2015 market regulation numbers new
 * bodies MA…, civil affairs MJ…; older companies keep their 8-digit organisation code.
 */
export function syntheticUscc(rng: Rng, kind: UsccKind): string {
  const civil = kind === 'association' || kind === 'private_non_enterprise' || kind === 'foundation';
  const body = civil ? `MJ${pick(rng, codeChars.slice(10))}${chars(rng, 5)}` : kind === 'enterprise' && rng() < 0.3 ? `1640${digits(rng, 4)}` : `MA3${chars(rng, 5)}`;
  const first17 = `${kindPrefix[kind]}370303${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

function chars(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rng, codeChars);
  return s;
}

/**
 * `idNumber`, or when it is already taken the next free sequence number of the same sex (odd for men,
 * even for women) with its check digit: two people drawn with the same birthday and sequence must not
 * share a number.
 */
export function distinctIdNumber(idNumber: string, taken: Set<string>): string {
  let id = idNumber;
  let sequence = Number(id.slice(14, 17));
  while (taken.has(id)) {
    sequence = sequence + 2 > 999 ? 2 - (sequence % 2) : sequence + 2;
    const first17 = id.slice(0, 14) + String(sequence).padStart(3, '0');
    id = first17 + idCheckChar(first17);
  }
  taken.add(id);
  return id;
}
