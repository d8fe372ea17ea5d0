import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { county, problemCode, useTestApp, type Client } from '../../test/harness.js';
import { decryptPii, piiKeysFrom } from '../../platform/pii.js';
import { testPiiKey } from '../../test/global-setup.js';
import { pointIn, report } from '../cases/test-helpers.js';
import { otpLimits } from './otp.service.js';

// the app's configuration is built from this object, not process.env: ask for the development code explicitly
const ctx = useTestApp(() => ({ GONGZHI_DEV_OTP: '1' }));
let ipCounter = 0;
/** Each test asks from its own address (the app trusts X-Forwarded-For), so per-address limits stay apart. */
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
let phoneCounter = 0;
const freshPhone = () => `139${String(process.pid % 10_000).padStart(4, '0')}${String(++phoneCounter).padStart(4, '0')}`;

const post = (url: string, payload: unknown, ip: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url, payload: payload as object, headers: { 'x-forwarded-for': ip, ...headers } });
const ask = (phone: string, ip = freshIp(), headers: Record<string, string> = {}) => post('/api/v1/auth/otp', { phone }, ip, headers);
const verify = (phone: string, code: string, ip = freshIp()) => post('/api/v1/auth/otp/verify', { phone, code }, ip);

/** Lets the clock run past the one-a-minute limit without waiting: ages the number's codes. */
const age = (minutes: number) => sql`update otp_codes set created_at = created_at - make_interval(mins => ${minutes})`.execute(ctx.database.db);

function clientOf(res: LightMyRequestResponse): Client {
  const cookie = res.cookies.find((c) => c.name === 'gz_session')!;
  const csrfToken = res.json().csrfToken as string;
  const request: Client['request'] = (options) => ctx.app.inject({ ...options, headers: { cookie: `gz_session=${cookie.value}`, ...options.headers } });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    send: (method, url, payload) => request({ method, url, payload: payload as object, headers: { 'x-csrf-token': csrfToken } }),
    csrfToken,
    cookie: cookie.value,
  };
}

async function signIn(phone: string) {
  const sent = await ask(phone);
  expect(sent.statusCode).toBe(202);
  const res = await verify(phone, sent.json().devCode);
  expect(res.statusCode).toBe(200);
  return res;
}

describe('asking for a code (POST /auth/otp)', () => {
  it('answers 202 with the code in test mode, keeps only a keyed hash of it, and audits the request', async () => {
    const phone = freshPhone();
    const res = await ask(phone);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ expiresInSeconds: 300, resendInSeconds: 60, devCode: expect.stringMatching(/^\d{6}$/) });
    const rows = await ctx.database.db.selectFrom('otp_codes').selectAll().execute();
    const code = res.json().devCode as string;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.code_hash).not.toContain(code);
      expect(r.phone_hash).not.toContain(phone);
    }
    const audit = await ctx.database.db.selectFrom('audit_log').select(['action', 'actor_name', 'detail']).where('action', '=', 'auth.otp_requested').execute();
    expect(audit.map((a) => a.actor_name)).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(JSON.stringify(audit)).not.toContain(phone);
  });

  it('accepts +86 and spaces, and refuses what is not a mainland mobile number with 400', async () => {
    const phone = freshPhone();
    expect((await ask(`+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`)).statusCode).toBe(202);
    for (const bad of ['12345678901', '1391234567', '139123456789', '0533-1234567', 'abc', '']) {
      const res = await ask(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(problemCode(res)).toBe('request.invalid');
      expect(res.json().errors[0]).toMatchObject({ path: 'phone', code: 'mobile.format' });
    }
    const en = await ask('123', freshIp(), { 'accept-language': 'en' });
    expect(en.json().detail).toMatch(/mainland China mobile number/);
  });

  it('allows one code a minute per number, then ten a day, answering 429 in both languages', async () => {
    const phone = freshPhone();
    expect((await ask(phone)).statusCode).toBe(202);
    const soon = await ask(phone);
    expect(soon.statusCode).toBe(429);
    expect(problemCode(soon)).toBe('auth.otp_too_soon');
    expect(soon.json().detail).toMatch(/^验证码已发送，请 \d+ 秒后再获取。$/);
    expect(Number(soon.headers['retry-after'])).toBeGreaterThan(50);
    const soonEn = await ask(phone, freshIp(), { 'accept-language': 'en' });
    expect(soonEn.json().detail).toMatch(/ask for another in \d+ seconds/);
    for (let i = 1; i < otpLimits.perPhonePerDay; i++) {
      await age(2);
      expect((await ask(phone)).statusCode).toBe(202);
    }
    await age(2);
    const day = await ask(phone);
    expect(day.statusCode).toBe(429);
    expect(problemCode(day)).toBe('auth.otp_daily_limit');
    expect(day.json().detail).toContain('10 次');
    const refused = await ctx.database.db.selectFrom('audit_log').select('detail').where('action', '=', 'auth.otp_refused').execute();
    expect(refused.map((r) => (r.detail as { reason: string }).reason)).toEqual(expect.arrayContaining(['too_soon', 'phone_daily_limit']));
  });

  it('limits the codes one client address may ask for, whatever the numbers', async () => {
    const ip = freshIp();
    for (let i = 0; i < otpLimits.perIpPerHour; i++) expect((await ask(freshPhone(), ip)).statusCode).toBe(202);
    const res = await ask(freshPhone(), ip);
    expect(res.statusCode).toBe(429);
    expect(problemCode(res)).toBe('auth.otp_ip_limit');
    // another address is not held back
    expect((await ask(freshPhone())).statusCode).toBe(202);
  });
});

