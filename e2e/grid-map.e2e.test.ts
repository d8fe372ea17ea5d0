import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { account, fillSignIn, screenshotDir, startServer, type E2EServer } from './harness.js';

let server: E2EServer;
let page: Page;
const shot = (name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });

async function signIn(username: string, screenshot?: string) {
  await fillSignIn(page, server, username);
  if (screenshot) await shot(screenshot);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** Clicks the middle of the map until the thing under it is a grid (the view fits the selected community). */
async function clickGridOnMap() {
  const box = (await page.getByTestId('map').boundingBox())!;
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.waitForTimeout(1200); // the view animates to the community
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    if (await page.getByTestId('grid-panel').isVisible({ timeout: 3000 }).catch(() => false)) return;
  }
  throw new Error('no grid under the map centre');
}

beforeAll(async () => {
  server = await startServer();
  page = await server.browser.newPage({ viewport: { width: 1440, height: 900 } });
});
afterAll(async () => server?.stop());
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await shot(`failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});

describe('grid map journey', () => {
  it('an administrator signs in and sees 张店区 with its streets', async () => {
    await signIn('admin', '0-login');
    await expect.poll(() => page.getByTestId('region-panel').textContent()).toContain('370303000000');
    await expect.poll(() => page.getByTestId('region-tree').textContent()).toContain('车站街道');
    await page.waitForTimeout(1500);
    await shot('1-district');
    expect(await page.locator('.map-label.street').count()).toBe(13);
  });

  it('drills down street → community → grid and shows the grid panel', async () => {
    await page.getByTestId('region-tree').getByText(/^车站街道/).click();
    await expect.poll(() => page.getByTestId('region-panel').textContent()).toContain('370303001000');
    await page.waitForTimeout(1200);
    await shot('2-street');
    await page.locator('.ant-tree-switcher').nth(1).click(); // expand 车站街道
    await page.getByTestId('region-tree').getByText(/^新华社区/).click();
    await expect.poll(() => page.getByTestId('region-panel').textContent()).toContain('370303001001');
    await clickGridOnMap();
    const code = (await page.getByTestId('grid-code').textContent())!;
    expect(code).toMatch(/^370303001\d{6}$/);
    const panel = (await page.getByTestId('grid-panel').textContent())!;
    for (const label of ['网格编码', '类型', '面积', '所属社区', '所属街道', '网格长', '网格员', '综合网格', 'm²', '公顷', '车站街道']) expect(panel).toContain(label);
    await shot('3-grid');
  });

  it('an administrator draws a new grid, which takes the next code of the community', async () => {
    await page.locator('.ant-breadcrumb a', { hasText: '新华社区' }).click();
    await page.waitForTimeout(1000); // the view settles on the community
    await page.getByRole('button', { name: '新建网格' }).click();
    await page.locator('.ant-modal-content').getByLabel('名称').fill('火车站广场网格');
    await page.getByRole('button', { name: '在地图上绘制' }).click();
    const toolbar = page.getByTestId('draw-toolbar');
    await toolbar.waitFor();
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' }); // the dialog's closing animation is over
    const box = (await page.getByTestId('map').boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    // apart in time, so that no two clicks make a double-click
    for (const [dx, dy] of [[-30, -30], [30, -30], [30, 30], [-30, 30]]) {
      await page.mouse.click(cx + dx!, cy + dy!);
      await page.waitForTimeout(400);
    }
    await shot('3b-drawing');
    const done = toolbar.getByRole('button', { name: /完\s*成/ });
    expect(await done.isEnabled()).toBe(true);
    await done.click();
    const dialog = page.locator('.ant-modal-content');
    await expect.poll(() => dialog.textContent()).toContain('图形已就绪');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('grid-code').textContent(), { timeout: 15_000 }).toBe('370303001001023');
    expect(await page.getByTestId('grid-panel').textContent()).toContain('火车站广场网格');
    await page.waitForTimeout(800);
    await shot('3c-new-grid');
  });

  it('an administrator uploads a community\'s real grids, which replace the generated ones', async () => {
    const community = '370303001002'; // 胜利桥社区
    await page.getByTestId('region-tree').getByText(/^胜利桥社区/).click();
    await expect.poll(() => page.getByTestId('region-panel').textContent()).toContain(community);
    const layer = await (await page.request.get(`${server.url}/api/v1/grids/geojson?region=${community}`)).json();
    const before = layer.features.length as number;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '上传社区网格' }).click();
    await (await chooser).setFiles({ name: 'grids.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(layer)) });
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => page.locator('.ant-message').textContent(), { timeout: 30_000 }).toContain('已保存');
    const after = await (await page.request.get(`${server.url}/api/v1/grids?region=${community}&pageSize=100`)).json();
    expect(after.total).toBe(before);
    expect(after.items[0].code).toBe(`${community}${String(before + 1).padStart(3, '0')}`);
    await page.waitForTimeout(1500); // the map reloads the community's new grids
    await shot('3d-uploaded-grids');
  });

  it('an administrator creates an account and reads the audit log', async () => {
    await page.getByRole('menuitem', { name: '账号管理' }).click();
    const search = page.getByPlaceholder('搜索用户名或姓名');
    await search.fill('gridworker');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('users-tab').textContent()).toContain('gridworker');
    await page.getByRole('button', { name: '新建账号' }).click();
    const form = page.locator('.ant-modal-content');
    await form.getByLabel('用户名').fill('zhang.min');
    await form.getByLabel('名称').fill('张敏');
    await form.getByLabel(/管辖范围代码/).fill('370303001002');
    await form.getByLabel('密码').fill('zhang-min-2026!');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await search.fill('zhang');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('users-tab').textContent()).toContain('zhang.min');
    await page.waitForTimeout(600); // the dialog closes
    await shot('6-accounts');
    await page.getByRole('tab', { name: '审计日志' }).click();
    await expect.poll(() => page.getByTestId('audit-tab').textContent()).toContain('user.create');
    expect(await page.getByTestId('audit-tab').textContent()).toContain('auth.login');
    await shot('7-audit');
    await page.getByRole('menuitem', { name: '网格地图' }).click();
    await page.getByTestId('map').waitFor();
  });

  it('switches to English', async () => {
    await page.locator('.ant-table-row').first().click();
    await page.getByTestId('grid-panel').waitFor();
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => page.getByTestId('grid-panel').textContent()).toContain('Grid code');
    expect(await page.getByTestId('grid-panel').textContent()).toContain('Grid workers');
    await shot('4-english');
    await page.getByText('中文', { exact: true }).click();
  });

  it('a grid worker sees only their own grid', async () => {
    await page.getByRole('button', { name: /退\s*出/ }).click();
    await signIn('gridworker');
    const own = account(server, 'gridworker').scopeCode;
    await expect.poll(() => page.getByTestId('grid-code').textContent()).toBe(own);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    expect(await page.locator('.ant-pagination-total-text').textContent()).toContain('共 1 个');
    expect(await page.getByRole('button', { name: '编辑' }).count()).toBe(0);
    await page.waitForTimeout(1200);
    await shot('5-grid-worker');
  });
});
