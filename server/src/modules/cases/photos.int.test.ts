import { beforeAll, describe, expect, it } from 'vitest';
import { county, gongyuan, loginAs, problemCode, useTestApp, type Client } from '../../test/harness.js';
import { act, multipart, pointIn, report, tinyPng, unitId, upload } from './test-helpers.js';

const ctx = useTestApp();
const grid = '370303001001001';
let worker: Client;

beforeAll(async () => {
  worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: grid });
});

describe('photos', () => {
  it('uploads a photo, attaches it to a report and serves it to those who may see the case', async () => {
    const up = await upload(worker);
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ contentType: 'image/png', size: tinyPng.length });
    const reported = (await report(worker, { categoryCode: 'C0103', description: '华光路路灯连续三晚不亮', photoIds: [up.json().id], ...(await pointIn(ctx, grid)) })).json();
    const c = (await worker.get(`/api/v1/cases/${reported.id}`)).json();
    expect(c.photoIds).toEqual([up.json().id]);
    expect(c.timeline[0].photoIds).toEqual([up.json().id]);
    const dispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
    const served = await dispatcher.get(`/api/v1/files/${up.json().id}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(tinyPng)).toBe(true);
    const outsider = await loginAs(ctx, { role: 'leader', scopeCode: gongyuan });
    expect((await outsider.get(`/api/v1/files/${up.json().id}`)).statusCode).toBe(404);
    const handler = await loginAs(ctx, { role: 'handler', scopeCode: county, unitId: await unitId(ctx, '370303-ZJ') });
    expect((await handler.get(`/api/v1/files/${up.json().id}`)).statusCode).toBe(404);
    await act(dispatcher, c.id, { action: 'register' });
    await act(dispatcher, c.id, { action: 'dispatch', leadUnitId: await unitId(ctx, '370303-ZJ') });
    expect((await handler.get(`/api/v1/files/${up.json().id}`)).statusCode).toBe(200);
    // a photo is attached once, by the person who uploaded it
    const again = await report(worker, { categoryCode: 'C0103', description: '华光路路灯连续三晚不亮', photoIds: [up.json().id], ...(await pointIn(ctx, grid)) });
    expect(problemCode(again)).toBe('file.not_attachable');
    const mine = (await upload(handler)).json().id;
    expect(problemCode(await report(worker, { categoryCode: 'C0103', description: '华光路路灯连续三晚不亮', photoIds: [mine], ...(await pointIn(ctx, grid)) }))).toBe('file.not_attachable');
  });
  it('sniffs the type, whatever the name says, and limits the size', async () => {
    const fake = await upload(worker, Buffer.from('<script>alert(1)</script>'), 'photo.png', 'image/png');
    expect(fake.statusCode).toBe(400);
    expect(problemCode(fake)).toBe('file.type');
    const big = await upload(worker, Buffer.concat([tinyPng, Buffer.alloc(11 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(problemCode(big)).toBe('file.too_large');
    const jpeg = await upload(worker, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]), 'x.bin', 'application/octet-stream');
    expect(jpeg.json().contentType).toBe('image/jpeg');
    const empty = await worker.request({ method: 'POST', url: '/api/v1/files', payload: {}, headers: { 'x-csrf-token': worker.csrfToken } });
    expect(empty.statusCode).toBe(415);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/files', ...multipart(tinyPng, 'a.png', 'image/png') })).statusCode).toBe(401);
    const dataAdmin = await loginAs(ctx, { role: 'data_admin', scopeCode: county });
    expect((await upload(dataAdmin)).statusCode).toBe(403);
    expect((await worker.get('/api/v1/files/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
