import { describe, expect, it } from 'vitest';
import { county, loginAs, useTestApp } from '../../test/harness.js';
import { pointIn, report } from './test-helpers.js';

const ctx = useTestApp();
const grid = '370303001001001';
// distinctive words, so that none of the demo district's cases nearby reads alike
const manhole = '测试：华光路二百零六号门前井盖破损下陷，夜间骑车容易摔倒，请尽快处理';
const sameManhole = '华光路二百零六号门前的井盖破损下陷了，骑车经过很危险';

describe('the case page of a likely duplicate', () => {
  it('carries likelyDuplicateOf for a dispatcher while the report waits, never for its citizen reporter', async () => {
    const here = await pointIn(ctx, grid);
    const worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: grid });
    const citizen = await loginAs(ctx, { role: 'citizen', scopeCode: county });
    const dispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
    const first = (await report(worker, { categoryCode: 'C0101', description: manhole, ...here })).json();
    const second = (await report(citizen, { categoryCode: 'C0101', description: sameManhole, lng: here.lng, lat: here.lat + 0.00009 })).json();

    const seen = await dispatcher.get(`/api/v1/cases/${second.id}`);
    expect(seen.statusCode).toBe(200);
    const flag = seen.json().likelyDuplicateOf;
    expect(flag).toMatchObject({ id: first.id, number: first.number });
    expect(flag.distanceM).toBeGreaterThan(5);
    expect(flag.distanceM).toBeLessThan(15);
    expect(flag.similarity).toBeGreaterThan(0.35);
    // the older case repeats nothing; the inbox and the case page agree
    expect((await dispatcher.get(`/api/v1/cases/${first.id}`)).json().likelyDuplicateOf?.number).not.toBe(second.number);
    expect((await dispatcher.get(`/api/v1/cases?inbox=dispatch&q=${second.number}`)).json().items[0].likelyDuplicateOf).toEqual(flag);

    const own = await citizen.get(`/api/v1/cases/${second.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).not.toHaveProperty('likelyDuplicateOf');
    expect((await worker.get(`/api/v1/cases/${first.id}`)).json()).not.toHaveProperty('likelyDuplicateOf');

    // once registered it is no longer a new report: the flag goes
    const registered = await dispatcher.send('POST', `/api/v1/cases/${second.id}/actions`, { action: 'register', version: seen.json().version });
    expect(registered.statusCode).toBe(200);
    expect((await dispatcher.get(`/api/v1/cases/${second.id}`)).json()).not.toHaveProperty('likelyDuplicateOf');
  });
});
