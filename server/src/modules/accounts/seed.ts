import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { randomToken } from '../../platform/tokens.js';
import { hashPassword } from './passwords.js';

/**
 * District departments (处置单位), the street offices (街道办事处/镇政府) that catch what no rule routes,
 * and the community offices (居委会/村委会) that settle what stays in the community.
 */
const departments = [
  ['370303-ZF', '张店区综合行政执法局'],
  ['370303-ZJ', '张店区住房和城乡建设局'],
  ['370303-HB', '淄博市生态环境局张店分局'],
  ['370303-JT', '张店区交通运输局'],
  ['370303-JY', '张店区教育和体育局'],
  ['370303-RS', '张店区人力资源和社会保障局'],
  ['370303-SW', '张店区商务局'],
  ['370303-WJ', '张店区卫生健康局'],
  ['370303-GA', '淄博市公安局张店分局'],
  ['370303-SF', '张店区司法局'],
  ['370303-MZ', '张店区民政局'],
  ['370303-YJ', '张店区应急管理局'],
  ['370303-SJ', '张店区市场监督管理局'],
] as const;

export async function seedUnits(db: Kysely<DB>, streets: { code: string; name: string }[], communities: { code: string; name: string }[] = []) {
  const rows = [
    ...departments.map(([code, name]) => ({ code, name, kind: 'department' as const, region_code: '370303000000' })),
    ...streets.map((s) => ({ code: `${s.code.slice(0, 9)}-BSC`, name: s.name.endsWith('镇') ? `${s.name}人民政府` : `${s.name}办事处`, kind: 'office' as const, region_code: s.code })),
    // division names already are the committees' names (新华社区居委会, 马家村村民委员会)
    ...communities.map((c) => ({ code: `${c.code}-JWH`, name: c.name, kind: 'office' as const, region_code: c.code })),
  ];
  const out = [];
  for (let i = 0; i < rows.length; i += 200) out.push(...(await db.insertInto('units').values(rows.slice(i, i + 200)).returning(['id', 'code', 'name']).execute()));
  return out;
}

/** The office that answers for a division when no rule routes a case there (属地兜底). */
export const officeCode = (regionCode: string) => (regionCode.endsWith('000') ? `${regionCode.slice(0, 9)}-BSC` : `${regionCode}-JWH`);

export interface DemoLogin {
  username: string;
  password: string;
  role: string;
  displayName: string;
  scopeCode: string;
}

/** A password people can type: 4 groups of 4 from an alphabet without look-alikes. */
export function readablePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const pick = () => alphabet[crypto.randomInt(alphabet.length)];
  return Array.from({ length: 4 }, () => Array.from({ length: 4 }, pick).join('')).join('-');
}

export async function createDemoLogins(
  db: Kysely<DB>,
  accounts: Array<Omit<DemoLogin, 'password'> & { unitId?: string | null }>,
): Promise<Array<DemoLogin & { id: string }>> {
  const result = [];
  for (const a of accounts) {
    const password = readablePassword();
    const row = await db
      .insertInto('users')
      .values({ username: a.username, display_name: a.displayName, role: a.role, scope_code: a.scopeCode, unit_id: a.unitId ?? null, password_hash: await hashPassword(password) })
      .returning('id')
      .executeTakeFirstOrThrow();
    result.push({ id: row.id, username: a.username, password, role: a.role, displayName: a.displayName, scopeCode: a.scopeCode });
  }
  return result;
}

/**
 * Staff records that exist to be named on grids (网格长, 网格员). They share one hash of a random
 * password nobody knows: they cannot sign in until an administrator sets a password.
 */
export async function createStaffRecords(db: Kysely<DB>, staff: Array<{ username: string; displayName: string; role: string; scopeCode: string }>) {
  const password_hash = await hashPassword(randomToken());
  const ids: string[] = [];
  for (let i = 0; i < staff.length; i += 500) {
    const rows = await db
      .insertInto('users')
      .values(staff.slice(i, i + 500).map((s) => ({ username: s.username, display_name: s.displayName, role: s.role, scope_code: s.scopeCode, password_hash })))
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
