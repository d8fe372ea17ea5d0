import { describe, expect, it } from 'vitest';
import { chezhan, county, loginAs, problemCode, useTestApp, type Client } from '../../test/harness.js';
import { pointIn, report } from './test-helpers.js';

const ctx = useTestApp();
const base = '/api/v1/case-categories/E0101/attributes';
const bins = {
  code: 'bin_kind', datatype: 'singlevaluelist', required: true, description: '垃圾桶类型',
  values: [{ key: 'kitchen', name: '厨余垃圾' }, { key: 'other', name: '其他垃圾' }],
};
const fieldCodes = (res: { json(): { errors?: Array<{ code: string }> } }) => (res.json().errors ?? []).map((e) => e.code);
const codesOf = async (client: Client, url = base) => ((await client.get(url)).json().items as Array<{ code: string }>).map((a) => a.code);
const definition = async (code: string) => (await ctx.app.inject({ method: 'GET', url: `/open311/v2/services/${code}.json` })).json();

describe('extra fields of a category (上报附加项)', () => {
  it('an administrator adds, edits, moves and deletes fields; Open311 publishes them and the audit log records each change', async () => {
    const admin = await loginAs(ctx, { role: 'data_admin', scopeCode: county });
    expect((await admin.get(base)).json()).toEqual({ items: [] });

    const created = await admin.send('POST', base, bins);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ ...bins, variable: true, datatypeDescription: null, order: 1 });
    const count = await admin.send('POST', base, { code: 'bags', datatype: 'number', description: '垃圾袋数量', datatypeDescription: '填写数字' });
    expect(count.json()).toMatchObject({ code: 'bags', required: false, order: 2, values: [] });
    // a new field at position 1 moves the others down
    expect((await admin.send('POST', base, { code: 'seen_at', datatype: 'datetime', description: '发现时间', order: 1 })).json().order).toBe(1);
    expect(await codesOf(admin)).toEqual(['seen_at', 'bin_kind', 'bags']);

    const edited = await admin.send('PUT', `${base}/bin_kind`, { ...bins, code: undefined, datatype: 'multivaluelist', required: false, order: 3, values: [...bins.values, { key: 'hazard', name: '有害垃圾' }] });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ code: 'bin_kind', datatype: 'multivaluelist', required: false, order: 3 });
    expect(await codesOf(admin)).toEqual(['seen_at', 'bags', 'bin_kind']);

    const reordered = await admin.send('PUT', '/api/v1/case-categories/E0101/attribute-order', { codes: ['bin_kind', 'seen_at', 'bags'] });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json().items.map((a: { code: string; order: number }) => `${a.order}:${a.code}`)).toEqual(['1:bin_kind', '2:seen_at', '3:bags']);

    const service = await definition('E0101');
    expect(service.attributes.map((a: { code: string }) => a.code)).toEqual(['bin_kind', 'seen_at', 'bags']);
    expect(service.attributes[0]).toMatchObject({ datatype: 'multivaluelist', description: '垃圾桶类型', order: 1 });
    expect(service.attributes[0].values).toContainEqual({ key: 'hazard', name: '有害垃圾' });

    expect((await admin.send('DELETE', `${base}/seen_at`)).statusCode).toBe(204);
    expect((await admin.get(base)).json().items.map((a: { code: string; order: number }) => `${a.order}:${a.code}`)).toEqual(['1:bin_kind', '2:bags']);
    expect((await definition('E0101')).attributes.map((a: { code: string }) => a.code)).toEqual(['bin_kind', 'bags']);

    const audit = await ctx.database.db.selectFrom('audit_log').select(['action', 'target_id', 'detail']).where('action', 'like', 'category.attribute%').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'category.attribute_create', 'category.attribute_create', 'category.attribute_create', 'category.attribute_update', 'category.attribute_reorder', 'category.attribute_delete',
    ]);
    expect(audit.every((a) => a.target_id === 'E0101')).toBe(true);
  });

  it('the seeded fields of 井盖 can be edited in place, and every signed-in role may read them', async () => {
    const admin = await loginAs(ctx, { role: 'admin', scopeCode: county });
    const url = '/api/v1/case-categories/C0101/attributes';
    expect(await codesOf(admin, url)).toEqual(['cover_type', 'damage', 'count']);
    const res = await admin.send('PUT', `${url}/count`, { datatype: 'number', description: '涉及井盖数量（个）', order: 1 });
    expect(res.json()).toMatchObject({ description: '涉及井盖数量（个）', order: 1 });
    expect(await codesOf(admin, url)).toEqual(['count', 'cover_type', 'damage']);
    const citizen = await loginAs(ctx, { role: 'citizen', scopeCode: county });
    expect(await codesOf(citizen, url)).toEqual(['count', 'cover_type', 'damage']);
  });

  it('401 without a session, 403 for roles that do not edit categories', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: base })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'POST', url: base, payload: bins })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'DELETE', url: `${base}/bin_kind` })).statusCode).toBe(401);
    for (const role of ['dispatcher', 'grid_worker'] as const) {
      const other = await loginAs(ctx, { role, scopeCode: role === 'grid_worker' ? '370303001001001' : chezhan });
      expect(problemCode(await other.send('POST', base, bins))).toBe('access.forbidden');
      expect(problemCode(await other.send('PUT', '/api/v1/case-categories/S0501/attributes/period', { datatype: 'string', description: 'x' }))).toBe('access.forbidden');
      expect(problemCode(await other.send('DELETE', '/api/v1/case-categories/S0501/attributes/period'))).toBe('access.forbidden');
      expect(problemCode(await other.send('PUT', '/api/v1/case-categories/S0501/attribute-order', { codes: ['source', 'period', 'first_noticed', 'night_work_notice'] }))).toBe('access.forbidden');
    }
    const admin = await loginAs(ctx, { role: 'data_admin', scopeCode: county });
    expect(await codesOf(admin, '/api/v1/case-categories/S0501/attributes')).toEqual(['period', 'source', 'first_noticed', 'night_work_notice']);
  });

  it('400 with stable codes for bad input; 404 for what does not exist', async () => {
    const admin = await loginAs(ctx, { role: 'data_admin', scopeCode: county });
    const url = '/api/v1/case-categories/E0102/attributes';
    const post = (body: Record<string, unknown>) => admin.send('POST', url, { ...bins, ...body });

    const badCode = await post({ code: 'Bin-Kind' });
    expect(badCode.statusCode).toBe(400);
    expect(problemCode(badCode)).toBe('request.invalid');
    expect(fieldCodes(badCode)).toEqual(['attribute_code.format']);
    const badType = await post({ datatype: 'boolean' });
    expect(problemCode(badType)).toBe('request.invalid');
    expect(fieldCodes(badType)).toEqual(['attribute.datatype']);
    expect(fieldCodes(await post({ values: [{ key: 'a b', name: '甲' }] }))).toEqual(['attribute_key.format']);
    expect(problemCode(await post({ description: '  ' }))).toBe('request.invalid');

    const noValues = await post({ values: [] });
    expect(noValues.statusCode).toBe(400);
    expect(problemCode(noValues)).toBe('case.attribute_values_required');
    expect(problemCode(await post({ datatype: 'string' }))).toBe('case.attribute_values_unexpected');
    expect(problemCode(await post({ values: [{ key: 'a', name: '甲' }, { key: 'a', name: '乙' }] }))).toBe('case.attribute_value_twice');
    expect(problemCode(await post({ variable: false, required: true }))).toBe('case.attribute_info_required');

    expect((await post({})).statusCode).toBe(201);
    const twice = await post({});
    expect(twice.statusCode).toBe(400);
    expect(problemCode(twice)).toBe('case.attribute_exists');
    expect(twice.json().detail).toContain('bin_kind');

    expect(problemCode(await admin.send('PUT', '/api/v1/case-categories/E0102/attribute-order', { codes: ['nope'] }))).toBe('case.attribute_order');
    expect(problemCode(await admin.send('PUT', '/api/v1/case-categories/E0102/attribute-order', { codes: ['bin_kind', 'bin_kind'] }))).toBe('case.attribute_order');
    // a major class is never reported, so it takes no fields
    expect(problemCode(await admin.send('POST', '/api/v1/case-categories/E01/attributes', bins))).toBe('case.category_major');
    expect((await admin.send('POST', '/api/v1/case-categories/X01/attributes', bins)).statusCode).toBe(400);

    const missing = await admin.send('PUT', `${url}/nothing_here`, { datatype: 'number', description: '数量' });
    expect(missing.statusCode).toBe(404);
    expect(problemCode(missing)).toBe('case.attribute_not_found');
    expect(problemCode(await admin.send('DELETE', `${url}/nothing_here`))).toBe('case.attribute_not_found');
    expect(problemCode(await admin.get('/api/v1/case-categories/E0199/attributes'))).toBe('case.category_unknown');
    // nothing of the refused requests was written
    expect(await codesOf(admin, url)).toEqual(['bin_kind']);
  });
});

