import { describe, expect, it } from 'vitest';
import { chezhan, county, createUser, gongyuan, login, loginAs, problemCode, useTestApp } from '../../test/harness.js';

const ctx = useTestApp();

describe('accounts', () => {
  it('an administrator creates a grid worker scoped to a grid, who can then sign in', async () => {
    const admin = await loginAs(ctx, { role: 'admin', scopeCode: county });
    const res = await admin.send('POST', '/api/v1/users', {
      username: 'wang.wei', displayName: '王伟', role: 'grid_worker', scopeCode: '370303001001002', password: 'a-long-password-1',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'wang.wei', role: 'grid_worker', scopeCode: '370303001001002', disabled: false });
    expect(JSON.stringify(res.json())).not.toMatch(/password/i);
    const session = await login(ctx, { username: 'wang.wei', password: 'a-long-password-1' });
    expect((await session.get('/api/v1/auth/me')).json().user.scopeName).toMatch(/第\d+网格/);
    const dup = await admin.send('POST', '/api/v1/users', { username: 'wang.wei', displayName: '王伟', role: 'grid_worker', scopeCode: chezhan, password: 'a-long-password-1' });
    expect(dup.statusCode).toBe(409);
    expect(problemCode(dup)).toBe('conflict.duplicate');
  });

  it('validates role, scope, unit and password', async () => {
    const admin = await loginAs(ctx, { role: 'admin', scopeCode: county });
    const base = { username: 'li.na', displayName: '李娜', role: 'grid_worker', scopeCode: chezhan, password: 'a-long-password-1' };
    const badRole = await admin.send('POST', '/api/v1/users', { ...base, role: 'emperor' });
    expect(badRole.statusCode).toBe(400);
    const unknownScope = await admin.send('POST', '/api/v1/users', { ...base, scopeCode: '370303099000' });
    expect(problemCode(unknownScope)).toBe('user.scope_unknown');
    const handler = await admin.send('POST', '/api/v1/users', { ...base, role: 'handler' });
    expect(problemCode(handler)).toBe('user.unit_required');
    const shortPw = await admin.send('POST', '/api/v1/users', { ...base, password: 'short' });
    expect(shortPw.statusCode).toBe(400);
    expect(shortPw.json().errors[0].path).toBe('password');
    const badUsername = await admin.send('POST', '/api/v1/users', { ...base, username: 'Li Na!' });
    expect(badUsername.json().errors[0].code).toBe('username.format');
  });

  it('a street administrator manages only accounts in their street', async () => {
    const streetAdmin = await loginAs(ctx, { role: 'admin', scopeCode: chezhan });
    const outside = await createUser(ctx, { role: 'grid_worker', scopeCode: `${gongyuan.slice(0, 9)}001001` });
    expect((await streetAdmin.get(`/api/v1/users/${outside.id}`)).statusCode).toBe(404);
    expect((await streetAdmin.send('PATCH', `/api/v1/users/${outside.id}`, { displayName: 'x' })).statusCode).toBe(404);
    const wider = await streetAdmin.send('POST', '/api/v1/users', { username: 'zhao.lei', displayName: '赵磊', role: 'leader', scopeCode: county, password: 'a-long-password-1' });
    expect(problemCode(wider)).toBe('user.scope_outside');
    const list = (await streetAdmin.get('/api/v1/users?role=grid_worker')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((u: { scopeCode: string }) => u.scopeCode.startsWith('370303001'))).toBe(true);
  });

  it('disabling an account ends its sessions; resetting the password unlocks it', async () => {
    const admin = await loginAs(ctx, { role: 'admin', scopeCode: county });
    const user = await createUser(ctx, { role: 'dispatcher', scopeCode: county });
    const session = await login(ctx, user);
    expect((await admin.send('PATCH', `/api/v1/users/${user.id}`, { disabled: true })).json().disabled).toBe(true);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    await ctx.database.db.updateTable('users').set({ disabled: false, locked_until: new Date(Date.now() + 600_000) }).where('id', '=', user.id).execute();
    expect((await admin.send('PATCH', `/api/v1/users/${user.id}`, { password: 'brand-new-password' })).json().lockedUntil).toBeNull();
    expect((await login(ctx, { username: user.username, password: 'brand-new-password' })).csrfToken).toBeTruthy();
  });

  it('only administrators write accounts; units are listed for staff', async () => {
    const leader = await loginAs(ctx, { role: 'leader', scopeCode: county });
    expect((await leader.send('POST', '/api/v1/users', { username: 'x.y', displayName: 'x', role: 'citizen', scopeCode: county, password: 'a-long-password-1' })).statusCode).toBe(403);
    const units = (await leader.get('/api/v1/units')).json().items;
    expect(units.map((u: { name: string }) => u.name)).toContain('张店区综合行政执法局');
    const citizen = await loginAs(ctx, { role: 'citizen', scopeCode: county });
    expect((await citizen.get('/api/v1/users')).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
  });
});
