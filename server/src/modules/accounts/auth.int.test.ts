import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chezhan, county, createUser, login, problemCode, useTestApp } from '../../test/harness.js';

const ctx = useTestApp();
const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('sign-in', () => {
  it('sets an httpOnly session cookie and returns the user with a CSRF token', async () => {
    const user = await createUser(ctx, { role: 'dispatcher', scopeCode: county });
    const res = await post('/api/v1/auth/login', { username: user.username, password: user.password });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'gz_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.user).toMatchObject({ username: user.username, role: 'dispatcher', scopeCode: county, scopeName: '张店区' });
    expect(body.user.permissions).toContain('grid:read');
    expect(body.csrfToken.length).toBeGreaterThan(20);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { gz_session: cookie.value } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(body.user.id);
  });

  it('answers a wrong password and an unknown user alike, in the language asked for', async () => {
    const user = await createUser(ctx, { role: 'leader', scopeCode: county });
    const wrong = await post('/api/v1/auth/login', { username: user.username, password: 'nope' });
    const unknown = await post('/api/v1/auth/login', { username: 'nobody-here', password: 'nope' }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(wrong.statusCode).toBe(401);
    expect(problemCode(wrong)).toBe('auth.invalid_credentials');
    expect(wrong.json().detail).toBe('用户名或密码不正确。');
    expect(problemCode(unknown)).toBe('auth.invalid_credentials');
    expect(unknown.json().detail).toBe('Wrong username or password.');
  });

  it('locks the account after five failures, even for the right password, and audits every attempt', async () => {
    const user = await createUser(ctx, { role: 'verifier', scopeCode: county });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await post('/api/v1/auth/login', { username: user.username, password: `wrong-${i}` })).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    const locked = await post('/api/v1/auth/login', { username: user.username, password: user.password });
    expect(locked.statusCode).toBe(423);
    expect(problemCode(locked)).toBe('auth.locked');
    expect(locked.json().detail).toMatch(/锁定/);
    const audit = await ctx.database.db.selectFrom('audit_log').select(['action', 'detail']).where('actor_name', '=', user.username).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(Array(6).fill('auth.login_failed'));
    expect(audit.map((a) => (a.detail as { reason: string }).reason)).toEqual([
      'wrong_password', 'wrong_password', 'wrong_password', 'wrong_password', 'wrong_password_locked', 'locked',
    ]);
  });

  it('refuses a disabled account', async () => {
    const user = await createUser(ctx, { role: 'leader', scopeCode: county });
    await ctx.database.db.updateTable('users').set({ disabled: true }).where('id', '=', user.id).execute();
    const res = await post('/api/v1/auth/login', { username: user.username, password: user.password });
    expect(problemCode(res)).toBe('auth.disabled');
  });

  it('validates the body: 400 with field errors, malformed JSON, never a stack trace', async () => {
    const empty = await post('/api/v1/auth/login', {});
    expect(empty.statusCode).toBe(400);
    expect(problemCode(empty)).toBe('request.invalid');
    expect(empty.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['password', 'username']);
    const malformed = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(problemCode(malformed)).toBe('request.malformed');
    expect(malformed.body).not.toMatch(/at .*\.ts/);
  });
});

describe('session writes need the CSRF token', () => {
  it('logout without the token is refused; with it the session ends and is audited', async () => {
    const user = await createUser(ctx, { role: 'leader', scopeCode: chezhan });
    const client = await login(ctx, user);
    const noToken = await client.request({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(noToken.statusCode).toBe(403);
    expect(problemCode(noToken)).toBe('auth.csrf');
    const badToken = await client.request({ method: 'POST', url: '/api/v1/auth/logout', headers: { 'x-csrf-token': 'forged' } });
    expect(problemCode(badToken)).toBe('auth.csrf');
    expect((await client.send('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    const after = await client.get('/api/v1/auth/me');
    expect(after.statusCode).toBe(401);
    expect(problemCode(after)).toBe('auth.required');
    const actions = await ctx.database.db.selectFrom('audit_log').select('action').where('actor_id', '=', user.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['auth.login', 'auth.logout']);
  });
});

describe('platform endpoints', () => {
  it('health reports the database kind and migration version without a session', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    const last = fs.readdirSync(path.resolve(import.meta.dirname, '../../db/migrations')).sort().at(-1)!;
    const [, version, name] = /^(\d+)_(.+)\.sql$/.exec(last)!;
    expect(res.json()).toMatchObject({ status: 'ok', database: ctx.database.kind, migration: { version: Number(version), name } });
    expect(res.json().postgis).toMatch(/^3\./);
  });
  it('serves the OpenAPI document', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/grids/locate', '/api/v1/grids/{code}', '/api/v1/auth/login']));
  });
  it('answers unknown routes with problem+json 404', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(problemCode(res)).toBe('route.not_found');
  });
  it('the audit log is for administrators and data administrators', async () => {
    const dispatcher = await login(ctx, await createUser(ctx, { role: 'dispatcher', scopeCode: county }));
    expect((await dispatcher.get('/api/v1/audit')).statusCode).toBe(403);
    const dataAdmin = await login(ctx, await createUser(ctx, { role: 'data_admin', scopeCode: county }));
    const res = await dataAdmin.get('/api/v1/audit?action=auth.login');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
  });
  it('a street auditor reads only the log of their street', async () => {
    const outsider = await createUser(ctx, { role: 'leader', scopeCode: '370303002000' });
    await login(ctx, outsider);
    const insider = await createUser(ctx, { role: 'leader', scopeCode: '370303001003' });
    await login(ctx, insider);
    await post('/api/v1/auth/login', { username: 'nobody-at-all', password: 'x' });
    const streetAuditor = await login(ctx, await createUser(ctx, { role: 'data_admin', scopeCode: chezhan }));
    const names = (await streetAuditor.get('/api/v1/audit?pageSize=200')).json().items.map((i: { actorName: string }) => i.actorName);
    expect(names).toContain(insider.username);
    expect(names).not.toContain(outsider.username);
    expect(names).not.toContain('nobody-at-all');
    const districtAuditor = await login(ctx, await createUser(ctx, { role: 'data_admin', scopeCode: county }));
    const all = (await districtAuditor.get('/api/v1/audit?pageSize=200')).json().items.map((i: { actorName: string }) => i.actorName);
    expect(all).toEqual(expect.arrayContaining([insider.username, outsider.username, 'nobody-at-all']));
  });
});
