import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { chezhan, county, gongyuan, loginAs, problemCode, useTestApp, type Client } from '../../test/harness.js';
import { openWorkbook, sheetRows } from '../../test/workbooks.js';
import { unitId } from '../cases/test-helpers.js';
import { lastMonth, lastWeek } from './periods.js';
import { makeScheduledReports } from './reports.service.js';

const ctx = useTestApp();
let leader: Client;
let streetLeader: Client;
let handler: Client;

beforeAll(async () => {
  leader = await loginAs(ctx, { role: 'leader', scopeCode: county });
  streetLeader = await loginAs(ctx, { role: 'leader', scopeCode: chezhan });
  handler = await loginAs(ctx, { role: 'handler', scopeCode: county, unitId: await unitId(ctx, '370303-ZF') });
});

describe('reports', () => {
  it('401 without a session, 403 without the figures, 400 for a bad request, 404 outside the jurisdiction', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/reports' })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/reports', payload: {} })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/reports/00000000-0000-4000-8000-000000000000/download' })).statusCode).toBe(401);
    const refused = await handler.send('POST', '/api/v1/reports', { kind: 'weekly' });
    expect(refused.statusCode).toBe(403);
    expect(problemCode(refused)).toBe('access.forbidden');
    expect((await handler.get('/api/v1/reports')).statusCode).toBe(403);

    const badKind = await leader.send('POST', '/api/v1/reports', { kind: 'daily' });
    expect(badKind.statusCode).toBe(400);
    const backwards = await leader.send('POST', '/api/v1/reports', { kind: 'custom', from: '2026-11-10', to: '2026-11-01' });
    expect(backwards.statusCode).toBe(400);
    expect(problemCode(backwards)).toBe('report.period');
    const noDates = await leader.send('POST', '/api/v1/reports', { kind: 'custom', from: '2026-11-01' });
    expect(noDates.statusCode).toBe(400);
    expect(problemCode(noDates)).toBe('report.custom_dates');
    expect((await leader.send('POST', '/api/v1/reports', { kind: 'custom', from: '2024-01-01', to: '2026-01-01' })).statusCode).toBe(400);
    expect(problemCode(await leader.send('POST', '/api/v1/reports', { kind: 'weekly', from: '2026-02-30' }))).toBe('report.period');

    const otherStreet = await streetLeader.send('POST', '/api/v1/reports', { kind: 'weekly', region: gongyuan });
    expect(otherStreet.statusCode).toBe(404);
    expect(problemCode(otherStreet)).toBe('region.not_found');
    expect(problemCode(await streetLeader.get(`/api/v1/reports?region=${gongyuan}`))).toBe('region.not_found');
    const theirs = await leader.send('POST', '/api/v1/reports', { kind: 'monthly', region: gongyuan });
    expect(theirs.statusCode).toBe(201);
    const download = await streetLeader.get(`/api/v1/reports/${theirs.json().id}/download`);
    expect(download.statusCode).toBe(404);
    expect(problemCode(download)).toBe('report.not_found');
    expect((await leader.get(`/api/v1/reports/${theirs.json().id}/download`)).statusCode).toBe(200);
    expect(problemCode(await leader.get('/api/v1/reports/00000000-0000-4000-8000-000000000000/download'))).toBe('report.not_found');
    expect(Object.keys((await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json().paths)).toEqual(expect.arrayContaining(['/api/v1/reports', '/api/v1/reports/{id}/download']));
  });

  it('the county’s weekly report: six sheets, 上报数 equal to the figures, the streets adding up to 合计', async () => {
    const week = lastWeek(new Date());
    const res = await leader.send('POST', '/api/v1/reports', { kind: 'weekly' });
    expect(res.statusCode).toBe(201);
    const report = res.json();
    expect(report).toMatchObject({ kind: 'weekly', region: county, regionName: '张店区', from: week.from, to: week.to, scheduled: false, sheetCount: 6 });
    expect(report.title).toMatch(/^张店区 \d{4}年第\d{1,2}周 \(\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}\) 网格化治理周报$/);

    const file = await leader.get(`/api/v1/reports/${report.id}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(report.fileName)}`);
    expect(report.fileName).toMatch(/^张店区_\d{4}年第\d+周_网格化治理周报\.xlsx$/);
    expect(file.rawPayload.length).toBe(report.size);

    const book = await openWorkbook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['概况', '分区域', '分类别', '分单位', '网格员', '趋势']);
    // 概况 carries the trend and the top categories as charts over the other sheets' cells
    const parts = await JSZip.loadAsync(file.rawPayload);
    expect(await parts.file('xl/charts/chart1.xml')!.async('string')).toContain("&#39;趋势&#39;!$A$3:$A$");
    expect(await parts.file('xl/charts/chart2.xml')!.async('string')).toContain("&#39;分类别&#39;!$B$3:$B$");
    const figures = (await leader.get(`/api/v1/stats/figures?from=${week.from}&to=${week.to}`)).json();
    expect(figures.totals.reported).toBeGreaterThan(0);
    const summary = book.getWorksheet('概况')!;
    expect(summary.getCell(1, 1).value).toBe(report.title);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const lines = sheetRows(summary, 3);
    const reported = lines.find((l) => l['项目'] === '上报数')!;
    expect(reported['本期']).toBe(figures.totals.reported);
    expect(reported['上期']).toBe(figures.previous.totals.reported);
    // every indicator, ratios as percentages
    expect(lines.map((l) => l['项目'])).toEqual(expect.arrayContaining(figures.definitions.map((d: { name: string }) => d.name)));
    const closure = summary.getRow(3 + 1 + lines.findIndex((l) => l['项目'] === '结案率'));
    expect(closure.getCell(3).numFmt).toBe('0.0%');
    expect(closure.getCell(3).value).toBeCloseTo(figures.indicators.closure_rate, 4);

    const regions = sheetRows(book.getWorksheet('分区域')!, 2);
    const total = regions.at(-1)!;
    const streets = regions.slice(0, -1);
    expect(total['区域代码']).toBe('合计');
    expect(streets.length).toBeGreaterThan(5);
    expect(streets.find((s) => s['区域代码'] === chezhan)?.['区域名称']).toBe('车站街道');
    for (const column of ['上报数', '立案数', '结案数', '在办数']) {
      expect(streets.reduce((n, s) => n + Number(s[column]), 0), column).toBe(total[column]);
    }
    expect(total['上报数']).toBe(figures.totals.reported);
    const trend = sheetRows(book.getWorksheet('趋势')!, 2);
    expect(trend.reduce((n, d) => n + Number(d['上报数']), 0)).toBe(figures.totals.reported);
    expect(sheetRows(book.getWorksheet('分类别')!, 2)[0]!['类别名称']).toMatch(/\p{Script=Han}/u);
    // grid workers per street (statsFigures ranks them within a street), every case once with the other channels
    const workers = sheetRows(book.getWorksheet('网格员')!, 2);
    expect(workers.some((w) => w['所属区域'] === '车站街道' && w['网格员'] !== '（其他渠道上报）')).toBe(true);
    expect(workers.reduce((n, w) => n + Number(w['上报数']), 0)).toBe(figures.totals.reported);

    const listed = (await leader.get('/api/v1/reports')).json().items;
    expect(listed.map((r: { id: string }) => r.id)).toContain(report.id);
  });

  it('the schedule makes last week’s and last month’s reports once, however often it runs', async () => {
    const db = ctx.database.db;
    const now = new Date();
    const [a, b] = await Promise.all([makeScheduledReports(db, now), makeScheduledReports(db, now)]);
    expect(a + b).toBeGreaterThan(2);
    expect(await makeScheduledReports(db, now)).toBe(0);
    const rows = await db.selectFrom('stat_reports').select(['kind', 'region_code', 'period_from', 'generated_by_name']).where('scheduled', '=', true).execute();
    expect(rows.length).toBe(a + b);
    expect(new Set(rows.map((r) => `${r.kind} ${r.region_code} ${String(r.period_from)}`)).size).toBe(rows.length);
    expect(rows.every((r) => r.generated_by_name === 'system')).toBe(true);
    expect(rows.filter((r) => r.region_code === county).map((r) => r.kind).sort()).toEqual(['monthly', 'weekly']);
    expect(rows.some((r) => r.region_code === chezhan)).toBe(true);

    // a street's leader lists the street's reports, the county's not among them
    const listed = (await streetLeader.get(`/api/v1/reports?kind=monthly`)).json().items as { region: string; from: string; scheduled: boolean }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((r) => r.region === chezhan && r.scheduled && r.from === lastMonth(now).from)).toBe(true);
  });
});