describe('signing in with the code (POST /auth/otp/verify)', () => {
  it('makes a citizen account the first time, with a session like a password sign-in', async () => {
    const phone = freshPhone();
    const res = await signIn(phone);
    const cookie = res.cookies.find((c) => c.name === 'gz_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.csrfToken.length).toBeGreaterThan(20);
    expect(body.user).toMatchObject({ role: 'citizen', displayName: `居民${phone.slice(-4)}`, scopeCode: county, scopeName: '张店区', unit: null });
    expect(body.user.username).not.toContain(phone.slice(-4));
    expect(body.user.permissions).toEqual(expect.arrayContaining(['case:report', 'case:rate', 'case:classify']));
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { gz_session: cookie.value } });
    expect(me.json().user.id).toBe(body.user.id);
    // the number is sealed like base data's phones
    const row = await ctx.database.db.selectFrom('users').select(['phone', 'phone_hash', 'phone_cipher']).where('id', '=', body.user.id).executeTakeFirstOrThrow();
    expect(row.phone).toBeNull();
    expect(decryptPii(piiKeysFrom(testPiiKey), Buffer.from(row.phone_cipher!))).toBe(phone);
    const audit = await ctx.database.db.selectFrom('audit_log').select(['action', 'detail']).where('actor_id', '=', body.user.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['user.created', 'auth.login']);
    expect(audit[1]!.detail).toMatchObject({ method: 'otp', firstSignIn: true });
  });

  it('signs the same number into the same account the second time; a code works only once', async () => {
    const phone = freshPhone();
    const first = (await signIn(phone)).json().user.id;
    await age(2);
    const sent = await ask(phone);
    const again = await verify(phone, sent.json().devCode);
    expect(again.json().user.id).toBe(first);
    const replay = await verify(phone, sent.json().devCode);
    expect(replay.statusCode).toBe(401);
    expect(problemCode(replay)).toBe('auth.otp_missing');
    const count = await ctx.database.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('display_name', '=', `居民${phone.slice(-4)}`).where('role', '=', 'citizen').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('counts wrong codes down and burns the code at the fifth, auditing each', async () => {
    const phone = freshPhone();
    const right = (await ask(phone)).json().devCode as string;
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    const lefts = [];
    for (let i = 0; i < 4; i++) {
      const res = await verify(phone, wrong);
      expect(res.statusCode).toBe(401);
      expect(problemCode(res)).toBe('auth.otp_wrong');
      lefts.push(res.json().detail);
    }
    expect(lefts).toEqual(['验证码不正确，还可再试 4 次。', '验证码不正确，还可再试 3 次。', '验证码不正确，还可再试 2 次。', '验证码不正确，还可再试 1 次。']);
    const fifth = await verify(phone, wrong);
    expect(problemCode(fifth)).toBe('auth.otp_burnt');
    // now even the right one is refused
    expect(problemCode(await verify(phone, right))).toBe('auth.otp_missing');
    const failed = await ctx.database.db.selectFrom('audit_log').select('detail').where('action', '=', 'auth.login_failed').where('actor_name', '=', `${phone.slice(0, 3)}****${phone.slice(-4)}`).execute();
    expect(failed.map((f) => (f.detail as { reason: string }).reason)).toEqual(['otp_wrong', 'otp_wrong', 'otp_wrong', 'otp_wrong', 'otp_burnt', 'otp_missing']);
  });

  it('says clearly when the code has expired, and when none was asked for', async () => {
    const phone = freshPhone();
    const code = (await ask(phone)).json().devCode as string;
    await sql`update otp_codes set expires_at = now() - interval '1 second' where expires_at > now()`.execute(ctx.database.db);
    const res = await verify(phone, code);
    expect(res.statusCode).toBe(401);
    expect(problemCode(res)).toBe('auth.otp_expired');
    expect(res.json().detail).toBe('验证码已过期（有效期 5 分钟），请重新获取。');
    expect(problemCode(await verify(freshPhone(), '123456'))).toBe('auth.otp_missing');
    const bad = await verify(phone, '12ab');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'code', code: 'otp.format' });
  });

  it('refuses a disabled citizen', async () => {
    const phone = freshPhone();
    const id = (await signIn(phone)).json().user.id as string;
    await ctx.database.db.updateTable('users').set({ disabled: true }).where('id', '=', id).execute();
    await age(2);
    const res = await verify(phone, (await ask(phone)).json().devCode);
    expect(res.statusCode).toBe(401);
    expect(problemCode(res)).toBe('auth.disabled');
  });

  it('the citizen session reports a case and finds it in its own list, and nobody else’s', async () => {
    const citizen = clientOf(await signIn(freshPhone()));
    const other = clientOf(await signIn(freshPhone()));
    const here = await pointIn(ctx, '370303001001001');
    const res = await report(citizen, { categoryCode: 'E0101', description: '小区门口垃圾桶满了三天没人清运', ...here });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ state: 'reported', source: 'citizen' });
    const mine = (await citizen.get('/api/v1/cases?inbox=mine')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([res.json().id]);
    expect((await other.get('/api/v1/cases?inbox=mine')).json().items).toEqual([]);
    expect((await other.get(`/api/v1/cases/${res.json().id}`)).statusCode).toBe(404);
    const classify = await citizen.send('POST', '/api/v1/classify', { text: '小区门口垃圾桶满了三天没人清运' });
    expect(classify.statusCode).toBe(200);
  });

  it('the session writes need the CSRF token, as after a password sign-in', async () => {
    const res = await signIn(freshPhone());
    const cookie = res.cookies.find((c) => c.name === 'gz_session')!;
    const noToken = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { gz_session: cookie.value } });
    expect(problemCode(noToken)).toBe('auth.csrf');
  });
});
