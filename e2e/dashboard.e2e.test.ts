import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { account, apiOf, desktop, exportedSheet, pointInGrid, screenshot, signInWithPassword, startServer, type E2EServer } from './harness.js';

/**
 * 驾驶舱: the leader lands on the dashboard (key figures, trend, map, rankings), drills from the
 * district into a street on the map, sees a grid worker's new report arrive in the live feed without
 * reloading, and opens the big screen on a 1920×1080 wall.
 */
let server: E2EServer;
let leader: Page;
let current: Page;
const until = { timeout: 60_000, interval: 500 };
const description = `驾驶舱测试：人行道井盖缺失，行人容易踩空 ${Date.now()}`;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.stop());
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && current) await screenshot(current, `failed-dashboard-${task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
});

const rowsOf = (page: Page) => page.locator('[data-testid=rankings-table] .ant-table-row');
const canvasIn = (page: Page, testId: string) => page.locator(`[data-testid=${testId}] canvas`).first();

describe('驾驶舱', () => {
  it('the leader lands on 驾驶舱: tiles with numbers, the trend chart, the map and the streets ranked', async () => {
    leader = current = await signInWithPassword(server, 'leader', desktop);
    await expect.poll(() => leader.evaluate(() => window.location.hash), until).toBe('#/dashboard');
    await leader.getByRole('menuitem', { name: '驾驶舱' }).click();
    for (const tile of ['new-today', 'open-now', 'overdue-now', 'closed-today']) {
      await expect.poll(() => leader.locator(`[data-testid=tile-${tile}] [data-testid=tile-value]`).textContent(), until).toMatch(/^\d[\d,]*$/);
    }
    await expect.poll(() => leader.locator('[data-testid=tile-on-time] [data-testid=tile-value]').textContent(), until).toMatch(/^\d+\.\d%$/);
    await canvasIn(leader, 'trend-chart').waitFor();
    await canvasIn(leader, 'category-chart').waitFor();
    await canvasIn(leader, 'dashboard-map').waitFor();
    await expect.poll(() => leader.getByTestId('dashboard-map-legend').textContent(), until).toContain('≤');
    // the whole district: its 13 streets, ten to a page
    await expect.poll(() => rowsOf(leader).count(), until).toBe(10);
    await expect(leader.getByTestId('rankings-table').textContent()).resolves.toMatch(/街道/);
    // the units ranked by name (the departments and offices that led the period's cases)
    await leader.getByRole('tab', { name: '承办单位' }).click();
    await expect.poll(() => leader.getByTestId('rankings-table').textContent(), until).toMatch(/局|办事处|居委会/);
    await expect(leader.getByTestId('rankings-table').textContent()).resolves.not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    await leader.getByRole('tab', { name: '下级区域' }).click();
    await expect.poll(() => rowsOf(leader).count(), until).toBe(10);
    await leader.waitForTimeout(1000);
    await screenshot(leader, 'dashboard-1-district');
  });

  it('makes last week’s Excel report of the district and downloads it', async () => {
    await leader.getByTestId('make-weekly').click();
    const link = leader.locator('[data-testid=reports] a').filter({ hasText: '网格化治理周报' }).first();
    await expect.poll(() => link.count(), until).toBe(1);
    const download = await leader.request.get(`${server.url}${await link.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('spreadsheetml');
    expect((await download.body()).subarray(0, 2).toString()).toBe('PK'); // a zip: an .xlsx
    await link.scrollIntoViewIfNeeded();
    await screenshot(leader, 'dashboard-1b-reports');
    await leader.getByTestId('dashboard').evaluate((el) => el.scrollTo(0, 0)); // the map again in view for the next step
  });

  it('exports the rankings to Excel: every street, not just the page shown, with counts as numbers', async () => {
    current = leader;
    const sheet = await exportedSheet(leader, 'export-rankings', 3);
    expect(sheet.fileName).toMatch(/^综合评价.*_\d{8}\.xlsx$/);
    expect(sheet.rows.length).toBe(13);
    const shown = (await rowsOf(leader).first().locator('td').first().textContent())!;
    const row = sheet.rows.find((r) => r['名称'] === shown)!;
    expect(typeof row['上报']).toBe('number');
    expect(String(row['按期结案率'] ?? '')).toMatch(/^(\d+(\.\d)?%)?$/);
  });

  it('a click on the map drills into a street; the breadcrumb leads back to the district', async () => {
    const breadcrumb = leader.getByTestId('dashboard-breadcrumb').locator('.ant-breadcrumb-link');
    await expect(breadcrumb.count()).resolves.toBe(1);
    const box = (await canvasIn(leader, 'dashboard-map').boundingBox())!;
    await leader.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => breadcrumb.count(), until).toBe(2);
    await expect.poll(() => leader.getByTestId('dashboard-breadcrumb').textContent(), until).toMatch(/街道|镇/);
    // the rankings now list the street's communities
    await expect.poll(() => leader.getByTestId('rankings-table').textContent(), until).toMatch(/社区|村/);
    await leader.waitForTimeout(800);
    await screenshot(leader, 'dashboard-2-street');
    // within a street the grid workers are ranked too
    await leader.getByRole('tab', { name: '网格员' }).click();
    await expect.poll(() => rowsOf(leader).count(), until).toBeGreaterThan(0);
    await screenshot(leader, 'dashboard-2b-workers', true);
    await leader.getByRole('tab', { name: '下级区域' }).click();
    await breadcrumb.first().click();
    await expect.poll(() => breadcrumb.count(), until).toBe(1);
  });

  it('a grid worker’s report appears in the live feed without a reload', async () => {
    const worker = await signInWithPassword(server, 'gridworker');
    const [lng, lat] = await pointInGrid(server, worker, account(server, 'gridworker').scopeCode);
    const before = await leader.locator('[data-testid=tile-new-today] [data-testid=tile-value]').textContent();
    await (await apiOf(server, worker)).post('/cases', { categoryCode: 'E0101', description, lng, lat, photoIds: [] }, { 'idempotency-key': crypto.randomUUID() });
    await expect.poll(() => leader.getByTestId('feed-item').first().textContent(), until).toContain(description.slice(0, 20));
    await expect.poll(() => leader.locator('[data-testid=tile-new-today] [data-testid=tile-value]').textContent(), until).not.toBe(before);
    await screenshot(leader, 'dashboard-3-feed');
  });

  it('a click on a street’s count opens the cases behind it, as many as the figure said', async () => {
    current = leader;
    // the rankings are read when the page opens: open it afresh after the report made above
    await leader.reload();
    await expect.poll(() => rowsOf(leader).count(), until).toBeGreaterThan(0);
    const cell = rowsOf(leader).first().locator('td a').first();
    const figure = Number((await cell.textContent())!.replace(/,/g, ''));
    expect(figure).toBeGreaterThan(0);
    await cell.click();
    await leader.getByTestId('linked-filter').waitFor();
    await expect.poll(() => leader.locator('.ant-pagination-total-text').textContent(), until).toBe(`共 ${figure} 件`);
    await screenshot(leader, 'dashboard-6-cases-behind');
    // the list exports whole, with the same filters, from the server
    const sheet = await exportedSheet(leader, 'export-cases', 1);
    expect(sheet.fileName).toMatch(/^案件清单_\d{8}\.xlsx$/);
    expect(sheet.rows.length).toBe(figure);
    expect(new Set(sheet.rows.map((r) => r['街道（乡镇）'])).size).toBe(1);
  });

  it('the big screen fills a 1920×1080 wall in the dark', async () => {
    const wall = current = await signInWithPassword(server, 'leader', { ...desktop, viewport: { width: 1920, height: 1080 } });
    await wall.goto(`${server.url}/#/bigscreen`);
    await wall.getByTestId('bigscreen').waitFor();
    await expect(wall.getByTestId('user-name').count()).resolves.toBe(0);
    await expect.poll(() => wall.locator('[data-testid=tile-open-now] [data-testid=tile-value]').textContent(), until).toMatch(/^\d[\d,]*$/);
    for (const chart of ['trend-chart', 'category-chart', 'source-chart', 'dashboard-map']) await canvasIn(wall, chart).waitFor();
    await expect.poll(() => wall.getByTestId('dashboard-map-legend').textContent(), until).toContain('≤');
    await wall.waitForTimeout(1500);
    await screenshot(wall, 'dashboard-4-bigscreen');
    // in English too
    await wall.evaluate(() => localStorage.setItem('gongzhi.lang', 'en'));
    await wall.reload();
    await expect.poll(() => wall.getByTestId('tile-open-now').textContent(), until).toMatch(/^Open now\d/);
    await wall.waitForTimeout(1500);
    await screenshot(wall, 'dashboard-5-bigscreen-en');
  });
});
