import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { account, screenshot, screenshotDir, startServer, type E2EServer } from './harness.js';

/**
 * 办理设置 in the browser: the data administrator adds a case type, sets and removes a routing rule,
 * and edits the work calendar (a make-up working day on a Saturday; a holiday on a Saturday is refused).
 */
let server: E2EServer;
let page: Page;
const until = { timeout: 20_000, interval: 250 };

const shot = (name: string, whole = false) => screenshot(page, name, whole);

const formItem = (label: string) => page.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: label }) });
const categoryRow = (code: string) => page.locator(`[data-testid=categories-tab] tr[data-row-key="${code}"]`);
const dayCell = (day: string) => page.locator(`[data-testid=calendar-year-view] [data-day="${day}"]`);
const lastMessage = () => page.locator('.ant-message-notice').last().textContent();

beforeAll(async () => {
  server = await startServer();
  page = await server.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
});
afterAll(async () => server?.stop());
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await shot(`failed-settings-${task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
});

describe('办理设置', () => {
  it('the data administrator opens 办理设置 and sees the categories', async () => {
    await page.goto(server.url);
    await page.getByLabel('用户名').fill('dataadmin');
    await page.getByLabel('密码').fill(account(server, 'dataadmin').password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('user-name').waitFor();

    await page.getByRole('menuitem', { name: '办理设置' }).click();
    await page.getByTestId('categories-tab').waitFor();
    await expect.poll(() => categoryRow('E01').textContent(), until).toContain('市容环境');
    expect(await categoryRow('C03').textContent()).toContain('市容环境');
    // a major class opens to its types, with the limits in working time
    await categoryRow('E01').locator('.ant-table-row-expand-icon').click();
    const rubbish = (await categoryRow('E0101').textContent())!;
    expect(rubbish).toContain('暴露垃圾');
    expect(rubbish).toContain('Exposed rubbish');
    expect(rubbish).toContain('1 个工作日'); // handling: 450 working minutes
    expect(rubbish).toContain('1 小时'); // registration: 60
    await shot('settings-1-categories');
  });

  it('adds a type under 街面秩序 (E05): E0598 共享单车堆积', async () => {
    await page.getByTestId('add-type-E05').click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByTestId('category-form').waitFor();
    const field = (label: string) => drawer.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: label }) }).first().locator('input');
    await field('小类编码').fill('98');
    await field('名称').fill('共享单车堆积');
    await field('英文名').fill('Piled-up shared bicycles');
    await drawer.locator('.ant-form-item').filter({ hasText: /^处置/ }).locator('input').fill('1000');
    await expect.poll(() => drawer.textContent(), until).toContain('16 小时 40 分');
    await shot('settings-2-new-type');
    await drawer.getByTestId('category-save').click();
    await expect.poll(() => categoryRow('E0598').textContent(), until).toContain('共享单车堆积');
    const row = (await categoryRow('E0598').textContent())!;
    expect(row).toContain('16 小时 40 分');
    expect(row).toContain('Piled-up shared bicycles');
    await categoryRow('E0598').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await shot('settings-3-type-added');
  });

  it('edits the new type: marks it sensitive', async () => {
    await categoryRow('E0598').getByRole('button', { name: /编\s*辑/ }).click();
    const drawer = page.locator('.ant-drawer-content');
    await expect.poll(() => drawer.locator('.ant-drawer-title').textContent(), until).toBe('编辑类别 E0598');
    expect(await drawer.locator('.ant-form-item').filter({ hasText: /^名称/ }).locator('input').inputValue()).toBe('共享单车堆积');
    await drawer.locator('.ant-form-item').filter({ hasText: /^敏感/ }).getByRole('switch').click();
    await drawer.getByTestId('category-save').click();
    await expect.poll(() => categoryRow('E0598').locator('td').nth(9).textContent(), until).toBe('是');
  });

  it('adds a routing rule E0598 × 车站街道 → 张店区市场监督管理局, then deletes it', async () => {
    await page.getByRole('tab', { name: '分拨规则' }).click();
    const tab = page.getByTestId('routing-tab');
    await tab.waitFor();
    await expect.poll(() => tab.locator('.ant-table-row').count(), until).toBeGreaterThan(5);
    expect(await tab.textContent()).toContain('属地兜底');

    await formItem('问题类别').locator('.ant-select').click();
    await page.locator('.ant-cascader-menu').first().locator('.ant-cascader-menu-item', { hasText: '街面秩序' }).click();
    await page.locator('.ant-cascader-menu').nth(1).locator('.ant-cascader-menu-item', { hasText: '共享单车堆积' }).click();

    await formItem('管辖区域').locator('.ant-select').click();
    await page.keyboard.type('车站街道');
    await page.locator('.ant-select-tree-title', { hasText: '车站街道' }).first().click();

    await formItem('责任单位').locator('.ant-select').click();
    await page.keyboard.type('市场监督');
    await page.locator('.ant-select-item-option').filter({ hasText: '张店区市场监督管理局' }).first().click();
    await page.getByRole('button', { name: '添加规则' }).click();

    const rule = tab.locator('.ant-table-row').filter({ hasText: 'E0598' });
    await expect.poll(() => rule.count(), until).toBe(1);
    const text = (await rule.textContent())!;
    expect(text).toContain('共享单车堆积');
    expect(text).toContain('车站街道');
    expect(text).toContain('370303001000');
    expect(text).toContain('张店区市场监督管理局');
    await rule.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await shot('settings-4-routing', true);

    await rule.getByRole('button', { name: /删\s*除/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    await expect.poll(() => rule.count(), until).toBe(0);
  });

  it('shows the 2026 work calendar with 国庆节 marked', async () => {
    await page.getByRole('tab', { name: '工作日历' }).click();
    await page.getByTestId('calendar-tab').waitFor();
    if (!(await page.getByTestId('calendar-year').textContent())!.includes('2026')) {
      await page.getByTestId('calendar-year').click();
      await page.locator('.ant-select-item-option', { hasText: '2026 年' }).click();
    }
    await expect.poll(() => dayCell('2026-10-01').getAttribute('data-kind'), until).toBe('holiday');
    expect(await dayCell('2026-10-01').getAttribute('title')).toContain('国庆节');
    expect(await dayCell('2026-10-01').textContent()).toContain('休');
    expect(await dayCell('2026-10-03').getAttribute('data-kind')).toBe('break'); // the weekend inside the holiday
    expect(await dayCell('2026-10-10').getAttribute('data-kind')).toBe('workday');
    expect(await dayCell('2026-10-10').textContent()).toContain('班');
    expect(await page.getByTestId('calendar-days').textContent()).toContain('国庆节');
    expect(await page.getByTestId('working-hours').textContent()).toContain('08:30–12:00');
    await shot('settings-5-calendar-2026', true);
    await page.locator('.cal-month').nth(9).screenshot({ path: path.join(screenshotDir, 'settings-5b-october.png') });
  });

  it('adds a 调休 working day on Saturday 2026-12-26 and deletes it', async () => {
    const form = page.getByTestId('add-day-form');
    await form.locator('.ant-picker input').click();
    await form.locator('.ant-picker input').fill('2026-12-26');
    await page.keyboard.press('Enter');
    // a Saturday: the kind turns to 调休上班 by itself
    await expect.poll(() => form.locator('.ant-form-item').filter({ hasText: '类型' }).locator('.ant-select-selection-item').textContent(), until).toBe('调休上班（周末上班）');
    await form.getByTestId('add-day-name').fill('年终调休上班（测试）');
    await form.getByRole('button', { name: /添\s*加/ }).click();
    await expect.poll(() => dayCell('2026-12-26').getAttribute('data-kind'), until).toBe('workday');
    const row = page.getByTestId('calendar-days').locator('.ant-table-row').filter({ hasText: '2026-12-26' });
    expect(await row.textContent()).toContain('年终调休上班（测试）');
    await dayCell('2026-12-26').scrollIntoViewIfNeeded();
    await shot('settings-6-workday-added', true);

    await row.getByRole('button', { name: /删\s*除/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    await expect.poll(() => dayCell('2026-12-26').getAttribute('data-kind'), until).toBe('weekend');
    await expect.poll(() => row.count(), until).toBe(0);
  });

  it('refuses a holiday on a Saturday with the server\'s message', async () => {
    const form = page.getByTestId('add-day-form');
    await form.locator('.ant-picker input').click();
    await form.locator('.ant-picker input').fill('2026-12-26');
    await page.keyboard.press('Enter');
    await form.locator('.ant-form-item').filter({ hasText: '类型' }).locator('.ant-select').click();
    await page.locator('.ant-select-item-option', { hasText: '法定节假日（工作日休息）' }).click();
    await form.getByTestId('add-day-name').fill('测试假日');
    await form.getByRole('button', { name: /添\s*加/ }).click();
    await expect.poll(lastMessage, until).toContain('2026-12-26 是周末，本来就不上班');
    // the refusal also stays beside the form, as the server words it
    expect(await page.getByTestId('add-day-error').textContent()).toContain('不能设为节假日');
    expect(await dayCell('2026-12-26').getAttribute('data-kind')).toBe('weekend');
    await page.waitForTimeout(600); // the message slides in
    await shot('settings-7-holiday-refused');
  });

  it('shows 2027 as provisional (预排)', async () => {
    await page.getByTestId('calendar-year').click();
    await page.locator('.ant-select-item-option', { hasText: '2027 年' }).click();
    await expect.poll(() => dayCell('2027-02-05').getAttribute('data-kind'), until).toBe('holiday');
    expect(await page.getByTestId('provisional-note').textContent()).toContain('预排');
    expect(await page.getByTestId('add-day-form').locator('.ant-picker input').inputValue()).toBe(''); // a new year, a fresh form
    await shot('settings-8-calendar-2027', true);
  });

  it('reads in English too', async () => {
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Work calendar' }).count(), until).toBe(1);
    expect(await page.getByTestId('working-hours').textContent()).toContain('Working hours');
    await page.getByRole('tab', { name: 'Categories' }).click();
    await expect.poll(() => categoryRow('E05').textContent(), until).toContain('Street order');
    await shot('settings-9-english');
    await page.getByText('中文', { exact: true }).click();
  });
});
