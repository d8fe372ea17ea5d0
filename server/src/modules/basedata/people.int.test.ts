import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { chezhan, county, gongyuan, loginAs, problemCode, useTestApp, type Client } from '../../test/harness.js';
import { openWorkbook, sheetRows } from '../../test/workbooks.js';
import { idNumber, mobile, registerPerson } from './test-helpers.js';

const ctx = useTestApp();
const grid = '370303001001001';
const otherGrid = '370303001001002';
let worker: Client;
let dataAdmin: Client;

beforeAll(async () => {
  worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: grid });
  dataAdmin = await loginAs(ctx, { role: 'data_admin', scopeCode: county });
});

describe('registering people', () => {
  it('stores a person with the ID number and phone encrypted, shows them masked, and derives gender and birth date', async () => {
    const id = idNumber('19580312', '2');
    const phone = mobile();
    const res = await registerPerson(worker, { id_number: id, name: '王秀英', phone, person_type: 'huji', grid_code: grid });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'inserted', discrepancies: 0 });
    const person = (await worker.get(`/api/v1/basedata/people/${res.json().id}`)).json();
    expect(person).toMatchObject({ name: '王秀英', gender: '2', birthDate: '1958-03-12', idMasked: `${id.slice(0, 6)}********${id.slice(14)}`, phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}` });
    expect(JSON.stringify(person)).not.toContain(id);
    expect(JSON.stringify(person)).not.toContain(phone);
    expect(person.provenance.name).toMatchObject({ source: 'wangge', sourceName: '网格采集' });
    const stored = await ctx.database.db.selectFrom('people').select(['id_cipher', 'id_hash']).where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(stored.id_cipher.toString('latin1')).not.toContain(id);
    expect(stored.id_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses bad values with a message per field and writes nothing', async () => {
    const good = idNumber();
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const before = await ctx.database.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await registerPerson(worker, { id_number: wrongCheck, name: '', phone: '12345', person_type: 'nobody', grid_code: grid });
    expect(res.statusCode).toBe(400);
    expect(problemCode(res)).toBe('basedata.invalid');
    const codes = Object.fromEntries(res.json().errors.map((e: { path: string; code: string }) => [e.path, e.code]));
    expect(codes).toMatchObject({ 'values.id_number': 'basedata.value.id_check', 'values.name': 'basedata.value.required', 'values.phone': 'basedata.value.phone', 'values.person_type': 'basedata.value.choice' });
    expect(res.json().detail).toContain('校验码');
    const after = await ctx.database.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const mismatch = await registerPerson(worker, { id_number: idNumber('19900101', '1'), name: '李四', gender: '2', person_type: 'huji', grid_code: grid });
    expect(mismatch.json().errors[0]).toMatchObject({ path: 'values.gender', code: 'basedata.value.id_mismatch' });
  });

  it('files a person only in a grid of the writer’s jurisdiction', async () => {
    const res = await registerPerson(worker, { id_number: idNumber(), name: '赵六', person_type: 'huji', grid_code: otherGrid });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].code).toBe('basedata.value.grid_unknown');
    const none = await registerPerson(worker, { id_number: idNumber(), name: '赵六', person_type: 'huji' });
    expect(res.statusCode).toBe(400);
    expect(none.json().errors[0].code).toBe('basedata.value.place_required');
  });

  it('answers 401 without a session and 403 to roles that may not write or read', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/basedata/people' })).statusCode).toBe(401);
    const citizen = await loginAs(ctx, { role: 'citizen', scopeCode: county });
    expect((await citizen.get('/api/v1/basedata/people')).statusCode).toBe(403);
    const leader = await loginAs(ctx, { role: 'leader', scopeCode: county });
    expect((await registerPerson(leader, { id_number: idNumber(), name: '赵六', person_type: 'huji', grid_code: grid })).statusCode).toBe(403);
  });
});

describe('searching people', () => {
  const id = idNumber('19751120', '1');
  const phone = mobile();
  let personId: string;
  beforeAll(async () => {
    personId = (await registerPerson(worker, { id_number: id, name: '欧阳明远', phone, person_type: 'liudong', grid_code: grid })).json().id;
  });

  it('finds a person by part of the name, the full ID number or the phone', async () => {
    for (const q of ['欧阳', '明远', '欧阳明远', id, id.toLowerCase(), phone]) {
      const res = await worker.get(`/api/v1/basedata/people?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((p: { id: string }) => p.id)).toContain(personId);
    }
    expect((await worker.get(`/api/v1/basedata/people?q=${encodeURIComponent('远明')}`)).json().items).toHaveLength(0);
    expect((await worker.get('/api/v1/basedata/people?type=liudong')).json().items.every((p: { personType: string }) => p.personType === 'liudong')).toBe(true);
  });

  it('never finds or shows a person outside the jurisdiction', async () => {
    const neighbour = await loginAs(ctx, { role: 'grid_worker', scopeCode: otherGrid });
    const otherStreet = await loginAs(ctx, { role: 'leader', scopeCode: gongyuan });
    for (const client of [neighbour, otherStreet]) {
      for (const q of ['欧阳', id, phone]) expect((await client.get(`/api/v1/basedata/people?q=${encodeURIComponent(q)}`)).json().items).toHaveLength(0);
      const detail = await client.get(`/api/v1/basedata/people/${personId}`);
      expect(detail.statusCode).toBe(404);
      expect(problemCode(detail)).toBe('basedata.person_not_found');
    }
    const street = await loginAs(ctx, { role: 'leader', scopeCode: chezhan });
    expect((await street.get(`/api/v1/basedata/people/${personId}`)).statusCode).toBe(200);
    expect((await street.get(`/api/v1/basedata/people?region=${gongyuan}`)).statusCode).toBe(404);
  });

  it('shows the full ID number only with the permission and a reason, and records who looked', async () => {
    const denied = await worker.send('POST', `/api/v1/basedata/people/${personId}/reveal`, { field: 'id_number', reason: '核实身份' });
    expect(denied.statusCode).toBe(403);
    const noReason = await dataAdmin.send('POST', `/api/v1/basedata/people/${personId}/reveal`, { field: 'id_number', reason: '' });
    expect(noReason.statusCode).toBe(400);
    const shown = await dataAdmin.send('POST', `/api/v1/basedata/people/${personId}/reveal`, { field: 'id_number', reason: '办理低保核实身份' });
    expect(shown.json()).toEqual({ field: 'id_number', value: id });
    expect((await dataAdmin.send('POST', `/api/v1/basedata/people/${personId}/reveal`, { field: 'phone', reason: '电话回访' })).json().value).toBe(phone);
    const log = (await dataAdmin.get(`/api/v1/basedata/people/${personId}/reveals`)).json().items;
    expect(log.map((l: { field: string; reason: string }) => [l.field, l.reason])).toEqual([['phone', '电话回访'], ['id_number', '办理低保核实身份']]);
    expect((await worker.get(`/api/v1/basedata/people/${personId}/reveals`)).statusCode).toBe(403);
    const otherAdmin = await loginAs(ctx, { role: 'data_admin', scopeCode: gongyuan });
    expect((await otherAdmin.send('POST', `/api/v1/basedata/people/${personId}/reveal`, { field: 'id_number', reason: '核实' })).statusCode).toBe(404);
  });
});

