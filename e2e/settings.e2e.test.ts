import path from 'node:path';
import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { account, apiOf, exportedSheet, pointInGrid, screenshot, screenshotDir, signInWithPassword, startServer, type E2EServer } from './harness.js';

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
/** Picks a class and a type in the open category cascader. */
async function pickInCascader(major: string, minor: string) {
  await page.locator('.ant-cascader-menu').first().locator('.ant-cascader-menu-item', { hasText: major }).click();
  await page.locator('.ant-cascader-menu').nth(1).locator('.ant-cascader-menu-item', { hasText: minor }).click();
}

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

  it('exports the categories to Excel: classes and their types, limits under one header row, no buttons', async () => {
    const sheet = await exportedSheet(page, 'export-categories', 3);
    expect(sheet.fileName).toMatch(/^案件类别_\d{8}\.xlsx$/);
    const added = sheet.rows.find((r) => r['编码'] === 'E0598')!;
    expect(added).toMatchObject({ 名称: '共享单车堆积', '时限（工作时间）·处置': '16 小时 40 分', 敏感: '是' });
    expect(sheet.rows.some((r) => r['编码'] === 'E01')).toBe(true);
    expect(Object.keys(added)).not.toContain('操作');
  });

  it('adds a routing rule E0598 × 车站街道 → 张店区市场监督管理局, then deletes it', async () => {
    await page.getByRole('tab', { name: '分拨规则' }).click();
    const tab = page.getByTestId('routing-tab');
    await tab.waitFor();
    await expect.poll(() => tab.locator('.ant-table-row').count(), until).toBeGreaterThan(5);
    expect(await tab.textContent()).toContain('属地兜底');

    await formItem('问题类别').locator('.ant-select').click();
    await pickInCascader('街面秩序', '共享单车堆积');

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

  it('adds report fields to E0598 (a choice and a number), reorders them, and Open311 publishes them', async () => {
    await page.getByRole('tab', { name: '上报附加项' }).click();
    const tab = page.getByTestId('report-fields-tab');
    await tab.waitFor();
    // 井盖 (C0101) is shown first, with its seeded fields
    await expect.poll(() => tab.locator('.ant-table-row').count(), until).toBe(3);
    expect(await tab.textContent()).toContain('井盖类型');
    await shot('settings-4b-report-fields-c0101');

    await tab.getByTestId('report-fields-category').click();
    await pickInCascader('街面秩序', '共享单车堆积');
    await expect.poll(() => tab.textContent(), until).toContain('该小类没有附加项');

    const drawer = page.locator('.ant-drawer-content');
    const field = (label: string) => drawer.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: label }) }).first();
    await tab.getByTestId('report-field-add').click();
    await drawer.getByTestId('report-field-form').waitFor();
    expect(await drawer.locator('.ant-drawer-title').textContent()).toBe('新增附加项 · 共享单车堆积（E0598）');
    await field('代码').locator('input').fill('brand');
    await field('名称').locator('textarea').fill('单车品牌');
    await field('必填').getByRole('switch').click();
    const values = drawer.getByTestId('report-field-values');
    const option = async (i: number, key: string, name: string) => {
      await values.getByPlaceholder('键').nth(i).fill(key);
      await values.getByPlaceholder('显示名称').nth(i).fill(name);
    };
    await option(0, 'meituan', '美团');
    await values.getByTestId('report-field-add-value').click();
    await option(1, 'hellobike', '哈啰');
    await values.getByTestId('report-field-add-value').click();
    await option(2, 'didi', '青桔');
    await shot('settings-4c-report-field-new');
    await drawer.getByTestId('report-field-save').click();
    await expect.poll(() => tab.locator('.ant-table-row').count(), until).toBe(1);
    const brand = tab.locator('tr[data-row-key="brand"]');
    expect(await brand.textContent()).toContain('单车品牌');
    expect(await brand.textContent()).toContain('单选');
    expect(await brand.textContent()).toContain('哈啰');

    // a number field; a bad code is refused in the form before it reaches the server
    await tab.getByTestId('report-field-add').click();
    await drawer.getByTestId('report-field-form').waitFor();
    await field('代码').locator('input').fill('Count');
    await field('名称').locator('textarea').fill('堆积数量（辆）');
    await field('类型').locator('.ant-select').click();
    await page.locator('.ant-select-item-option', { hasText: '数字' }).click();
    await drawer.getByTestId('report-field-save').click();
    await expect.poll(() => drawer.textContent(), until).toContain('小写字母开头');
    await field('代码').locator('input').fill('bike_count');
    await drawer.getByTestId('report-field-save').click();
    await expect.poll(() => tab.locator('.ant-table-row').count(), until).toBe(2);

    // the count moves up: the order is the order of the form and of the service definition
    await tab.locator('tr[data-row-key="bike_count"]').getByRole('button', { name: '上移' }).click();
    await expect.poll(() => tab.locator('.ant-table-row').first().getAttribute('data-row-key'), until).toBe('bike_count');
    await shot('settings-4d-report-fields-e0598');

    const definition = await (await page.request.get(`${server.url}/open311/v2/services/E0598.json`)).json();
    expect(definition.attributes.map((a: { code: string }) => a.code)).toEqual(['bike_count', 'brand']);
    expect(definition.attributes[1]).toMatchObject({ datatype: 'singlevaluelist', required: true, description: '单车品牌', order: 2 });
    expect(definition.attributes[1].values).toEqual([{ key: 'meituan', name: '美团' }, { key: 'hellobike', name: '哈啰' }, { key: 'didi', name: '青桔' }]);
    const services = await (await page.request.get(`${server.url}/open311/v2/services.json`)).json();
    expect(services.find((x: { service_code: string }) => x.service_code === 'E0598')).toMatchObject({ metadata: true });

    // and goes again
    await tab.locator('tr[data-row-key="bike_count"]').getByRole('button', { name: /删\s*除/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    await expect.poll(() => tab.locator('.ant-table-row').count(), until).toBe(1);
  });

  it('a grid worker answers the new field on the report page; the dispatcher sees 疑似重复 on the case page and merges', async () => {
    const options = { viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', permissions: ['geolocation'] };
    const signIn = (username: string) => signInWithPassword(server, username, options);
    const outer = page;
    const opened: Page[] = [];
    try {
      const worker = await signIn('gridworker');
      opened.push(worker);
      page = worker;
      const [lng, lat] = await pointInGrid(server, worker, account(server, 'gridworker').scopeCode);
      await worker.context().setGeolocation({ longitude: lng, latitude: lat });
      // a first report of the bikes, through the API
      const first = await (await apiOf(server, worker)).post<{ id: string; number: string }>('/cases',
        { categoryCode: 'E0598', description: '华光路地铁口共享单车堆积，占满人行道无法通行', lng, lat, attributes: { brand: 'meituan' } },
        { 'idempotency-key': crypto.randomUUID() });
      expect(first.number).toMatch(/^370303-\d{8}-\d{5}$/);

      await worker.getByRole('menuitem', { name: '上报' }).click();
      await worker.getByTestId('report-form').waitFor();
      await worker.getByLabel('问题类别').click();
      await pickInCascader('街面秩序', '共享单车堆积');
      const fields = worker.getByTestId('report-fields-form');
      await expect.poll(() => fields.textContent(), until).toContain('单车品牌');
      expect(await fields.textContent()).toContain('哈啰');
      await worker.getByLabel('问题描述').fill('华光路地铁口的共享单车堆积，人行道无法通行');
      await worker.getByRole('button', { name: '使用当前位置' }).click();
      await expect.poll(() => worker.getByTestId('located').count(), until).toBe(1);
      // the field is required: the form says so before anything is sent
      await worker.getByRole('button', { name: /提交上报/ }).click();
      await expect.poll(() => fields.textContent(), until).toContain('请填写“单车品牌”');
      await fields.getByText('哈啰').click();
      await shot('settings-4e-report-page-fields', true);
      await worker.getByRole('button', { name: /提交上报/ }).click();
      await expect.poll(() => worker.getByTestId('created-number').textContent(), until).toMatch(/370303-\d{8}-\d{5}/);
      const second = (await worker.getByTestId('created-number').textContent())!.match(/370303-\d{8}-\d{5}/)![0];
      const answers = (await (await worker.request.get(`${server.url}/api/v1/cases/${second}`)).json()).timeline[0].detail.attributes;
      expect(answers).toEqual({ brand: 'hellobike' });

      const dispatcher = await signIn('dispatcher');
      opened.push(dispatcher);
      page = dispatcher;
      await dispatcher.goto(`${server.url}/#/cases/${second}`);
      const notice = dispatcher.getByTestId('case-duplicate');
      await expect.poll(() => notice.textContent(), until).toContain(first.number);
      expect(await notice.textContent()).toMatch(/疑似重复：与 370303-\d{8}-\d{5} 相似（距离 \d+ 米）/);
      expect(await dispatcher.getByTestId('case-duplicate-link').getAttribute('href')).toBe(`#/cases/${first.id}`);
      // the answer to the field, named as the field names it
      await expect.poll(() => dispatcher.getByTestId('case-answers').textContent(), until).toContain('单车品牌哈啰');
      await shot('settings-4f-case-duplicate');
      await notice.getByTestId('case-duplicate-merge').click();
      const dialog = dispatcher.getByTestId('action-form');
      await dialog.waitFor();
      expect(await dialog.locator('input').first().inputValue()).toBe(first.number);
      await dispatcher.waitForTimeout(400);
      await shot('settings-4g-case-duplicate-merge');
      await dispatcher.getByRole('button', { name: /提\s*交/ }).click();
      await expect.poll(() => dispatcher.getByTestId('case-state').textContent(), until).toBe('已合并');
      expect(await dispatcher.getByTestId('case-duplicate').count()).toBe(0);
    } finally {
      page = outer;
      for (const p of opened) await p.context().close();
    }
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
    await page.getByRole('tab', { name: 'Report fields' }).click();
    await expect.poll(() => page.getByTestId('report-fields').textContent(), until).toContain('Single choice');
    expect(await page.getByTestId('report-fields-tab').textContent()).toContain('Partners see the same fields');
    expect(await page.getByTestId('report-field-add').isEnabled()).toBe(true);
    await page.waitForTimeout(400); // the tab slides in
    await shot('settings-9b-report-fields-english');
    await page.getByText('中文', { exact: true }).click();
  });
});
