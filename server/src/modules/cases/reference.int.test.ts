import { describe, expect, it } from 'vitest';
import { chezhan, county, gongyuan, loginAs, problemCode, useTestApp } from '../../test/harness.js';
import { pointIn, report, unitId } from './test-helpers.js';

const ctx = useTestApp();
const limits = { register: 60, dispatch: 30, handle: 900, verify: 240 };
const category = { parentCode: 'E05', kind: 'event', name: '共享单车堆积', nameEn: 'Piled-up shared bikes', priority: 'normal', defaultLevel: 'district', limits, sensitive: false, active: true };

describe('categories (管理部件和事件)', () => {
  it('lists the default table: components, events and social-governance classes with two levels', async () => {
    const citizen = await loginAs(ctx, { role: 'citizen', scopeCode: county });
    const items = (await citizen.get('/api/v1/case-categories')).json().items as Array<{ code: string; parentCode: string | null; kind: string }>;
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['component', 'event', 'social']));
    expect(items.filter((i) => !i.parentCode).map((i) => i.code)).toEqual(expect.arrayContaining(['C01', 'C05', 'E01', 'E05', 'S01', 'S03']));
    expect(items.filter((i) => i.parentCode === 'E04').length).toBeGreaterThanOrEqual(4);
  });
  it('a data administrator adds a type and it can be reported at once; others may not', async () => {
    const dataAdmin = await loginAs(ctx, { role: 'data_admin', scopeCode: county });
    const res = await dataAdmin.send('PUT', '/api/v1/case-categories/E0599', category);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'E0599', name: '共享单车堆积' });
    const worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: '370303001001001' });
    const c = await report(worker, { categoryCode: 'E0599', description: '地铁口共享单车堆积阻塞通道', ...(await pointIn(ctx, '370303001001001')) });
    expect(c.json().categoryName).toBe('共享单车堆积');
    const dispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
    expect(problemCode(await dispatcher.send('PUT', '/api/v1/case-categories/E0599', category))).toBe('access.forbidden');
    expect((await dataAdmin.send('PUT', '/api/v1/case-categories/E0599', { ...category, limits: { ...limits, handle: 5 } })).statusCode).toBe(400);
    expect((await dataAdmin.send('PUT', '/api/v1/case-categories/X1', category)).statusCode).toBe(400);
    expect(problemCode(await dataAdmin.send('PUT', '/api/v1/case-categories/E0699', category))).toBe('case.category_mismatch');
    const retired = await dataAdmin.send('PUT', '/api/v1/case-categories/E0599', { ...category, active: false });
    expect(retired.json().active).toBe(false);
    expect(problemCode(await report(worker, { categoryCode: 'E0599', description: '地铁口共享单车堆积阻塞通道', ...(await pointIn(ctx, '370303001001001')) }))).toBe('case.category_unknown');
  });
});

describe('routing rules', () => {
  it('a street rule beats the district rule for the same class, and only inside that street', async () => {
    const dataAdmin = await loginAs(ctx, { role: 'data_admin', scopeCode: county });
    const office = await unitId(ctx, '370303001-BSC');
    const rule = await dataAdmin.send('POST', '/api/v1/routing-rules', { categoryCode: 'E02', regionCode: chezhan, unitId: office });
    expect(rule.statusCode).toBe(201);
    const worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: '370303001001001' });
    const inChezhan = (await report(worker, { categoryCode: 'E0201', description: '电线杆上贴满小广告', ...(await pointIn(ctx, '370303001001001')) })).json();
    const dispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
    expect((await dispatcher.get(`/api/v1/cases/${inChezhan.id}`)).json().suggestedUnit).toMatchObject({ id: office, rule: '宣传广告（E02）× 车站街道' });
    const citizen = await loginAs(ctx, { role: 'citizen', scopeCode: county });
    const inGongyuan = (await report(citizen, { categoryCode: 'E0201', description: '电线杆上贴满小广告', ...(await pointIn(ctx, '370303002001001')) })).json();
    expect((await dispatcher.get(`/api/v1/cases/${inGongyuan.id}`)).json().suggestedUnit).toMatchObject({ id: await unitId(ctx, '370303-ZF'), rule: '宣传广告（E02）× 张店区' });
    const listed = (await dataAdmin.get('/api/v1/routing-rules')).json().items;
    expect(listed.find((r: { id: string }) => r.id === rule.json().id)).toMatchObject({ categoryName: '宣传广告', regionName: '车站街道', unit: { id: office } });
    expect((await dataAdmin.request({ method: 'DELETE', url: `/api/v1/routing-rules/${rule.json().id}`, headers: { 'x-csrf-token': dataAdmin.csrfToken } })).statusCode).toBe(204);
    expect((await dispatcher.get(`/api/v1/cases/${inChezhan.id}`)).json().suggestedUnit.rule).toBe('宣传广告（E02）× 张店区');
  });
  it('refuses other roles, other jurisdictions and bad input', async () => {
    const streetAdmin = await loginAs(ctx, { role: 'data_admin', scopeCode: chezhan });
    const office = await unitId(ctx, '370303001-BSC');
    expect((await streetAdmin.send('POST', '/api/v1/routing-rules', { categoryCode: 'E02', regionCode: gongyuan, unitId: office })).statusCode).toBe(404);
    const dispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
    expect((await dispatcher.send('POST', '/api/v1/routing-rules', { categoryCode: 'E02', regionCode: chezhan, unitId: office })).statusCode).toBe(403);
    expect((await streetAdmin.send('POST', '/api/v1/routing-rules', { categoryCode: 'E02', regionCode: '123', unitId: office })).statusCode).toBe(400);
    expect(problemCode(await streetAdmin.send('POST', '/api/v1/routing-rules', { categoryCode: 'E02', regionCode: chezhan, unitId: '00000000-0000-4000-8000-000000000000' }))).toBe('case.unit_unknown');
  });
});
