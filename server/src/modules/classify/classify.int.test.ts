import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { county, createUser, login, loginAs, problemCode, useTestApp } from '../../test/harness.js';
import { pointIn, report, unitId } from '../cases/test-helpers.js';
import { classifyCsvFile } from './classify-cli.js';
import { currentClassifier, trainModel } from './models.service.js';
import { readTrainingCsv } from './training-data.js';

const ctx = useTestApp();
// In the training data 电梯 (lifts) complaints are mostly 商贸旅游 (lift safety is market supervision's),
// so the housing example is about the building itself.
const housing = '小区房屋外墙开裂，楼顶漏水，开发商一直拖着不维修，房产证也办不下来。';
const school = '孩子所在的小学强制学生在校外培训机构补课，老师还收取补课费，家长意见很大。';

// The test database has no model: the first use trains one from server/data/messages/train.csv
// (the full file, ~10–20 s) and stores it; every later call in this file reuses it.
beforeAll(async () => {
  await currentClassifier(ctx.database.db);
}, 120_000);

const withKey = (secret: string, payload: object) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/classify', headers: { authorization: `Bearer ${secret}` }, payload });

async function apiKey(permissions: string[]) {
  const admin = await loginAs(ctx, { role: 'admin', scopeCode: county });
  const res = await admin.send('POST', '/api/v1/api-keys', { name: `分类测试 ${permissions.join(',')}`, scopeCode: county, permissions });
  expect(res.statusCode).toBe(201);
  return res.json().secret as string;
}

describe('POST /api/v1/classify', () => {
  it('answers 401 without a session or key', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/classify', payload: { text: housing } });
    expect(res.statusCode).toBe(401);
    expect(problemCode(res)).toBe('auth.required');
  });

  it('labels a housing complaint 城乡建设 (住建) and a school complaint 教育文体, for a citizen', async () => {
    const citizen = await loginAs(ctx, { role: 'citizen', scopeCode: county });
    const res = await citizen.send('POST', '/api/v1/classify', { text: housing });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.label).toBe('城乡建设');
    expect(body.unit).toEqual({ key: 'ZJ', name: '住建' });
    expect(body.confidence).toBeGreaterThan(0.5);
    expect(body.alternatives).toHaveLength(3);
    expect(body.alternatives.every((a: { confidence: number }) => a.confidence <= body.confidence)).toBe(true);
    expect(body.alternatives.map((a: { label: string }) => a.label)).not.toContain('城乡建设');

    const edu = (await citizen.send('POST', '/api/v1/classify', { text: school })).json();
    expect(edu.label).toBe('教育文体');
    expect(edu.unit).toEqual({ key: 'JY', name: '教育体育' });
    expect(edu.modelId).toBe(body.modelId);
  });

  it('answers staff roles too (a dispatcher and a department handler)', async () => {
    const dispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
    expect((await dispatcher.send('POST', '/api/v1/classify', { text: school })).statusCode).toBe(200);
    const unit = await ctx.database.db.selectFrom('units').select('id').where('code', '=', '370303-JY').executeTakeFirstOrThrow();
    const handler = await login(ctx, await createUser(ctx, { role: 'handler', scopeCode: county, unitId: unit.id }));
    expect((await handler.send('POST', '/api/v1/classify', { text: school })).statusCode).toBe(200);
  });

  it('answers an API key with case:classify, and 403 to a key without it', async () => {
    const allowed = await withKey(await apiKey(['case:classify']), { text: housing });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().label).toBe('城乡建设');
    const denied = await withKey(await apiKey(['grid:read']), { text: housing });
    expect(denied.statusCode).toBe(403);
    expect(problemCode(denied)).toBe('access.forbidden');
  });

  it('refuses empty and too long text with a field code, in Chinese and English', async () => {
    const citizen = await loginAs(ctx, { role: 'citizen', scopeCode: county });
    const empty = await citizen.send('POST', '/api/v1/classify', { text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(problemCode(empty)).toBe('request.invalid');
    expect(empty.json().errors).toEqual([{ path: 'text', code: 'classify.text_empty', message: '请填写要分类的文字' }]);

    const long = await citizen.request({ method: 'POST', url: '/api/v1/classify?lang=en', payload: { text: '小区'.repeat(1001) }, headers: { 'x-csrf-token': citizen.csrfToken } });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0]).toMatchObject({ path: 'text', code: 'classify.text_too_long', message: 'the text to classify may not exceed 2,000 characters' });
    // exactly 2,000 characters (after trimming) is allowed
    expect((await citizen.send('POST', '/api/v1/classify', { text: ` ${'小区'.repeat(1000)} ` })).statusCode).toBe(200);
    expect((await citizen.send('POST', '/api/v1/classify', {})).statusCode).toBe(400);
    expect((await citizen.send('POST', '/api/v1/classify', { text: 42 })).statusCode).toBe(400);
  });
});