describe('one value, one source (一数一源)', () => {
  it('keeps the police’s name against a grid worker’s and records the disagreement; the grid worker’s phone wins', async () => {
    const id = idNumber('19660606', '1');
    const created = await registerPerson(dataAdmin, { id_number: id, name: '张伟', person_type: 'huji', grid_code: grid }, 'gongan');
    expect(created.statusCode).toBe(201);
    const personId = created.json().id;
    const again = await registerPerson(worker, { id_number: id, name: '张玮', phone: mobile(), person_type: 'huji', grid_code: grid });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: personId, status: 'updated', discrepancies: 1 });
    const person = (await worker.get(`/api/v1/basedata/people/${personId}`)).json();
    expect(person.name).toBe('张伟');
    expect(person.provenance.name.source).toBe('gongan');
    expect(person.provenance.phone.source).toBe('wangge');
    const open = await ctx.database.db.selectFrom('discrepancies').selectAll().where('record_id', '=', personId).execute();
    expect(open.map((d) => [d.field, d.current_value, d.proposed_value, d.status])).toEqual([['name', '张伟', '张玮', 'open']]);
    // the same disagreement again is not recorded twice; the police's own value again changes nothing
    await registerPerson(worker, { id_number: id, name: '张玮', person_type: 'huji', grid_code: grid });
    expect(await ctx.database.db.selectFrom('discrepancies').select('id').where('record_id', '=', personId).execute()).toHaveLength(1);
    const same = await registerPerson(dataAdmin, { id_number: id, name: '张伟', person_type: 'huji', grid_code: grid }, 'gongan');
    expect(same.json().status).toBe('unchanged');
  });

  it('refuses an edit of a record someone changed meanwhile', async () => {
    const personId = (await registerPerson(worker, { id_number: idNumber(), name: '孙丽', person_type: 'changzhu', grid_code: grid })).json().id;
    const first = await worker.send('PATCH', `/api/v1/basedata/people/${personId}`, { version: 1, values: { phone: mobile() } });
    expect(first.json().status).toBe('updated');
    const stale = await worker.send('PATCH', `/api/v1/basedata/people/${personId}`, { version: 1, values: { phone: mobile() } });
    expect(stale.statusCode).toBe(409);
    expect(problemCode(stale)).toBe('basedata.stale');
  });
});

