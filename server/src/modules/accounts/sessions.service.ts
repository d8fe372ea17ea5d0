import { sql, type Kysely } from 'kysely';
import { runHot } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError, unauthorized } from '../../platform/errors.js';
import { randomToken, sha256 } from '../../platform/tokens.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';
import { userPrincipal } from './principal.js';

export const lockout = { maxFailures: 5, minutes: 15 } as const;

export interface LoginContext {
  ip: string;
  userAgent: string | undefined;
  sessionHours: number;
}

export interface SessionOpened {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  principal: Principal;
}

/** Checks a password, applies lockout, audits every outcome, and opens a session. */
export async function login(db: Kysely<DB>, username: string, password: string, ctx: LoginContext): Promise<SessionOpened> {
  const name = username.toLowerCase();
  const user = await db.selectFrom('users').selectAll().where('username', '=', name).executeTakeFirst();
  const fail = async (reason: string, error: AppError, actorId: string | null = null) => {
    await writeAudit(db, { action: 'auth.login_failed', actorName: name, actorId, actorScope: user?.scope_code ?? null, ip: ctx.ip, detail: { reason } });
    return error;
  };
  if (!user) {
    await burnPasswordCheck(password);
    throw await fail('unknown_user', unauthorized('auth.invalid_credentials'));
  }
  if (user.disabled) throw await fail('disabled', unauthorized('auth.disabled'), user.id);
  if (user.locked_until && user.locked_until > new Date()) {
    const minutes = Math.ceil((user.locked_until.getTime() - Date.now()) / 60_000);
    throw await fail('locked', new AppError('auth.locked', 423, { minutes }), user.id);
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const failures = user.failed_attempts + 1;
    const locks = failures >= lockout.maxFailures;
    await db
      .updateTable('users')
      .set({
        failed_attempts: locks ? 0 : failures,
        locked_until: locks ? new Date(Date.now() + lockout.minutes * 60_000) : null,
      })
      .where('id', '=', user.id)
      .execute();
    throw await fail(
      locks ? 'wrong_password_locked' : 'wrong_password',
      locks ? new AppError('auth.locked', 423, { minutes: lockout.minutes }) : unauthorized('auth.invalid_credentials'),
      user.id,
    );
  }
  return openSession(db, user, ctx);
}

/**
 * Opens a session for an account whose credentials were just checked (a password or a one-time code):
 * clears failed attempts and writes `auth.login` in the same transaction. `tx` lets the caller put it
 * into its own transaction (the code is spent in the same commit).
 */
export async function openSession(
  db: Kysely<DB>,
  user: Parameters<typeof userPrincipal>[0],
  ctx: LoginContext,
  detail?: Record<string, unknown>,
): Promise<SessionOpened> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + ctx.sessionHours * 3600_000);
  const principal = userPrincipal(user);
  const write = async (tx: Kysely<DB>) => {
    await tx.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id).execute();
    await tx
      .insertInto('sessions')
      .values({ token_hash: sha256(token), user_id: user.id, csrf_token: csrfToken, expires_at: expiresAt, ip: ctx.ip, user_agent: ctx.userAgent?.slice(0, 300) ?? null })
      .execute();
    await writeAudit(tx, { action: 'auth.login', actor: principal, ip: ctx.ip, ...(detail ? { detail } : {}) });
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
  return { token, csrfToken, expiresAt, principal };
}

export interface ResolvedSession {
  principal: Principal;
  csrfToken: string;
}

/** The principal behind a session cookie, or null when the session is unknown, expired or the account disabled. */
export async function resolveSession(db: Kysely<DB>, token: string): Promise<ResolvedSession | null> {
  const [row] = await runHot(
    db,
    db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.scope_code', 'u.unit_id', 's.csrf_token'])
      .where('s.token_hash', '=', sha256(token))
      .where('s.expires_at', '>', sql<Date>`now()`)
      .where('u.disabled', '=', false),
  );
  return row ? { principal: userPrincipal(row), csrfToken: row.csrf_token } : null;
}

export async function logout(db: Kysely<DB>, token: string, principal: Principal, ip: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
    await writeAudit(tx, { action: 'auth.logout', actor: principal, ip });
  });
}

/** Ends every session of a user (password change, disabling). */
export async function endSessionsOf(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
