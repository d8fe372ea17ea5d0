import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CategoryItem } from '../contracts/src/index.js';
import { categoryOptions } from '../web/src/pages/cases/categories.js';
import { account, pointInGrid, screenshot, signInOn, startServer, type E2EServer } from './harness.js';
import { makePng } from './png.js';

/**
 * The closed loop in the browser, with four people: a grid worker reports on a phone, the command centre
 * registers and dispatches, the department signs and reports back, a verifier closes, and the grid
 * worker rates the result.
 */
let server: E2EServer;
const contexts: BrowserContext[] = [];
let current: Page; // the page of whoever acts now (for the screenshot on failure)
let gridWorker: Page;
let caseNumber = '';
let caseId = '';
const until = { timeout: 20_000, interval: 250 };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-case-e2e-'));
const photo = (name: string, colour: [number, number, number]) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, makePng(160, 120, colour));
  return file;
};
const shot = screenshot;

const desktop: BrowserContextOptions = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const phone: BrowserContextOptions = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', permissions: ['geolocation'] };

async function signIn(username: string, options: BrowserContextOptions): Promise<Page> {
  const context = await server.browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  current = page;
  await signInOn(page, server, username);
  return page;
}

/** Opens 案件, the given tab, and the case's row (a table on a desk, a list on a phone). */
async function openFromInbox(page: Page, tab: string) {
  await page.getByRole('menuitem', { name: '案件' }).click();
  await page.getByRole('tab', { name: tab }).click();
  // the demo district has six months of cases: find ours by its number
  const search = page.getByPlaceholder('搜索编号、描述或地址');
  await search.fill(caseNumber);
  await search.press('Enter');
  const row = page.locator('.ant-table-row, [data-testid=case-item]').filter({ hasText: caseNumber });
  await row.first().waitFor({ timeout: 20_000 });
  return row.first();
}

const state = (page: Page) => page.getByTestId('case-state').textContent();
const timeline = (page: Page) => page.getByTestId('case-timeline').textContent();

