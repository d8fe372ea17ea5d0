import { sql } from 'kysely';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { county, loginAs, problemCode, useTestApp } from '../../test/harness.js';
import { purgeSignInLeftovers, startSignInCleanupJob } from './cleanup-job.js';
import { otpLimits } from './otp.service.js';

const ctx = useTestApp(() => ({ GONGZHI_DEV_OTP: '1' }));
const db = () => ctx.database.db;

/** An otp_codes row asked for `hoursAgo` hours ago (expired five minutes later, as real codes do). */
async function code(phoneHash: string, hoursAgo: number): Promise<string> {
  const row = await sql<{ id: string }>`
    insert into otp_codes (phone_hash, code_hash, ip, created_at, expires_at)
    values (${phoneHash}, 'x', '10.8.0.1', now() - make_interval(mins => ${Math.round(hoursAgo * 60)}), now() - make_interval(mins => ${Math.round(hoursAgo * 60) - 5}))
    returning id`.execute(db());
  return row.rows[0]!.id;
}
const remainingCodes = async (ids: string[]) => (await db().selectFrom('otp_codes').select('id').where('id', 'in', ids).execute()).map((r) => r.id).sort();

describe('sign-in cleanup job', () => {
  it('deletes one-time codes older than a day and expired sessions; keeps recent codes and live sessions', async () => {
    const old = [await code('cleanup-a', 25), await code('cleanup-a', 24 * 7)];
    const recent = [await code('cleanup-a', 23), await code('cleanup-b', 0.01)];
    const user = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
    await sql`update sessions set expires_at = now() - interval '1 minute' where token_hash = (select token_hash from sessions order by created_at desc limit 1)`.execute(db());
    const liveBefore = await db().selectFrom('sessions').select('token_hash').where('expires_at', '>', new Date()).execute();
    expect((await user.get('/api/v1/auth/me')).statusCode).toBe(401);

    const result = await purgeSignInLeftovers(db());
    expect(result.otpCodes).toBeGreaterThanOrEqual(2);
    expect(result.sessions).toBeGreaterThanOrEqual(1);
    expect(await remainingCodes([...old, ...recent])).toEqual([...recent].sort());
    expect(await db().selectFrom('sessions').select('token_hash').where('expires_at', '<=', new Date()).execute()).toEqual([]);
    expect((await db().selectFrom('sessions').select('token_hash').execute()).length).toBe(liveBefore.length);
    expect(await purgeSignInLeftovers(db())).toEqual({ otpCodes: 0, sessions: 0 });
  });

  it('keeps what the daily limit counts: a number that used up its day is still refused after a cleanup', async () => {
    const phone = `1378${String(process.pid % 10_000).padStart(4, '0')}001`;
    const ask = () => ctx.app.inject({ method: 'POST', url: '/api/v1/auth/otp', payload: { phone }, headers: { 'x-forwarded-for': `10.7.0.${Math.floor(Math.random() * 250)}` } });
    for (let i = 0; i < otpLimits.perPhonePerDay; i++) {
      expect((await ask()).statusCode).toBe(202);
      // two hours pass between asks: the first code is 20 hours old at the end, still inside the rolling day
      await sql`update otp_codes set created_at = created_at - interval '2 hours', expires_at = expires_at - interval '2 hours'`.execute(db());
    }
    await purgeSignInLeftovers(db());
    const refused = await ask();
    expect(refused.statusCode).toBe(429);
    expect(problemCode(refused)).toBe('auth.otp_daily_limit');
  });

  it('runs periodically once started, and stops', async () => {
    const id = await code('cleanup-c', 30);
    const stop = startSignInCleanupJob(db(), pino({ level: 'silent' }), 0.05);
    await expect.poll(() => remainingCodes([id]), { timeout: 5000, interval: 50 }).toEqual([]);
    await stop();
  });
});
