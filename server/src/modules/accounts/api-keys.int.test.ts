import { describe, expect, it } from 'vitest';
import { chezhan, county, gongyuan, loginAs, problemCode, useTestApp } from '../../test/harness.js';

const ctx = useTestApp();
const withKey = (secret: string, url: string, method: 'GET' | 'POST' = 'GET', payload?: object) =>
  ctx.app.inject({ method, url, headers: { authorization: `Bearer ${secret}` }, ...(payload ? { payload } : {}) });

describe('API keys', () => {
  it('an administrator creates a scoped key; the system reads only within it and cannot write', async () => {
    const admin = await loginAs(ctx, { role: 'admin', scopeCode: county });
    const created = await admin.send('POST', '/api/v1/api-keys', { name: '车站街道数据同步', scopeCode: chezhan, permissions: ['grid:read', 'region:read'] });
    expect(created.statusCode).toBe(201);
    const { secret, id } = created.json();
    expect(secret).toMatch(/^gzk_[A-Za-z0-9]{8}_/);
    const stored = await ctx.database.db.selectFrom('api_keys').select('secret_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.secret_hash).not.toContain(secret.slice(14));

    const list = await withKey(secret, '/api/v1/grids?pageSize=200');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThan(50);
    expect(list.json().items.every((g: { code: string }) => g.code.startsWith('370303001'))).toBe(true);
    expect((await withKey(secret, `/api/v1/grids/${gongyuan.slice(0, 9)}001001`)).statusCode).toBe(404);
    const write = await withKey(secret, '/api/v1/grids/370303001001001/retire', 'POST', { reason: '测试撤销' });
    expect(write.statusCode).toBe(403);
    expect(problemCode(write)).toBe('access.forbidden');

    expect((await admin.send('DELETE', `/api/v1/api-keys/${id}`)).statusCode).toBe(204);
    const revoked = await withKey(secret, '/api/v1/grids');
    expect(revoked.statusCode).toBe(401);
    expect(problemCode(revoked)).toBe('auth.api_key_invalid');
  });

  it('refuses unknown permissions, scopes beyond the creator, and non-administrators', async () => {
    const admin = await loginAs(ctx, { role: 'admin', scopeCode: chezhan });
    const unknown = await admin.send('POST', '/api/v1/api-keys', { name: 'x', scopeCode: chezhan, permissions: ['grid:destroy'] });
    expect(problemCode(unknown)).toBe('apikey.permission_unknown');
    const wider = await admin.send('POST', '/api/v1/api-keys', { name: 'x', scopeCode: county, permissions: ['grid:read'] });
    expect(problemCode(wider)).toBe('user.scope_outside');
    const leader = await loginAs(ctx, { role: 'leader', scopeCode: county });
    expect((await leader.send('POST', '/api/v1/api-keys', { name: 'x', scopeCode: county, permissions: ['grid:read'] })).statusCode).toBe(403);
    expect((await admin.send('POST', '/api/v1/api-keys', { name: '', scopeCode: '12', permissions: [] })).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/api-keys' })).statusCode).toBe(401);
    expect((await withKey('gzk_AAAAAAAA_not-a-real-key', '/api/v1/grids')).statusCode).toBe(401);
  });
});