/** Clicks an action button (its accessible name is the Chinese label) and submits its form. */
async function act(page: Page, label: string, fill?: (dialog: ReturnType<Page['locator']>) => Promise<void>) {
  await page.getByTestId('case-actions').getByRole('button', { name: label, exact: true }).click();
  const dialog = page.locator('.ant-modal-content').filter({ has: page.getByTestId('action-form') });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  await dialog.waitFor({ state: 'detached', timeout: 20_000 });
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && current) await shot(current, `failed-case-${task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
});

describe('the closed loop of a case', () => {
  it('a grid worker reports a problem with a photo from their grid, on a phone', async () => {
    const gw = account(server, 'gridworker');
    gridWorker = await signIn('gridworker', phone);
    const page = gridWorker;
    const [lng, lat] = await pointInGrid(server, page, gw.scopeCode);
    await page.context().setGeolocation({ longitude: lng, latitude: lat });

    await page.getByRole('menuitem', { name: '上报' }).click();
    await page.getByTestId('report-form').waitFor();
    await shot(page, 'case-0-report-form');

    // the category: 市容环境（事件） → 暴露垃圾, or the first minor class the server offers
    const categories = ((await (await page.request.get(`${server.url}/api/v1/case-categories`)).json()) as { items: CategoryItem[] }).items;
    const options = categoryOptions(categories, false, (k) => ({ component: '部件', event: '事件', social: '社会治理' })[k]);
    const major = options.find((o) => o.children?.some((c) => c.value === 'E0101')) ?? options[0]!;
    const minor = major.children!.find((c) => c.value === 'E0101') ?? major.children![0]!;
    await page.getByLabel('问题类别').click();
    await page.locator('.ant-cascader-menu').first().locator('.ant-cascader-menu-item', { hasText: major.label }).first().click();
    await page.locator('.ant-cascader-menu').nth(1).locator('.ant-cascader-menu-item', { hasText: minor.label }).first().click();

    await page.getByLabel('问题描述').fill('新华社区华光路北侧人行道有一堆生活垃圾无人清理，已影响行人通行。');
    await page.getByTestId('report-form').locator('input[type=file]').setInputFiles(photo('rubbish.png', [200, 40, 40]));
    await expect.poll(() => page.locator('.ant-upload-list-item-done').count(), until).toBe(1);

    await page.getByRole('button', { name: '使用当前位置' }).click();
    await expect.poll(() => page.getByTestId('located').textContent(), until).toContain(gw.scopeCode);
    expect(await page.getByLabel('详细地址').inputValue()).toContain('新华社区');
    await page.waitForTimeout(800); // the map flies to the pin
    await shot(page, 'case-1-report-filled', true);

    await page.getByRole('button', { name: /提交上报/ }).click();
    await expect.poll(() => page.getByTestId('created-number').textContent(), until).toMatch(/370303-\d{8}-\d{5}/);
    caseNumber = (await page.getByTestId('created-number').textContent())!.match(/370303-\d{8}-\d{5}/)![0];
    await shot(page, 'case-2-reported');

    await page.getByRole('link', { name: /查看案件/ }).click();
    await expect.poll(() => state(page), until).toBe('待受理');
    caseId = page.url().split('#/cases/')[1]!;
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.getByTestId('case-number').textContent()).toBe(caseNumber);
    expect(await timeline(page)).toContain('上报');
    expect(await page.getByTestId('case-page').locator('img').count()).toBeGreaterThan(0);
    await page.waitForTimeout(800);
    await shot(page, 'case-3-reported-case', true);
  });

  it('the dispatcher registers the case (立案) and dispatches it to 张店区综合行政执法局', async () => {
    const page = await signIn('dispatcher', desktop);
    const row = await openFromInbox(page, '待受理/待派遣');
    expect(await row.textContent()).toContain('待受理');
    await shot(page, 'case-4-dispatch-inbox');
    // the same cases as a layer on the map, coloured by state
    await page.getByText('地图', { exact: true }).click();
    await expect.poll(() => page.getByTestId('cases-map').textContent(), until).toMatch(/共 [1-9]\d* 件/);
    await page.waitForTimeout(1500); // the view fits the district
    await shot(page, 'case-4b-case-map');
    await page.getByText('列表', { exact: true }).click();
    await row.click();
    await expect.poll(() => state(page), until).toBe('待受理');

    await act(page, '立案');
    await expect.poll(() => state(page), until).toBe('待派遣');
    expect(await timeline(page)).toContain('立案');

    await act(page, '派遣', async (dialog) => {
      await dialog.locator('.ant-form-item').filter({ hasText: '牵头单位' }).locator('.ant-select').click();
      await page.keyboard.type('综合行政执法');
      await page.locator('.ant-select-item-option').filter({ hasText: '张店区综合行政执法局' }).first().click();
      expect(await dialog.locator('.ant-select-selection-item').first().textContent()).toBe('张店区综合行政执法局');
    });
    await expect.poll(() => state(page), until).toBe('待签收');
    expect(await timeline(page)).toContain('派遣');
    const units = (await page.getByTestId('case-units').textContent())!;
    expect(units).toContain('张店区综合行政执法局');
    expect(units).toContain('牵头');
    await page.waitForTimeout(600);
    await shot(page, 'case-5-dispatched', true);
  });

  it('the handler signs (签收) and reports back with a photo (处置反馈)', async () => {
    const page = await signIn('handler', desktop);
    const row = await openFromInbox(page, '待处置');
    expect(await row.textContent()).toContain('待签收');
    await row.click();
    await expect.poll(() => state(page), until).toBe('待签收');

    await act(page, '签收');
    await expect.poll(() => state(page), until).toBe('处置中');
    expect(await timeline(page)).toContain('签收');

    await act(page, '处置反馈', async (dialog) => {
      await dialog.getByLabel('办理意见').fill('已组织环卫人员清运垃圾，现场已清理干净。');
      await dialog.locator('input[type=file]').setInputFiles(photo('cleaned.png', [40, 160, 60]));
      await expect.poll(() => dialog.locator('.ant-upload-list-item-done').count(), until).toBe(1);
    });
    await expect.poll(() => state(page), until).toBe('待核查');
    expect(await timeline(page)).toContain('处置反馈');
    expect(await timeline(page)).toContain('已组织环卫人员清运垃圾');
    expect(await page.getByTestId('case-timeline').locator('img').count()).toBeGreaterThan(0);
    await page.waitForTimeout(600);
    await shot(page, 'case-6-feedback', true);
  });

  it('the verifier checks and closes the case (核查结案)', async () => {
    const page = await signIn('verifier', desktop);
    const row = await openFromInbox(page, '待核查');
    expect(await row.textContent()).toContain('待核查');
    await row.click();
    await expect.poll(() => state(page), until).toBe('待核查');
    await act(page, '核查结案', async (dialog) => {
      await dialog.getByLabel('办理意见').fill('现场核查，垃圾已清理。');
    });
    await expect.poll(() => state(page), until).toBe('已结案');
    expect(await timeline(page)).toContain('核查结案');
    await page.waitForTimeout(600);
    await shot(page, 'case-7-closed', true);
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => state(page), until).toBe('Closed');
    expect(await timeline(page)).toContain('Verify & close');
    await shot(page, 'case-7b-closed-english');
    await page.getByText('中文', { exact: true }).click();
    // the search over everything: filters by state, category, source, date and overdue
    await page.getByRole('menuitem', { name: '案件' }).click();
    await page.getByRole('tab', { name: '全部/查询' }).click();
    await page.getByTestId('case-filters').waitFor();
    await expect.poll(() => page.locator('.ant-table-row').filter({ hasText: caseNumber }).count(), until).toBe(1);
    await shot(page, 'case-7c-all-cases');
  });

  it('the grid worker sees it closed in 我的上报 and rates it 满意', async () => {
    const page = gridWorker;
    current = page;
    const item = await openFromInbox(page, '我的上报');
    await expect.poll(() => item.getByTestId('row-state').textContent(), until).toBe('已结案');
    await shot(page, 'case-8-my-reports');
    await item.click();
    await expect.poll(() => state(page), until).toBe('已结案');
    await act(page, '评价', async (dialog) => {
      await dialog.getByRole('radio', { name: '满意', exact: true }).check();
    });
    await expect.poll(() => page.getByTestId('case-rating').textContent(), until).toContain('满意');
    expect(await timeline(page)).toContain('评价');
    expect(await page.getByTestId('case-actions').count()).toBe(0);
    await page.waitForTimeout(600);
    await shot(page, 'case-9-rated', true);
  });
});
