import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError, unauthorized } from '../../platform/errors.js';
import { encryptPii, maskPhone, piiHash, type PiiKeys } from '../../platform/pii.js';
import { randomToken, safeEqual } from '../../platform/tokens.js';
import { topDivision } from '../regions/index.js';
import { hashPassword } from './passwords.js';
import { openSession, type LoginContext, type SessionOpened } from './sessions.service.js';
import type { SmsSender } from './sms.js';

/** How long a code lives, how often and how many a number and a network may ask for, how many tries a code has. */
export const otpLimits = {
  ttlSeconds: 300,
  resendSeconds: 60,
  perPhonePerDay: 10,
  maxTries: 5,
  /** Per client address: mobile carriers put many phones behind one address, so these are wide. */
  perIpPerHour: 20,
  perIpPerDay: 100,
} as const;

export interface OtpDeps {
  db: Kysely<DB>;
  pii: PiiKeys;
  sms: SmsSender;
  /** Answer the code itself (development with no SMS gateway). */
  devCode: boolean;
}

const codeHash = (pii: PiiKeys, phone: string, code: string) => crypto.createHmac('sha256', pii.search).update(`otp:${phone}:${code}`, 'utf8').digest('hex');

/** The citizen's account name: from the phone's keyed hash, so neither the audit log nor a timeline shows the number. */
export const citizenUsername = (phoneHash: string) => `m-${phoneHash.slice(0, 16)}`;

/**
 * Sends a fresh 6-digit code to `phone` (already normalised), after the rate limits: one per number per
 * minute and ten a day, and per client address. Every request, sent or refused, is audited.
 */