describe('the text classifier beside a report, for the dispatcher', () => {
  const grid = '370303001001001';
  it('shows a dispatcher its label, confidence and the unit in the case’s county, and shows nothing to the reporter', async () => {
    const worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: grid });
    const dispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
    const created = await report(worker, { categoryCode: 'C0501', description: housing, ...(await pointIn(ctx, grid)) });
    expect(created.statusCode).toBe(201);
    const seen = (await dispatcher.get(`/api/v1/cases/${created.json().id}`)).json();
    expect(seen.textSuggestion).toMatchObject({ label: '城乡建设', confidence: expect.any(Number), unit: { id: await unitId(ctx, '370303-ZJ'), name: expect.stringContaining('住房和城乡建设') } });
    expect((await worker.get(`/api/v1/cases/${created.json().id}`)).json().textSuggestion).toBeNull();
  });
});

describe('classification models in the database', () => {
  it('stored the first model as current, with its held-out figures', async () => {
    const rows = await ctx.database.db.selectFrom('classifier_models').select(['id', 'is_current', 'labels', 'metrics', 'trained_by']).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ is_current: true, trained_by: 'system' });
    expect(rows[0]!.labels).toHaveLength(7);
    expect((rows[0]!.metrics as { heldOut: { macroF1: number } }).heldOut.macroF1).toBeGreaterThan(0.85);
  });

  it('keeps the current model when a retrained one scores worse, and stores the worse one for the record', async () => {
    const before = await currentClassifier(ctx.database.db);
    // a few messages per label: a much weaker model
    const seen = new Map<string, number>();
    const few = readTrainingCsv().filter((e) => (seen.set(e.label, (seen.get(e.label) ?? 0) + 1).get(e.label) ?? 0) <= 15);
    const worse = await trainModel(ctx.database.db, few, { id: null, name: 'test' }, { source: 'few.csv' });
    expect(worse.current).toBe(false);
    expect(worse.choice.reason).toBe('worse');
    expect((await currentClassifier(ctx.database.db)).id).toBe(before.id);
    const count = await ctx.database.db.selectFrom('classifier_models').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });
});

describe('gongzhi classify --csv', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-classify-'));

  it('writes the rows back with label and confidence columns, from a GBK file', async () => {
    const file = path.join(dir, '留言.csv');
    const csv = `id,text\r\n1,${housing.replaceAll('，', ' ')}\r\n2,"${school}"\r\n3,\r\n`;
    fs.writeFileSync(file, iconv.encode(csv, 'gbk'));
    const result = await classifyCsvFile(ctx.database.db, { file });
    expect(result).toMatchObject({ rows: 3, empty: 1, encoding: 'gb18030', out: path.join(dir, '留言.classified.csv') });
    const lines = fs.readFileSync(result.out, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,text,label,confidence');
    expect(lines[1]).toMatch(/^1,.*,城乡建设,0\.\d{4}$/);
    expect(lines[2]).toMatch(/^2,孩子.*,教育文体,0\.\d{4}$/); // a full-width comma needs no quotes
    expect(lines[3]).toBe('3,,,');
  });

  it('replaces an existing label column instead of adding a second one, and refuses a file without text', async () => {
    const file = path.join(dir, 'labelled.csv');
    fs.writeFileSync(file, `text,label\n${school},城乡建设\n`);
    const out = path.join(dir, 'out.csv');
    await classifyCsvFile(ctx.database.db, { file, out });
    expect(fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').split('\r\n').slice(0, 2)).toEqual(['text,label,confidence', expect.stringMatching(/,教育文体,0\.\d{4}$/)]);
    fs.writeFileSync(file, 'message\n小区停水\n');
    await expect(classifyCsvFile(ctx.database.db, { file })).rejects.toThrow(/text/);
  });
});
