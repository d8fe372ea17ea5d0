import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemCode, useTestApp } from '../../test/harness.js';

/** A tiny SMS gateway on a local port: keeps what it receives, fails when told to. */
const received: Array<{ phone: string; text: string }> = [];
let failing = false;
let port = 0;
const gateway = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    received.push(JSON.parse(body));
    res.writeHead(failing ? 500 : 200).end();
  });
});
beforeAll(async () => {
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  port = (gateway.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => gateway.close(() => r())));

// even with the development switch on, a real sender never puts the code in the answer
const ctx = useTestApp(() => ({ GONGZHI_SMS_SENDER: 'http', GONGZHI_SMS_URL: `http://127.0.0.1:${port}/send`, GONGZHI_DEV_OTP: '1' }));
const post = (url: string, payload: object, ip: string) => ctx.app.inject({ method: 'POST', url, payload, headers: { 'x-forwarded-for': ip } });

describe('codes sent through an HTTP SMS gateway', () => {
  it('the gateway gets {phone, text} with the code, the answer has no code, and the code signs in', async () => {
    const res = await post('/api/v1/auth/otp', { phone: '13700001111' }, '10.1.0.1');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ expiresInSeconds: 300, resendInSeconds: 60 });
    expect(received).toHaveLength(1);
    expect(received[0]!.phone).toBe('13700001111');
    const code = /验证码是 (\d{6})/.exec(received[0]!.text)![1]!;
    const signed = await post('/api/v1/auth/otp/verify', { phone: '13700001111', code }, '10.1.0.1');
    expect(signed.statusCode).toBe(200);
    expect(signed.json().user.role).toBe('citizen');
  });

  it('a gateway failure is 502, audited, and the unsent code cannot be used', async () => {
    failing = true;
    const res = await post('/api/v1/auth/otp', { phone: '13700002222' }, '10.1.0.2');
    failing = false;
    expect(res.statusCode).toBe(502);
    expect(problemCode(res)).toBe('auth.otp_send_failed');
    const code = /验证码是 (\d{6})/.exec(received.at(-1)!.text)![1]!;
    const tried = await post('/api/v1/auth/otp/verify', { phone: '13700002222', code }, '10.1.0.2');
    expect(problemCode(tried)).toBe('auth.otp_missing');
    const audit = await ctx.database.db.selectFrom('audit_log').select('action').where('actor_name', '=', '137****2222').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['auth.otp_requested', 'auth.otp_send_failed', 'auth.login_failed']);
  });
});