export async function requestOtp(deps: OtpDeps, phone: string, ip: string) {
  const { db, pii } = deps;
  const phoneHash = piiHash(pii, phone, 'phone');
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  const audit = (tx: Kysely<DB>, action: string, detail: Record<string, unknown>) =>
    writeAudit(tx, { action, actorName: maskPhone(phone), ip, detail: { ...detail, sender: deps.sms.kind } });
  const row = await db.transaction().execute(async (tx) => {
    // one request per number at a time: two quick taps must not both pass the one-a-minute check
    await sql`select pg_advisory_xact_lock(hashtext(${`otp:${phoneHash}`}))`.execute(tx);
    const counts = await tx
      .selectFrom('otp_codes')
      .select([
        sql<number>`count(*) filter (where phone_hash = ${phoneHash} and created_at > now() - interval '1 day')::int`.as('phoneDay'),
        sql<Date | null>`max(created_at) filter (where phone_hash = ${phoneHash})`.as('phoneLast'),
        sql<number>`count(*) filter (where ip = ${ip} and created_at > now() - interval '1 hour')::int`.as('ipHour'),
        sql<number>`count(*) filter (where ip = ${ip})::int`.as('ipDay'),
      ])
      .where((eb) => eb.or([eb('phone_hash', '=', phoneHash), eb('ip', '=', ip)]))
      .where('created_at', '>', sql<Date>`now() - interval '1 day'`)
      .executeTakeFirstOrThrow();
    const refuse = async (reason: string, error: AppError) => {
      await audit(tx, 'auth.otp_refused', { reason });
      return { refused: error };
    };
    if (counts.phoneLast) {
      const wait = Math.ceil(otpLimits.resendSeconds - (Date.now() - new Date(counts.phoneLast).getTime()) / 1000);
      if (wait > 0) return refuse('too_soon', new AppError('auth.otp_too_soon', 429, { seconds: wait, retryAfter: wait }));
    }
    if (counts.phoneDay >= otpLimits.perPhonePerDay) return refuse('phone_daily_limit', new AppError('auth.otp_daily_limit', 429, { max: otpLimits.perPhonePerDay, retryAfter: 3600 }));
    if (counts.ipHour >= otpLimits.perIpPerHour) return refuse('ip_hourly_limit', new AppError('auth.otp_ip_limit', 429, { minutes: 60, retryAfter: 3600 }));
    if (counts.ipDay >= otpLimits.perIpPerDay) return refuse('ip_daily_limit', new AppError('auth.otp_ip_limit', 429, { minutes: 24 * 60, retryAfter: 24 * 3600 }));
    const inserted = await tx
      .insertInto('otp_codes')
      .values({ phone_hash: phoneHash, code_hash: codeHash(pii, phone, code), ip, expires_at: new Date(Date.now() + otpLimits.ttlSeconds * 1000) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, 'auth.otp_requested', {});
    return { id: inserted.id };
  });
  // the refusal is committed (audited) before it is thrown
  if ('refused' in row) throw row.refused;
  try {
    await deps.sms.send(phone, `【共治】您的登录验证码是 ${code}，${otpLimits.ttlSeconds / 60} 分钟内有效。如非本人操作，请忽略。`);
  } catch (e) {
    // a code nobody received must not be guessed at; it still counts toward the limits
    await db.updateTable('otp_codes').set({ used_at: new Date() }).where('id', '=', row.id).execute();
    await writeAudit(db, { action: 'auth.otp_send_failed', actorName: maskPhone(phone), ip, detail: { error: (e as Error).message.slice(0, 200) } });
    throw new AppError('auth.otp_send_failed', 502);
  }
  return { expiresInSeconds: otpLimits.ttlSeconds, resendInSeconds: otpLimits.resendSeconds, ...(deps.devCode ? { devCode: code } : {}) };
}

/**
 * Checks a code against the newest one sent to the number: five wrong tries burn it. On success the
 * code is spent, a citizen account is made the first time, and a session opens as for a password.
 */
export async function verifyOtp(deps: OtpDeps, phone: string, code: string, ctx: LoginContext): Promise<SessionOpened> {
  const { db, pii } = deps;
  const phoneHash = piiHash(pii, phone, 'phone');
  const actorName = maskPhone(phone);
  const outcome = await db.transaction().execute(async (tx) => {
    const fail = async (reason: string, error: AppError) => {
      await writeAudit(tx, { action: 'auth.login_failed', actorName, ip: ctx.ip, detail: { reason, method: 'otp' } });
      return { failed: error };
    };
    const otp = await tx
      .selectFrom('otp_codes')
      .select(['id', 'code_hash', 'expires_at', 'attempts'])
      .where('phone_hash', '=', phoneHash)
      .where('used_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!otp) return fail('otp_missing', unauthorized('auth.otp_missing'));
    if (otp.expires_at <= new Date()) return fail('otp_expired', unauthorized('auth.otp_expired', { minutes: otpLimits.ttlSeconds / 60 }));
    if (!safeEqual(otp.code_hash, codeHash(pii, phone, code))) {
      const tries = otp.attempts + 1;
      const burnt = tries >= otpLimits.maxTries;
      await tx.updateTable('otp_codes').set({ attempts: tries, ...(burnt ? { used_at: new Date() } : {}) }).where('id', '=', otp.id).execute();
      return burnt ? fail('otp_burnt', unauthorized('auth.otp_burnt')) : fail('otp_wrong', unauthorized('auth.otp_wrong', { left: otpLimits.maxTries - tries }));
    }
    await tx.updateTable('otp_codes').set({ used_at: new Date() }).where('id', '=', otp.id).execute();
    let user = await tx.selectFrom('users').selectAll().where('phone_hash', '=', phoneHash).executeTakeFirst();
    let created = false;
    if (!user) {
      user = await tx
        .insertInto('users')
        .values({
          username: citizenUsername(phoneHash),
          display_name: `居民${phone.slice(-4)}`,
          role: 'citizen',
          scope_code: await topDivision(tx),
          // nobody knows it: these accounts sign in with codes only
          password_hash: await hashPassword(randomToken()),
          phone_hash: phoneHash,
          phone_cipher: encryptPii(pii, phone),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      created = true;
      await writeAudit(tx, { action: 'user.created', actorName, actorId: user.id, actorScope: user.scope_code, targetType: 'user', targetId: user.id, ip: ctx.ip, detail: { role: 'citizen', via: 'otp' } });
    }
    if (user.disabled) {
      await writeAudit(tx, { action: 'auth.login_failed', actorName: user.username, actorId: user.id, actorScope: user.scope_code, ip: ctx.ip, detail: { reason: 'disabled', method: 'otp' } });
      return { failed: unauthorized('auth.disabled') };
    }
    return { session: await openSession(tx, user, ctx, { method: 'otp', ...(created ? { firstSignIn: true } : {}) }) };
  });
  if ('failed' in outcome) throw outcome.failed;
  return outcome.session;
}
