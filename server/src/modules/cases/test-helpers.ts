import crypto from 'node:crypto';
import { sql } from 'kysely';
import { county, loginAs, type Client, type TestContext } from '../../test/harness.js';

/** A point well inside a grid (WGS84), for reports placed there. */
export async function pointIn(ctx: TestContext, gridCode: string): Promise<{ lng: number; lat: number }> {
  const { rows } = await sql<{ lng: number; lat: number }>`
    select st_x(p) as lng, st_y(p) as lat from (select st_pointonsurface(geom) as p from grids where code = ${gridCode}) s`.execute(ctx.database.db);
  return { lng: Number(rows[0]!.lng), lat: Number(rows[0]!.lat) };
}

export const key = () => crypto.randomUUID();

/** Reports a case through the API and returns its detail. */
export async function report(client: Client, body: Record<string, unknown>, idempotencyKey: string = key()) {
  return client.request({ method: 'POST', url: '/api/v1/cases', payload: body, headers: { 'x-csrf-token': client.csrfToken, 'idempotency-key': idempotencyKey } });
}

/** Takes an action with the case's current version. */
export async function act(client: Client, id: string, body: Record<string, unknown>) {
  const current = await client.get(`/api/v1/cases/${id}`);
  return client.send('POST', `/api/v1/cases/${id}/actions`, { version: current.json().version, ...body });
}

export async function unitId(ctx: TestContext, code: string): Promise<string> {
  const row = await ctx.database.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

/** The smallest valid PNG (1×1, transparent). */
export const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

export function multipart(bytes: Buffer, filename: string, type: string) {
  const boundary = `----gz${crypto.randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(client: Client, bytes = tinyPng, filename = 'photo.png', type = 'image/png') {
  const body = multipart(bytes, filename, type);
  return client.request({ method: 'POST', url: '/api/v1/files', payload: body.payload, headers: { ...body.headers, 'x-csrf-token': client.csrfToken } });
}

/** The people of the loop, signed in: a grid worker of `grid`, and the county's dispatcher, 综合执法局 handler and verifier. */
export async function loopActors(ctx: TestContext, grid: string) {
  const zf = await unitId(ctx, '370303-ZF');
  return {
    zf,
    here: await pointIn(ctx, grid),
    worker: await loginAs(ctx, { role: 'grid_worker', scopeCode: grid }),
    dispatcher: await loginAs(ctx, { role: 'dispatcher', scopeCode: county }),
    handler: await loginAs(ctx, { role: 'handler', scopeCode: county, unitId: zf }),
    verifier: await loginAs(ctx, { role: 'verifier', scopeCode: county }),
  };
}
