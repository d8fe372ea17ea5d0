import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devOtpEnabled, loadConfig } from '../../config.js';
import { httpSender, logSender, smsSenderFrom } from './sms.js';

/** A tiny SMS gateway: records what it receives, answers `status`. */
let received: Array<{ body: unknown; auth: string | undefined; type: string | undefined }> = [];
let status = 200;
let server: http.Server;
let url = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (d) => (text += d));
    req.on('end', () => {
      received.push({ body: JSON.parse(text), auth: req.headers.authorization, type: req.headers['content-type'] });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the HTTP SMS sender', () => {
  it('POSTs JSON {phone, text}, with a bearer token when one is configured', async () => {
    received = [];
    status = 200;
    await httpSender(url, 'secret-token').send('13912345678', '【共治】您的登录验证码是 123456');
    expect(received).toEqual([{ body: { phone: '13912345678', text: '【共治】您的登录验证码是 123456' }, auth: 'Bearer secret-token', type: 'application/json' }]);
  });
  it('throws when the gateway refuses, so the code is not left standing', async () => {
    status = 503;
    await expect(httpSender(url).send('13912345678', 'x')).rejects.toThrow(/503/);
    status = 200;
  });
  it('is chosen by GONGZHI_SMS_SENDER=http, which needs GONGZHI_SMS_URL', async () => {
    received = [];
    const config = loadConfig({ GONGZHI_SMS_SENDER: 'http', GONGZHI_SMS_URL: url });
    const sender = smsSenderFrom(config, { info: () => undefined });
    expect(sender.kind).toBe('http');
    await sender.send('13800000000', 'hello');
    expect(received.map((r) => r.body)).toEqual([{ phone: '13800000000', text: 'hello' }]);
    expect(() => loadConfig({ GONGZHI_SMS_SENDER: 'http' })).toThrow(/GONGZHI_SMS_URL/);
  });
});

describe('the log sender and the development code', () => {
  it('writes the message to the log at info level, the number masked', async () => {
    const lines: unknown[][] = [];
    await logSender({ info: (...args: unknown[]) => void lines.push(args) } as never).send('13912345678', '验证码 654321');
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines[0])).toContain('654321');
    expect(JSON.stringify(lines[0])).toContain('139****5678');
    expect(JSON.stringify(lines[0])).not.toContain('13912345678');
  });
  it('answers the code only with the log sender, in development or test, or when GONGZHI_DEV_OTP=1', () => {
    const on = (env: NodeJS.ProcessEnv) => devOtpEnabled(loadConfig(env));
    expect(on({ NODE_ENV: 'test' })).toBe(true);
    expect(on({ NODE_ENV: 'development' })).toBe(true);
    expect(on({ NODE_ENV: 'production' })).toBe(false);
    expect(on({})).toBe(false);
    expect(on({ GONGZHI_DEV_OTP: '1' })).toBe(true);
    expect(on({ NODE_ENV: 'test', GONGZHI_DEV_OTP: '0' })).toBe(false);
    expect(on({ NODE_ENV: 'test', GONGZHI_SMS_SENDER: 'http', GONGZHI_SMS_URL: url })).toBe(false);
    expect(on({ GONGZHI_DEV_OTP: '1', GONGZHI_SMS_SENDER: 'http', GONGZHI_SMS_URL: url })).toBe(false);
  });
});
