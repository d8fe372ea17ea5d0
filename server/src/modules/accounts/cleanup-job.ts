import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../db/schema.js';
import { startPeriodicJob } from '../../platform/jobs.js';

/**
 * One-time codes are the ledger of the sign-in limits (otpLimits: per number and per address, per hour
 * and per rolling day), so a code is kept for a day after it was asked for — far past its 5 minutes of
 * life — and dropped after that. Sessions are dropped once expired: nothing reads an expired session.
 */
export async function purgeSignInLeftovers(db: Kysely<DB>): Promise<{ otpCodes: number; sessions: number }> {
  const otp = await db.deleteFrom('otp_codes').where('created_at', '<', sql<Date>`now() - interval '1 day'`).where('expires_at', '<', sql<Date>`now()`).executeTakeFirst();
  const sessions = await db.deleteFrom('sessions').where('expires_at', '<', sql<Date>`now()`).executeTakeFirst();
  return { otpCodes: Number(otp.numDeletedRows), sessions: Number(sessions.numDeletedRows) };
}

/** Runs purgeSignInLeftovers every `seconds` (an hour by default) in this process. */
export function startSignInCleanupJob(db: Kysely<DB>, logger: Logger, seconds = 3600): () => Promise<void> {
  return startPeriodicJob('sign-in cleanup', seconds, () => purgeSignInLeftovers(db), logger, (r) => r.otpCodes + r.sessions > 0);
}
