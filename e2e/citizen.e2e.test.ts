import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CategoryItem } from '../contracts/src/index.js';
import { categoryOptions } from '../web/src/pages/cases/categories.js';
import { apiOf as apiAs, pageInNewContext, pointInGrid, screenshot, signInOn, startServer, type E2EServer } from './harness.js';
import { makePng } from './png.js';

/**
 * The citizen's journey on a phone (390×844, as inside WeChat's browser): sign in with a mobile number
 * and a one-time code, report a problem with a photo and the phone's location while a category is
 * suggested, find it in 我的上报, see the command centre's action on its timeline, and rate the result.
 */
let server: E2EServer;
const contexts: BrowserContext[] = [];
let current: Page;
let citizen: Page;
let caseNumber = '';
let caseId = '';
const mobile = '13912345678';
const until = { timeout: 20_000, interval: 250 };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-citizen-e2e-'));
const phone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', permissions: ['geolocation'],
  userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN',
};
const desktop: BrowserContextOptions = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

const state = (page: Page) => page.getByTestId('case-state').textContent();
const timeline = (page: Page) => page.getByTestId('case-timeline').textContent();

async function newPage(options: BrowserContextOptions) {
  current = await pageInNewContext(server, contexts, options);
  return current;
}

async function signInWithPassword(username: string): Promise<Page> {
  const page = await newPage(desktop);
  await signInOn(page, server, username);
  return page;
}

