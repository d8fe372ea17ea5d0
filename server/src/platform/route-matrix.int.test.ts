import { describe, expect, it } from 'vitest';
import { problemCode, useTestApp } from '../test/harness.js';

const ctx = useTestApp();
const publicRoutes = new Set(['GET /api/v1/health', 'POST /api/v1/auth/login', 'POST /api/v1/auth/otp', 'POST /api/v1/auth/otp/verify', 'GET /api/v1/grids/locate',
  // the citizen channel: anonymous reports, their look-up and the public map
  'GET /api/v1/public/categories', 'POST /api/v1/public/reports', 'POST /api/v1/public/photos', 'POST /api/v1/public/reports/lookup', 'GET /api/v1/public/cases/map', 'GET /api/v1/public/outline']);
const sample: Record<string, string> = { code: '370303001001001', id: '00000000-0000-4000-8000-000000000000', day: '2026-10-08', ref: '370303-20261122-00001' };

/** Every route of the OpenAPI document, so that a new endpoint is covered the day it is added. */
async function routes() {
  const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path, url: path.replace(/\{(\w+)\}/g, (_, k: string) => (k === 'code' && path.startsWith('/api/v1/regions') ? '370303001000' : k === 'code' && path.startsWith('/api/v1/case-categories') ? 'C0101' : sample[k]!)) })),
  );
}

describe('every endpoint', () => {
  it('answers 401 problem+json without a session, except the public ones', async () => {
    const all = await routes();
    expect(all.length).toBeGreaterThan(15);
    for (const r of all) {
      const res = await ctx.app.inject({ method: r.method as 'GET', url: r.url, ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }) });
      const key = `${r.method} ${r.path}`;
      if (publicRoutes.has(key)) expect(res.statusCode, key).not.toBe(401);
      else {
        expect(res.statusCode, key).toBe(401);
        expect(problemCode(res), key).toBe('auth.required');
      }
    }
  });
  it('answers 401 to a forged session cookie and to a malformed API key', async () => {
    const forged = await ctx.app.inject({ method: 'GET', url: '/api/v1/grids', cookies: { gz_session: 'forged' } });
    expect(forged.statusCode).toBe(401);
    const badKey = await ctx.app.inject({ method: 'GET', url: '/api/v1/grids', headers: { 'x-api-key': 'not-a-key' } });
    expect(problemCode(badKey)).toBe('auth.api_key_invalid');
  });
});
