import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { account, pageInNewContext, pointInGrid, screenshot, startServer, type E2EServer } from './harness.js';

/**
 * The citizen channel on a phone (390×844, WeChat's browser): report without signing in and track it
 * with the number and follow-up code; a signed-in citizen follows the case instead of reporting it a
 * second time; anyone sees the public map of recent reports.
 */
let server: E2EServer;
const contexts: BrowserContext[] = [];
let current: Page;
let here: [number, number];
let anonymousNumber = '';
const until = { timeout: 20_000, interval: 250 };
const phone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', permissions: ['geolocation'],
  userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN',
};
const desktop: BrowserContextOptions = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const manhole = '测试：共治路八十八号门前井盖缺失，晚上很危险，请尽快处理';

async function newPage(options: BrowserContextOptions) {
  current = await pageInNewContext(server, contexts, options);
  return current;
}

/** Picks class → type in a cascader by their visible names. */
async function pickCategory(page: Page, scope: string, major: string, minor: string) {
  await page.getByTestId(scope).getByLabel('问题类别').click();
  await page.locator('.ant-cascader-menu').first().locator('.ant-cascader-menu-item', { hasText: major }).first().click();
  await page.locator('.ant-cascader-menu').nth(1).locator('.ant-cascader-menu-item', { hasText: minor }).first().click();
}

beforeAll(async () => {
  server = await startServer();
  const dispatcher = await newPage(desktop);
  await dispatcher.goto(server.url);
  await dispatcher.getByLabel('用户名').fill('dispatcher');
  await dispatcher.getByLabel('密码').fill(account(server, 'dispatcher').password);
  await dispatcher.getByRole('button', { name: /登\s*录/ }).click();
  await dispatcher.getByTestId('user-name').waitFor();
  here = await pointInGrid(server, dispatcher, '370303001001001');
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await server?.stop();
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && current) await screenshot(current, `failed-citizen-public-${task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
});

describe('the citizen channel on a phone', () => {
  it('reports without signing in, gets the number and a follow-up code, and tracks the report with them', async () => {
    const page = await newPage(phone);
    await page.context().setGeolocation({ longitude: here[0], latitude: here[1] });
    await page.goto(server.url);
    await page.getByTestId('login-anonymous').click();
    await page.getByTestId('anonymous-form').waitFor();
    await pickCategory(page, 'anonymous-form', '公用设施', '井盖缺失破损');
    await page.getByLabel('问题描述').fill(manhole);
    await page.getByRole('button', { name: '使用当前位置' }).click();
    await expect.poll(() => page.getByTestId('located').textContent(), until).toContain('位于');
    await page.waitForTimeout(800); // the map flies to the pin
    await screenshot(page, 'citizen-public-1-anonymous-form', true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: /提交上报/ }).click();
    await expect.poll(() => page.getByTestId('anonymous-number').textContent(), until).toMatch(/^370303-\d{8}-\d{5}$/);
    anonymousNumber = (await page.getByTestId('anonymous-number').textContent())!;
    const code = (await page.getByTestId('anonymous-code').textContent())!;
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    await screenshot(page, 'citizen-public-2-number-and-code');

    // a fresh visit: type the number and the code on the look-up page
    const later = await newPage(phone);
    await later.goto(`${server.url}/#/lookup`);
    await later.getByTestId('lookup-form').waitFor();
    await later.getByLabel('编号').fill(anonymousNumber);
    await later.getByLabel('查询码').fill('ZZZZ2222');
    await later.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => later.getByTestId('lookup-error').textContent(), until).toContain('编号或查询码不正确');
    await later.getByLabel('查询码').fill(code.toLowerCase());
    await later.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => later.getByTestId('lookup-state').textContent(), until).toBe('待受理');
    expect(await later.getByTestId('lookup-timeline').textContent()).toContain('上报');
    expect(await later.getByTestId('lookup-result').textContent()).not.toContain('匿名');
    await screenshot(later, 'citizen-public-3-lookup', true);
  });

  it('a signed-in citizen follows the similar open case instead of reporting it again, and finds it in 我的上报/关注', async () => {
    const page = await newPage(phone);
    await page.context().setGeolocation({ longitude: here[0], latitude: here[1] });
    await page.goto(`${server.url}/#/login?phone`);
    const form = page.getByTestId('phone-login');
    await form.getByPlaceholder('请输入 11 位手机号').fill('13700001111');
    await form.getByTestId('otp-send').click();
    await expect.poll(() => page.getByTestId('otp-dev-code').textContent(), until).toMatch(/验证码 \d{6}/);
    const otp = (await page.getByTestId('otp-dev-code').textContent())!.match(/\d{6}/)![0];
    await form.getByPlaceholder('6 位数字验证码').fill(otp);
    await form.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('report-form').waitFor();
    await pickCategory(page, 'report-form', '公用设施', '井盖缺失破损');
    await page.getByLabel('问题描述').fill('共治路八十八号门前的井盖缺失了，晚上走路很危险');
    await page.getByRole('button', { name: '使用当前位置' }).click();
    await expect.poll(() => page.getByTestId('located').textContent(), until).toContain('370303001001001');
    await expect.poll(() => page.getByTestId('similar-cases').textContent(), until).toContain(anonymousNumber);
    await page.getByTestId('similar-cases').scrollIntoViewIfNeeded();
    await screenshot(page, 'citizen-public-4-similar-follow', true);
    await page.getByTestId('similar-cases').getByTestId('follow-case').first().click();
    // the followed case opens: its state and timeline, without the other reporter
    await expect.poll(() => page.getByTestId('case-state').textContent(), until).toBe('待受理');
    expect(await page.getByTestId('case-timeline').textContent()).toContain('上报');
    await page.waitForTimeout(600);
    await screenshot(page, 'citizen-public-5-followed-case', true);
    await page.getByRole('menuitem', { name: '案件' }).click();
    await page.getByRole('tab', { name: '我的上报/关注' }).click();
    await page.locator('[data-testid=case-item], .ant-table-row').filter({ hasText: anonymousNumber }).first().waitFor({ timeout: 20_000 });
    await screenshot(page, 'citizen-public-6-mine');
  });

  it('anyone sees the public map of recent reports', async () => {
    const page = await newPage(phone);
    await page.goto(`${server.url}/#/public-map`);
    await page.getByTestId('public-map').waitFor();
    await expect.poll(async () => Number((await page.getByTestId('public-map-count').textContent())!.match(/\d+/)![0]), until).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=public-map-canvas] canvas').count()).toBe(1);
    await page.waitForTimeout(1200); // the map fits the district
    await screenshot(page, 'citizen-public-7-map');
    const english = await page.getByText('EN', { exact: true }).first();
    await english.click();
    await expect.poll(() => page.getByTestId('public-map').textContent(), until).toContain('Reports of the last 90 days');
  });
});
