import { beforeAll, describe, expect, it } from 'vitest';
import { chezhan, county, loginAs, problemCode, useTestApp, type Client } from '../../test/harness.js';
import { act, pointIn, report, unitId } from '../cases/test-helpers.js';
import { retrain, retrainIfDue } from './manage.service.js';
import { currentClassifier } from './models.service.js';

const ctx = useTestApp();
const grid = '370303001001001';
const housing = '小区房屋外墙开裂，楼顶漏水，开发商一直拖着不维修，房产证也办不下来。';
let admin: Client;

beforeAll(async () => {
  await currentClassifier(ctx.database.db);
  admin = await loginAs(ctx, { role: 'data_admin', scopeCode: county });
}, 120_000);

describe('classifier settings (智能分拨设置)', () => {
  it('401 without a session; 403 for a dispatcher and for a street’s data administrator', async () => {
    const none = await ctx.app.inject({ method: 'GET', url: '/api/v1/classify/settings' });
    expect(none.statusCode).toBe(401);
    const dispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
    expect(problemCode(await dispatcher.send('PUT', '/api/v1/classify/settings', { autoDispatchThreshold: 0.9 }))).toBe('access.forbidden');
    const street = await loginAs(ctx, { role: 'data_admin', scopeCode: chezhan });
    expect((await street.get('/api/v1/classify/settings')).statusCode).toBe(403);
    expect((await street.get('/api/v1/classify/models')).statusCode).toBe(403);
  });

  it('starts with no automatic dispatch; a change is kept, named and audited', async () => {
    expect((await admin.get('/api/v1/classify/settings')).json()).toMatchObject({ autoDispatchThreshold: null, retrainIntervalHours: 168, retrainMinCorrections: 20, updatedBy: null });
    const res = await admin.send('PUT', '/api/v1/classify/settings', { autoDispatchThreshold: 0.9, retrainMinCorrections: 5 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ autoDispatchThreshold: 0.9, retrainIntervalHours: 168, retrainMinCorrections: 5 });
    expect(res.json().updatedBy).not.toBeNull();
    const audit = await ctx.database.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'classifier.settings').execute();
    expect(audit).toHaveLength(1);
    // null turns automatic dispatch off again
    expect((await admin.send('PUT', '/api/v1/classify/settings', { autoDispatchThreshold: null })).json().autoDispatchThreshold).toBeNull();
  });

  it('refuses a threshold below 0.5, an empty change and unknown fields, with codes a person can read', async () => {
    const low = await admin.send('PUT', '/api/v1/classify/settings', { autoDispatchThreshold: 0.3 });
    expect(low.statusCode).toBe(400);
    expect(low.json().errors[0]).toMatchObject({ path: 'autoDispatchThreshold', code: 'classifier.threshold' });
    expect(low.json().errors[0].message).toContain('0.5');
    const empty = await admin.send('PUT', '/api/v1/classify/settings', {});
    expect(empty.statusCode).toBe(400);
    expect((await admin.send('PUT', '/api/v1/classify/settings', { retrainIntervalHours: 0 })).json().errors[0].code).toBe('classifier.interval');
    expect((await admin.send('PUT', '/api/v1/classify/settings', { threshold: 0.9 })).statusCode).toBe(400);
    // nothing of the refused changes was kept
    expect((await admin.get('/api/v1/classify/settings')).json()).toMatchObject({ autoDispatchThreshold: null, retrainIntervalHours: 168 });
  });
});

describe('dispatchers’ choices and retraining', () => {
  it('keeps a dispatcher’s choice of department, marked as a correction when it differs from the model', async () => {
    const worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: grid });
    const dispatcher = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
    const here = await pointIn(ctx, grid);
    const send = async (unitCode: string) => {
      const id = (await report(worker, { categoryCode: 'C0101', description: housing, ...here })).json().id as string;
      expect((await act(dispatcher, id, { action: 'register' })).statusCode).toBe(200);
      expect((await act(dispatcher, id, { action: 'dispatch', leadUnitId: await unitId(ctx, unitCode), assistUnitIds: [] })).statusCode).toBe(200);
      return id;
    };
    const agreed = await send('370303-ZJ');
    const corrected = await send('370303-JT');
    const rows = await ctx.database.db.selectFrom('classifier_corrections').selectAll().orderBy('chosen_at').execute();
    expect(rows.map((r) => [r.case_id, r.suggested_label, r.chosen_label, r.agreed])).toEqual([
      [agreed, '城乡建设', '城乡建设', true],
      [corrected, '城乡建设', '交通运输', false],
    ]);
    const models = (await admin.get('/api/v1/classify/models')).json();
    expect(models).toMatchObject({ correctionsSinceCurrent: 1, choicesKept: 2, training: false });
    expect(models.items).toHaveLength(1);
  });

  it('a scheduled retraining waits for its interval and enough corrections', async () => {
    // five corrections needed (set above), one made
    const later = new Date(Date.now() + 200 * 3600_000);
    expect(await retrainIfDue(ctx.database.db, later)).toBeNull();
    expect((await admin.send('PUT', '/api/v1/classify/settings', { retrainMinCorrections: 1 })).statusCode).toBe(200);
    expect(await retrainIfDue(ctx.database.db, new Date())).toBeNull(); // not a week yet
  });

  it('retrains on request with the dispatchers’ choices, scoring both models on the same held-out messages; one training at a time', async () => {
    const handler = await loginAs(ctx, { role: 'dispatcher', scopeCode: county });
    expect((await handler.send('POST', '/api/v1/classify/models')).statusCode).toBe(403);
    const busy = retrain(ctx.database.db, { id: null, name: 'test' });
    const refused = await admin.send('POST', '/api/v1/classify/models');
    expect(refused.statusCode).toBe(409);
    expect(problemCode(refused)).toBe('classifier.training_busy');
    const first = await busy;
    expect(first.metrics.corrections).toEqual({ train: expect.any(Number), heldOut: expect.any(Number) });
    expect(first.metrics.previousHeldOut?.macroF1).toBeGreaterThan(0.85);

    const res = await admin.send('POST', '/api/v1/classify/models');
    expect(res.statusCode).toBe(201);
    const model = res.json();
    expect(model.source).toMatch(/train\.csv \+ 2 条派遣记录/);
    expect(model.heldOutMacroF1).toBeGreaterThan(0.85);
    expect(model.previousMacroF1).not.toBeNull();
    // kept either way; current only when at least as good as the model it was compared with
    expect(model.current).toBe(model.heldOutMacroF1 >= model.previousMacroF1);
    const list = (await admin.get('/api/v1/classify/models')).json();
    expect(list.items).toHaveLength(3);
    expect(list.items.filter((m: { current: boolean }) => m.current)).toHaveLength(1);
  }, 180_000);
});
