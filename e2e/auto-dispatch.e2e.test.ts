import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { account, apiOf, pointInGrid, screenshot, signInWithPassword, startServer, type E2EServer } from './harness.js';

/**
 * 人机协同 in the browser: the data administrator turns automatic dispatch on in 办理设置 → 智能分拨, a grid
 * worker's report is registered and dispatched by the system within seconds, the dispatcher reads why on
 * the case page, and the administrator retrains the model.
 */
let server: E2EServer;
let admin: Page;
let current: Page;
let caseId = '';
const until = { timeout: 60_000, interval: 500 };
const housing = '小区房屋外墙开裂，楼顶漏水，开发商一直拖着不维修，房产证也办不下来。';

beforeAll(async () => {
  // the job reads new reports every second here (every 10 s by default)
  server = await startServer({ GONGZHI_AUTO_DISPATCH_SECONDS: '1' });
});
afterAll(async () => server?.stop());
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && current) await screenshot(current, `failed-auto-dispatch-${task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
});

describe('智能分拨', () => {
  it('the data administrator turns automatic dispatch on at a confidence of 0.60', async () => {
    admin = current = await signInWithPassword(server, 'dataadmin');
    // the demo's model is trained in the background when the district is first seeded
    const api = await apiOf(server, admin);
    await expect.poll(async () => (await api.get<{ items: unknown[] }>('/classify/models')).items.length, until).toBeGreaterThanOrEqual(1);
    await admin.getByRole('menuitem', { name: '办理设置' }).click();
    await admin.getByRole('tab', { name: '智能分拨' }).click();
    await expect.poll(() => admin.locator('[data-testid=classifier-models] .ant-table-row').count(), until).toBe(1);
    await expect(admin.locator('[data-testid=classifier-models] .ant-table-row').first().textContent()).resolves.toContain('当前使用');
    await admin.getByTestId('auto-dispatch-switch').click();
    await admin.getByTestId('threshold-input').fill('0.6');
    await admin.getByTestId('classifier-save').click();
    await expect.poll(() => admin.locator('.ant-message-notice').last().textContent(), until).toContain('已保存');
    await expect.poll(() => admin.getByTestId('classifier-tab').textContent(), until).toMatch(/最近由 .+ 于 .+ 修改/);
    await screenshot(admin, 'auto-dispatch-1-settings');
  });

  it('a grid worker’s report about a cracked building is dispatched to 住建 by the system within seconds', async () => {
    const worker = current = await signInWithPassword(server, 'gridworker');
    const [lng, lat] = await pointInGrid(server, worker, account(server, 'gridworker').scopeCode);
    const api = await apiOf(server, worker);
    const created = await api.post<{ id: string }>('/cases', { categoryCode: 'C0101', description: housing, lng, lat, photoIds: [] }, { 'idempotency-key': crypto.randomUUID() });
    caseId = created.id;
    await expect.poll(async () => (await api.get<{ state: string }>(`/cases/${caseId}`)).state, until).toBe('dispatched');
    const detail = await api.get<{ leadUnit: { name: string } | null }>(`/cases/${caseId}`);
    expect(detail.leadUnit?.name).toContain('住房和城乡建设局');
  });

  it('the dispatcher sees on the case page that 系统 registered and dispatched it, and why', async () => {
    const dispatcher = current = await signInWithPassword(server, 'dispatcher');
    await dispatcher.goto(`${server.url}/#/cases/${caseId}`);
    await expect.poll(() => dispatcher.getByTestId('case-state').textContent(), until).toContain('待签收');
    const timeline = dispatcher.locator('.ant-timeline');
    await expect.poll(() => timeline.textContent(), until).toMatch(/系统[\s\S]*自动分拨：“城乡建设”置信度 0\.\d\d ≥ 阈值 0\.60/);
    await screenshot(dispatcher, 'auto-dispatch-2-case', true);
    // the reports still waiting in the inbox carry what the classifier read in them
    await dispatcher.getByRole('menuitem', { name: '案件' }).click();
    await expect.poll(() => dispatcher.getByTestId('reading').count(), until).toBeGreaterThan(0);
    await expect(dispatcher.getByTestId('reading').first().textContent()).resolves.toMatch(/0\.\d\d$/);
    await screenshot(dispatcher, 'auto-dispatch-3-inbox');
  });

  it('the administrator retrains the model; the new one is listed with its score against the old on the same messages', async () => {
    current = admin;
    await admin.getByTestId('retrain').click();
    await expect.poll(() => admin.locator('.ant-message-notice').last().textContent(), { timeout: 120_000, interval: 1000 }).toMatch(/新模型已训练：宏平均 F1 0\.\d{4}（原模型在同一测试集上 0\.\d{4}）/);
    await expect.poll(() => admin.locator('[data-testid=classifier-models] .ant-table-row').count(), until).toBe(2);
    await expect(admin.locator('[data-testid=classifier-models]').textContent()).resolves.toContain('当前使用');
    await screenshot(admin, 'auto-dispatch-4-retrained');
  }, 150_000);
});
