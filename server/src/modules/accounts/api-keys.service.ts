import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { coversCode, permissions, requirePermission, scopeLikePattern, type Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { randomToken, sha256 } from '../../platform/tokens.js';
import { apiKeyPrincipal } from './principal.js';

// A key reads `gzk_<prefix>_<secret>`; the prefix lets people tell keys apart, only the hash is stored.
const keyPattern = /^gzk_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

const present = (k: {
  id: string; name: string; prefix: string; scope_code: string; permissions: string[];
  created_at: Date; expires_at: Date | null; last_used_at: Date | null; revoked_at: Date | null;
}) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopeCode: k.scope_code,
  permissions: k.permissions,
  createdAt: k.created_at.toISOString(),
  expiresAt: k.expires_at?.toISOString() ?? null,
  lastUsedAt: k.last_used_at?.toISOString() ?? null,
  revokedAt: k.revoked_at?.toISOString() ?? null,
});

export async function createApiKey(
  db: Kysely<DB>,
  actor: Principal,
  input: { name: string; scopeCode: string; permissions: string[]; expiresAt: string | null },
  ip: string,
) {
  requirePermission(actor, 'apikey:manage');
  for (const p of input.permissions) {
    if (!(permissions as readonly string[]).includes(p)) throw badRequest('apikey.permission_unknown', { permission: p });
  }
  if (!coversCode(actor.scopeCode, input.scopeCode)) throw badRequest('user.scope_outside', { scope: actor.scopeCode });
  const prefix = randomToken(12).replace(/[^A-Za-z0-9]/g, '').slice(0, 8).padEnd(8, '0');
  const secret = `gzk_${prefix}_${randomToken(32)}`;
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('api_keys')
      .values({ name: input.name, prefix, secret_hash: sha256(secret), scope_code: input.scopeCode, permissions: input.permissions, created_by: actor.id, expires_at: input.expiresAt })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { action: 'apikey.create', actor, targetType: 'api_key', targetId: row.id, ip, detail: { name: row.name, scope: row.scope_code, permissions: row.permissions } });
    return { ...present(row), secret };
  });
}

export async function listApiKeys(db: Kysely<DB>, actor: Principal) {
  requirePermission(actor, 'apikey:manage');
  const rows = await db.selectFrom('api_keys').selectAll().where('scope_code', 'like', scopeLikePattern(actor)).orderBy('created_at', 'desc').execute();
  return rows.map(present);
}

export async function revokeApiKey(db: Kysely<DB>, actor: Principal, id: string, ip: string) {
  requirePermission(actor, 'apikey:manage');
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('api_keys')
      .set({ revoked_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('scope_code', 'like', scopeLikePattern(actor))
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw notFound('apikey.not_found', {});
    await writeAudit(tx, { action: 'apikey.revoke', actor, targetType: 'api_key', targetId: id, ip });
  });
}

/** The principal behind an API key, or null when it is malformed, unknown, revoked or expired. */
export async function resolveApiKey(db: Kysely<DB>, secret: string): Promise<Principal | null> {
  if (!keyPattern.test(secret)) return null;
  const row = await db
    .updateTable('api_keys')
    .set({ last_used_at: sql<Date>`now()` })
    .where('secret_hash', '=', sha256(secret))
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]))
    .returning(['id', 'name', 'scope_code', 'permissions'])
    .executeTakeFirst();
  return row ? apiKeyPrincipal(row) : null;
}
