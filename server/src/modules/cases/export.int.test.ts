import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { beforeAll, describe, expect, it } from 'vitest';
import { rolePermissions, type Principal } from '../../platform/access.js';
import { chezhan, county, createUser, gongyuan, loginAs, problemCode, useTestApp, type Client } from '../../test/harness.js';
import { openWorkbook, sheetRows } from '../../test/workbooks.js';
import { exportCases } from './export.service.js';
import { act, loopActors, pointIn, report } from './test-helpers.js';

const ctx = useTestApp();
const grid = '370303001001001';
const otherGrid = '370303002001001';
let worker: Client;
let dispatcher: Client;
let zf: string;
let here: { lng: number; lat: number };

const rows = async (res: { rawPayload: Buffer }) => sheetRows((await openWorkbook(res)).worksheets[0]!);

beforeAll(async () => {
  ({ worker, dispatcher, zf, here } = await loopActors(ctx, grid));
  for (let i = 0; i < 5; i++) await report(worker, { categoryCode: 'E0101', description: `车站街道导出测试第${i + 1}件：垃圾堆放`, ...here });
  const id = (await report(worker, { categoryCode: 'E0101', description: '车站街道导出测试：已派遣的一件', ...here })).json().id as string;
  await act(dispatcher, id, { action: 'register' });
  await act(dispatcher, id, { action: 'dispatch', leadUnitId: zf });
  const citizen = await loginAs(ctx, { role: 'citizen', scopeCode: county });
  await report(citizen, { categoryCode: 'E0101', description: '公园街道导出测试：另一条街道的案件', ...(await pointIn(ctx, otherGrid)) });
});

describe('exporting the case list to Excel', () => {
  it('401 without a session, 403 for citizens and grid workers, 400 for a bad filter', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/cases/export' })).statusCode).toBe(401);
    const citizen = await loginAs(ctx, { role: 'citizen', scopeCode: county });
    expect(problemCode(await citizen.get('/api/v1/cases/export'))).toBe('access.forbidden');
    expect((await worker.get('/api/v1/cases/export')).statusCode).toBe(403);
    const bad = await dispatcher.get('/api/v1/cases/export?from=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('holds what the list finds, with Chinese headers and names, and never another street’s cases', async () => {
    const leader = await loginAs(ctx, { role: 'leader', scopeCode: chezhan });
    const list = (await leader.get('/api/v1/cases?pageSize=200')).json();
    const res = await leader.get('/api/v1/cases/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('案件清单_'));
    const sheet = await rows(res);
    expect(sheet.length).toBe(list.total);
    const numbers = new Set(sheet.map((r) => r['案件编号']));
    expect(list.items.every((i: { number: string }) => numbers.has(i.number))).toBe(true);
    expect(sheet.every((r) => r['街道（乡镇）'] === '车站街道')).toBe(true);
    expect(sheet.some((r) => String(r['问题描述']).startsWith('公园街道'))).toBe(false);
    const sent = sheet.find((r) => r['问题描述'] === '车站街道导出测试：已派遣的一件')!;
    expect(sent).toMatchObject({ 状态: '待签收', 是否超期: '否', 问题类别: '暴露垃圾', 来源: '网格员上报', 当前环节: '处置' });
    expect(String(sent['主办单位'])).toContain('执法');
    expect(sent['上报时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // the region of another street finds nothing, as in the list
    expect(await rows(await leader.get(`/api/v1/cases/export?region=${gongyuan}`))).toEqual([]);
    // filters narrow it like the list's
    const waiting = await rows(await dispatcher.get('/api/v1/cases/export?state=reported&q=' + encodeURIComponent('导出测试')));
    expect(waiting.length).toBe(6);
    expect(waiting.every((r) => r['状态'] === '待受理')).toBe(true);
    const audit = await ctx.database.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'case.export').execute();
    expect(audit.some((a) => a.detail.region === gongyuan)).toBe(true);
  });

  it('pages through the cases without losing or repeating one', async () => {
    const user = await createUser(ctx, { role: 'leader', scopeCode: county });
    const leader: Principal = { kind: 'user', id: user.id, name: user.username, displayName: '领导', role: 'leader', scopeCode: county, unitId: null, permissions: new Set(rolePermissions.leader) };
    const out = new PassThrough();
    const [written, bytes] = await Promise.all([exportCases(ctx.database.db, leader, {}, out, '127.0.0.1', 97), buffer(out)]);
    const numbers = (await rows({ rawPayload: bytes })).map((r) => r['案件编号']);
    const all = (await ctx.database.db.selectFrom('cases').select('number').orderBy('reported_at', 'desc').execute()).map((c) => c.number);
    expect(written).toBe(all.length);
    expect(new Set(numbers).size).toBe(all.length);
    expect([...numbers].sort()).toEqual([...all].sort());
  });
});
