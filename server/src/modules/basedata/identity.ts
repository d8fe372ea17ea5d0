/**
 * Citizen ID numbers (GB 11643-1999), unified social credit codes (GB 32100-2015) and phone numbers:
 * validated and normalised. No imports on purpose, so that the web app can check a form with the same code.
 */

export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; gender: '1' | '2'; regionCode: string }
  | { ok: false; reason: 'format' | 'birth_date' | 'check_digit' };

export type UsccResult = { ok: true; value: string } | { ok: false; reason: 'format' | 'check_digit' };

export type PhoneResult = { ok: true; value: string; kind: 'mobile' | 'landline' } | { ok: false };

/** Full-width digits and letters (typed with a Chinese input method) as ASCII, with every kind of space removed. */
function compact(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '');
}

// ---- 公民身份号码 GB 11643-1999 --------------------------------------------------------------------

const idWeights = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11);
const idCheckChars = '10X98765432';

/** The 18th character for the first 17 digits: ISO 7064 MOD 11-2, where 10 is written X. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`idCheckChar needs 17 digits, got ${JSON.stringify(first17)}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * idWeights[i]!;
  return idCheckChars[sum % 11]!;
}

/** 'YYYY-MM-DD' in Asia/Shanghai, which is UTC+8 all year (no daylight saving). */
const todayInChina = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * An 18-character citizen ID number: 6 digits of the region where it was issued, the birth date, a
 * 3-digit sequence whose last digit is odd for men and even for women, and the check character.
 * The birth date must be a real day after 1900-01-01 and not after today. The 15-digit numbers issued
 * before 1999 are refused as 'format': they have expired, and carry no check digit.
 */
export function parseIdNumber(input: string, today = todayInChina()): IdNumberResult {
  const value = compact(input).toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(value)) return { ok: false, reason: 'format' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isRealDate(birthDate) || birthDate <= '1900-01-01' || birthDate > today) return { ok: false, reason: 'birth_date' };
  if (idCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'check_digit' };
  return { ok: true, value, birthDate, gender: Number(value[16]) % 2 === 1 ? '1' : '2', regionCode: value.slice(0, 6) };
}

function isRealDate(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// ---- 统一社会信用代码 GB 32100-2015 ----------------------------------------------------------------

/** The 31 characters of the code: digits and capitals without I, O, Z, S and V (easily misread). */
const usccChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usccWeights = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

/** The 18th character for the first 17: 31 − (Σ value × 3^i mod 31) mod 31, where 31 is written 0. */
export function usccCheckChar(first17: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17)) throw new RangeError(`usccCheckChar needs 17 code characters, got ${JSON.stringify(first17)}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += usccChars.indexOf(first17[i]!) * usccWeights[i]!;
  return usccChars[(31 - (sum % 31)) % 31]!;
}

/**
 * A unified social credit code: charset and check character only. Position 1 (登记管理部门) and 2
 * (机构类别) are not checked against the standard's tables: registration departments keep adding
 * categories, and refusing a real organisation's code is worse than accepting an odd one whose
 * check character is right.
 */
export function parseUscc(input: string): UsccResult {
  const value = compact(input).toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return { ok: false, reason: 'format' };
  if (usccCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'check_digit' };
  return { ok: true, value };
}

// ---- 电话号码 ---------------------------------------------------------------------------------------

/** Beijing (010) and the big cities on 02x have 3-digit area codes (with the 0); every other area code has 4. */
const areaCodeLength = (digits: string) => (/^0(10|2\d)/.test(digits) ? 3 : 4);

function phoneOf(digits: string): PhoneResult {
  if (/^1[3-9]\d{9}$/.test(digits)) return { ok: true, value: digits, kind: 'mobile' };
  if (!/^0\d+$/.test(digits)) return { ok: false };
  const split = areaCodeLength(digits);
  const area = digits.slice(0, split);
  const local = digits.slice(split);
  if (!/^[1-9]\d{6,7}$/.test(local)) return { ok: false }; // a local number never starts with 0 (that would be a trunk prefix)
  return { ok: true, value: `${area}-${local}`, kind: 'landline' };
}

/**
 * A mobile (`13812345678`) or a landline (`0533-1234567`), from what people write: spaces, dashes,
 * brackets round the area code, +86 / 0086 / 86 in front (after which a landline drops its 0).
 */
export function normalizePhone(input: string): PhoneResult {
  const digits = compact(input).replace(/[-()]/g, '');
  if (!/^\+?\d+$/.test(digits)) return { ok: false };
  const direct = phoneOf(digits);
  if (direct.ok) return direct;
  const national = /^(?:\+86|0086|86)(\d+)$/.exec(digits)?.[1];
  if (!national) return { ok: false };
  const asWritten = phoneOf(national);
  return asWritten.ok || national.startsWith('0') ? asWritten : phoneOf(`0${national}`);
}