describe('answers to the extra fields in a report (POST /cases)', () => {
  it('are checked and kept typed in the first timeline row; a report without them is not asked for them', async () => {
    const grid = '370303001001001';
    const worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: grid });
    const here = await pointIn(ctx, grid);
    const body = { categoryCode: 'C0101', description: '测试：附加项上报，井盖缺失', ...here };
    const made = await report(worker, { ...body, attributes: { cover_type: 'rain', damage: 'missing', count: '2' } });
    expect(made.statusCode).toBe(201);
    const detail = (await worker.get(`/api/v1/cases/${made.json().id}`)).json();
    expect(detail.timeline[0].detail.attributes).toEqual({ cover_type: 'rain', damage: 'missing', count: 2 });

    const wrong = await report(worker, { ...body, attributes: { cover_type: 'lava', count: 'two', colour: 'red' } });
    expect(wrong.statusCode).toBe(400);
    expect(problemCode(wrong)).toBe('open311.attributes_invalid');
    expect(wrong.json().errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`).sort()).toEqual([
      'attribute[colour] open311.attribute_unknown', 'attribute[count] open311.attribute_number', 'attribute[cover_type] open311.attribute_choice', 'attribute[damage] open311.attribute_required',
    ]);
    expect((await report(worker, { ...body, attributes: { cover_type: 5 } })).statusCode).toBe(400);

    const plain = await report(worker, body);
    expect(plain.statusCode).toBe(201);
    expect((await worker.get(`/api/v1/cases/${plain.json().id}`)).json().timeline[0].detail).not.toHaveProperty('attributes');
  });
});