/** The API as a signed-in browser calls it, with the step on this journey's case that it does not watch. */
async function apiOf(page: Page) {
  const api = await apiAs(server, page);
  return {
    get: api.get,
    act: async (body: Record<string, unknown>) => {
      const { version } = await api.get<{ version: number }>(`/cases/${caseId}`);
      await api.post(`/cases/${caseId}/actions`, { version, ...body });
    },
  };
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
  if (task.result?.state === 'fail' && current) await screenshot(current, `failed-citizen-${task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
});

describe('a citizen on a phone', () => {
  it('signs in with a mobile number and the one-time code', async () => {
    citizen = await newPage(phone);
    const page = citizen;
    await page.goto(server.url);
    await page.getByRole('tab', { name: '手机验证码登录' }).click();
    const form = page.getByTestId('phone-login');
    // a wrong number is caught before anything is sent
    await form.getByPlaceholder('请输入 11 位手机号').fill('12345');
    await form.getByTestId('otp-send').click();
    await expect.poll(() => form.textContent(), until).toContain('请输入正确的 11 位手机号');
    await form.getByPlaceholder('请输入 11 位手机号').fill(mobile);
    await form.getByTestId('otp-send').click();
    // no SMS gateway in this run: the server answers the code and the page shows it
    await expect.poll(() => page.getByTestId('otp-dev-code').textContent(), until).toMatch(/验证码 \d{6}/);
    const code = (await page.getByTestId('otp-dev-code').textContent())!.match(/\d{6}/)![0];
    await expect.poll(() => form.getByTestId('otp-send').textContent(), until).toMatch(/\d+ 秒后重新获取/);
    expect(await form.getByTestId('otp-send').isDisabled()).toBe(true);
    await form.getByPlaceholder('6 位数字验证码').fill(code);
    await screenshot(page, 'citizen-1-phone-login');
    // the page fits the phone: nothing sticks out sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await form.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.getByTestId('user-name').textContent(), until).toBe('居民5678');
  });

  it('reports a problem with a photo and the phone’s location, seeing a suggested category while typing', async () => {
    const page = citizen;
    current = page;
    const dispatcher = await signInWithPassword('dispatcher');
    const [lng, lat] = await pointInGrid(server, dispatcher, '370303001001001');
    await page.context().setGeolocation({ longitude: lng, latitude: lat });
    current = page;
    // a citizen's home is the report form
    await page.getByTestId('report-form').waitFor();

    const categories = ((await (await page.request.get(`${server.url}/api/v1/case-categories`)).json()) as { items: CategoryItem[] }).items;
    const options = categoryOptions(categories, false, (k) => ({ component: '部件', event: '事件', social: '社会治理' })[k]);
    const major = options.find((o) => o.children?.some((c) => c.value === 'E0101')) ?? options[0]!;
    const minor = major.children!.find((c) => c.value === 'E0101') ?? major.children![0]!;
    await page.getByLabel('问题类别').click();
    await page.locator('.ant-cascader-menu').first().locator('.ant-cascader-menu-item', { hasText: major.label }).first().click();
    await page.locator('.ant-cascader-menu').nth(1).locator('.ant-cascader-menu-item', { hasText: minor.label }).first().click();
    const chosen = await page.getByTestId('report-form').locator('.ant-select-selection-item, .ant-cascader-picker-label, .ant-select-content').first().textContent();

    // short text: no suggestion yet
    await page.getByLabel('问题描述').fill('垃圾');
    await page.waitForTimeout(1200);
    expect(await page.getByTestId('category-suggestion').count()).toBe(0);
    await page.getByLabel('问题描述').fill('小区东门外人行道上堆满了生活垃圾，好几天没人清运，气味很大。');
    await expect.poll(() => page.getByTestId('category-suggestion').textContent(), until).toMatch(/^建议分类：(城乡建设|环境保护|交通运输|教育文体|劳动和社会保障|商贸旅游|卫生计生).*\d+%$/);
    // the suggestion is a hint: the category chosen stays
    expect(await page.getByTestId('report-form').locator('.ant-select-selection-item, .ant-cascader-picker-label, .ant-select-content').first().textContent()).toBe(chosen);

    const file = path.join(tmp, 'rubbish.png');
    fs.writeFileSync(file, makePng(160, 120, [60, 120, 200]));
    await page.getByTestId('report-form').locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => page.locator('.ant-upload-list-item-done').count(), until).toBe(1);
    await page.getByRole('button', { name: '使用当前位置' }).click();
    await expect.poll(() => page.getByTestId('located').textContent(), until).toContain('370303001001001');
    await page.waitForTimeout(800); // the map flies to the pin
    await screenshot(page, 'citizen-2-report-suggestion', true);

    await page.getByRole('button', { name: /提交上报/ }).click();
    await expect.poll(() => page.getByTestId('created-number').textContent(), until).toMatch(/370303-\d{8}-\d{5}/);
    caseNumber = (await page.getByTestId('created-number').textContent())!.match(/370303-\d{8}-\d{5}/)![0];
  });

  it('finds the report in 我的上报', async () => {
    const page = citizen;
    current = page;
    await page.getByRole('menuitem', { name: '案件' }).click();
    await page.getByRole('tab', { name: '我的上报' }).click();
    const item = page.locator('[data-testid=case-item], .ant-table-row').filter({ hasText: caseNumber }).first();
    await item.waitFor({ timeout: 20_000 });
    expect(await item.getByTestId('row-state').textContent()).toBe('待受理');
    await screenshot(page, 'citizen-3-mine');
    await item.click();
    await expect.poll(() => state(page), until).toBe('待受理');
    caseId = page.url().split('#/cases/')[1]!;
    expect(await timeline(page)).toContain('上报');
  });

  it('sees the command centre register the case, and after the department and the verifier, rates it', async () => {
    // the dispatcher registers it (立案) in the browser
    const dispatcher = contexts[1]!.pages()[0]!;
    current = dispatcher;
    await dispatcher.goto(`${server.url}/#/cases/${caseId}`);
    await expect.poll(() => state(dispatcher), until).toBe('待受理');
    await dispatcher.getByTestId('case-actions').getByRole('button', { name: '立案', exact: true }).click();
    const dialog = dispatcher.locator('.ant-modal-content').filter({ has: dispatcher.getByTestId('action-form') });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await expect.poll(() => state(dispatcher), until).toBe('待派遣');

    // back on the phone: the new state and the step on the timeline
    const page = citizen;
    current = page;
    await page.reload();
    await expect.poll(() => state(page), until).toBe('待派遣');
    expect(await timeline(page)).toContain('立案');
    await page.waitForTimeout(600);
    await screenshot(page, 'citizen-4-case-registered', true);

    // the middle of the loop through the API: dispatch, sign, report back, verify and close
    const zf = (await (await apiOf(dispatcher)).get<{ items: { id: string; name: string }[] }>('/units')).items.find((u) => u.name === '张店区综合行政执法局')!;
    await (await apiOf(dispatcher)).act({ action: 'dispatch', leadUnitId: zf.id });
    const handler = await signInWithPassword('handler');
    await (await apiOf(handler)).act({ action: 'sign' });
    await (await apiOf(handler)).act({ action: 'feedback', note: '已安排环卫人员清运，人行道已清理干净。' });
    const verifier = await signInWithPassword('verifier');
    await (await apiOf(verifier)).act({ action: 'close', note: '现场核查，已清理。' });

    current = page;
    await page.reload();
    await expect.poll(() => state(page), until).toBe('已结案');
    expect(await timeline(page)).toContain('处置反馈');
    await page.getByTestId('case-actions').getByRole('button', { name: '评价', exact: true }).click();
    const rate = page.locator('.ant-modal-content').filter({ has: page.getByTestId('action-form') });
    await rate.waitFor();
    await rate.getByRole('radio', { name: '满意', exact: true }).check();
    await rate.getByRole('button', { name: /提\s*交/ }).click();
    await rate.waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(() => page.getByTestId('case-rating').textContent(), until).toContain('满意');
    expect(await timeline(page)).toContain('评价');
    await page.waitForTimeout(600);
    await screenshot(page, 'citizen-5-case-rated', true);
  });
});