describe('extra fields and tags', () => {
  it('validates and keeps the values of a field an administrator defined, and refuses unknown fields', async () => {
    const field = await dataAdmin.send('POST', '/api/v1/basedata/fields', { entity: 'person', key: 'pet_kind', label: '饲养宠物', type: 'choice', options: [{ value: 'dog', label: '犬' }, { value: 'cat', label: '猫' }] });
    expect(field.statusCode).toBe(201);
    expect((await worker.send('POST', '/api/v1/basedata/fields', { entity: 'person', key: 'x1', label: 'x', type: 'text' })).statusCode).toBe(403);
    const bad = await registerPerson(worker, { id_number: idNumber(), name: '周杰', person_type: 'huji', grid_code: grid, pet_kind: '兔' });
    expect(bad.json().errors[0]).toMatchObject({ path: 'values.pet_kind', code: 'basedata.value.choice' });
    const ok = await registerPerson(worker, { id_number: idNumber(), name: '周杰', person_type: 'huji', grid_code: grid, pet_kind: '犬' });
    expect(ok.statusCode).toBe(201);
    expect((await worker.get(`/api/v1/basedata/people/${ok.json().id}`)).json().values.pet_kind).toBe('dog');
    expect(problemCode(await registerPerson(worker, { id_number: idNumber(), name: '周杰', person_type: 'huji', grid_code: grid, no_such: '1' }))).toBe('basedata.field_unknown');
    const fields = (await worker.get('/api/v1/basedata/fields?entity=person')).json().items;
    expect(fields.find((f: { key: string }) => f.key === 'pet_kind')).toMatchObject({ label: '饲养宠物', core: false });
    expect(fields.find((f: { key: string }) => f.key === 'name')).toMatchObject({ core: true, authority: 'gongan' });
  });

  it('tags a person with known group tags only', async () => {
    const personId = (await registerPerson(worker, { id_number: idNumber('19400101'), name: '刘桂兰', person_type: 'huji', grid_code: grid })).json().id;
    expect((await worker.send('PUT', `/api/v1/basedata/people/${personId}/tags`, { codes: ['elderly_alone', 'low_income'] })).statusCode).toBe(200);
    expect((await worker.get(`/api/v1/basedata/people/${personId}`)).json().tags).toEqual(['elderly_alone', 'low_income']);
    expect((await worker.get('/api/v1/basedata/people?tag=elderly_alone&pageSize=100')).json().items.map((p: { id: string }) => p.id)).toContain(personId);
    expect(problemCode(await worker.send('PUT', `/api/v1/basedata/people/${personId}/tags`, { codes: ['nonsense'] }))).toBe('basedata.tag_unknown');
  });
});

describe('visits (走访)', () => {
  it('stores a visit sent twice once, and refuses a different visit under the same id', async () => {
    const personId = (await registerPerson(worker, { id_number: idNumber(), name: '陈静', person_type: 'liudong', grid_code: grid })).json().id;
    const visit = { id: crypto.randomUUID(), targetType: 'person', targetId: personId, visitedAt: '2026-11-20T09:30:00+08:00', lng: 118.05, lat: 36.8, notes: '入户走访，了解租住情况' };
    const first = await worker.send('POST', '/api/v1/basedata/visits', visit);
    expect(first.statusCode).toBe(201);
    const again = await worker.send('POST', '/api/v1/basedata/visits', visit);
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toBe(false);
    expect((await worker.get(`/api/v1/basedata/people/${personId}`)).json().visits).toHaveLength(1);
    expect((await worker.send('POST', '/api/v1/basedata/visits', { ...visit, notes: '另一次' })).statusCode).toBe(409);
    const neighbour = await loginAs(ctx, { role: 'grid_worker', scopeCode: otherGrid });
    expect((await neighbour.send('POST', '/api/v1/basedata/visits', { ...visit, id: crypto.randomUUID() })).statusCode).toBe(404);
  });
});

describe('export to Excel', () => {
  it('exports masked numbers, full ones only with the permission and a reason, and audits both', async () => {
    const id = idNumber('19881212', '2');
    await registerPerson(worker, { id_number: id, name: '导出测试人', person_type: 'huji', grid_code: grid });
    const read = async (res: { rawPayload: Buffer }) => sheetRows((await openWorkbook(res)).worksheets[0]!);
    const masked = await dataAdmin.get(`/api/v1/basedata/export?q=${encodeURIComponent('导出测试人')}`);
    expect(masked.statusCode).toBe(200);
    expect(masked.headers['content-disposition']).toContain('.xlsx');
    const [row] = await read(masked);
    expect(row).toMatchObject({ 姓名: '导出测试人', 公民身份号码: `${id.slice(0, 6)}********${id.slice(14)}`, 性别: '女', 人员类型: '户籍人口' });
    expect((await dataAdmin.get(`/api/v1/basedata/export?q=${encodeURIComponent('导出测试人')}&full=true`)).statusCode).toBe(400);
    const full = await dataAdmin.get(`/api/v1/basedata/export?q=${encodeURIComponent('导出测试人')}&full=true&reason=${encodeURIComponent('低保资格核查')}`);
    expect((await read(full))[0]!['公民身份号码']).toBe(id);
    const leader = await loginAs(ctx, { role: 'leader', scopeCode: county });
    expect((await leader.get('/api/v1/basedata/export?full=true&reason=xx')).statusCode).toBe(403);
    expect((await worker.get('/api/v1/basedata/export')).statusCode).toBe(403);
    const audit = await ctx.database.db.selectFrom('audit_log').select(['action', 'detail']).where('action', 'like', 'person.export%').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['person.export', 'person.export_full']);
    expect(audit[1]!.detail.reason).toBe('低保资格核查');
  });
});
