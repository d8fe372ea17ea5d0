import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GridDetail, LocateResponse } from '../contracts/src/index.js';
import { account, exportedSheet, screenshot, signInOn, startServer, type E2EServer } from './harness.js';

/**
 * 人房企 in the browser: the data administrator finds a person, reveals the ID number with a reason and
 * finds the look in 查看记录; walks estate → building → dwelling to who lives there; colours the map's
 * grids by an indicator. A grid worker on a phone sees only their grid's people.
 */
let server: E2EServer;
let current: Page | undefined;
const until = { timeout: 20_000, interval: 250 };
const desktop: BrowserContextOptions = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const phone: BrowserContextOptions = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

const workerGrid = '370303001001001';
const otherGrid = '370303001002001';
/** The records this journey makes through the API (the demo seed may hold others; these names are its own). */
const owner = { name: '欧阳明远', id: idNumber('370303', '19560418', 21) };
const tenant = { name: '司马晓燕', id: idNumber('370303', '19920913', 42) };
const elsewhere = { name: '诸葛文涛', id: idNumber('370303', '19800101', 63) };
let ownerId = '';
let elsewhereId = '';
let estateName = '翠竹苑';
let buildingName = '18号楼';

/** A resident ID number with its GB 11643 check digit. */
function idNumber(area: string, birth: string, seq: number): string {
  const body = `${area}${birth}${String(seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

/** Calls the API as a demo account (session cookie and CSRF token), for setting up the records. */
async function apiAs(username: string) {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: account(server, username).password }),
  });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as T };
  };
}

/** A point inside a grid: the middle of its outline's extent if that is inside, else a vertex pulled toward it. */
async function pointInGrid(call: Awaited<ReturnType<typeof apiAs>>, gridCode: string): Promise<[number, number]> {
  const grid = (await call<GridDetail>('GET', `/grids/${gridCode}`)).body;
  const ring = (grid.geometry.type === 'Polygon' ? grid.geometry.coordinates[0] : grid.geometry.coordinates[0]![0])! as [number, number][];
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const [cx, cy] = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  for (const [x, y] of [[cx, cy], ...ring.map(([x, y]) => [x + (cx - x) * 0.6, y + (cy - y) * 0.6])] as [number, number][]) {
    const at: [number, number] = [Number(x.toFixed(6)), Number(y.toFixed(6))];
    if ((await call<LocateResponse>('GET', `/grids/locate?lng=${at[0]}&lat=${at[1]}`)).body.grid?.code === gridCode) return at;
  }
  throw new Error(`no point found inside grid ${gridCode}`);
}

/** A building with four dwellings in the grid worker's grid, an owner and a tenant living there, and one person in another grid. */
async function makeRecords() {
  const call = await apiAs('dataadmin');
  const [lng, lat] = await pointInGrid(call, workerGrid);
  let building = await call<{ id: string }>('POST', '/basedata/buildings', { estateName, estateKind: 'estate', name: buildingName, floors: 6, lng, lat });
  if (building.status === 409) {
    // the demo seed has one of that name: take a name of our own
    [estateName, buildingName] = ['翠竹苑东区', '28号楼'];
    building = await call<{ id: string }>('POST', '/basedata/buildings', { estateName, estateKind: 'estate', name: buildingName, floors: 6, lng, lat });
  }
  expect(building.status).toBe(201);
  const dwellings: Record<string, string> = {};
  for (const [unitNo, roomNo, usage] of [['1', '101', 'owner_occupied'], ['1', '102', 'rented'], ['1', '201', 'vacant'], ['2', '101', 'commercial']] as const) {
    const d = await call<{ id: string }>('POST', `/basedata/buildings/${building.body.id}/dwellings`, { unitNo, roomNo, values: { usage, area_m2: '86.5' } });
    expect(d.status).toBe(201);
    dwellings[`${unitNo}-${roomNo}`] = d.body.id;
  }
  const addressOf = async (key: string) => (await call<{ addressCode: string }>('GET', `/basedata/dwellings/${dwellings[key]}`)).body.addressCode;
  const register = async (values: Record<string, string>) => {
    const r = await call<{ id: string }>('POST', '/basedata/people', { values, source: 'gongan' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id;
  };
  ownerId = await register({ name: owner.name, id_number: owner.id, person_type: 'huji', phone: '13805330418', address_code: await addressOf('1-101'), residence: 'owner', moved_in: '2008-05-01' });
  await register({ name: tenant.name, id_number: tenant.id, person_type: 'liudong', phone: '15053310913', address_code: await addressOf('1-102'), residence: 'tenant', moved_in: '2025-03-15' });
  elsewhereId = await register({ name: elsewhere.name, id_number: elsewhere.id, person_type: 'changzhu', grid_code: otherGrid });
  expect((await call('PUT', `/basedata/people/${ownerId}/tags`, { codes: ['elderly_alone'] })).status).toBe(200);
}

async function search(page: Page, text: string) {
  const box = page.getByPlaceholder('姓名、身份证号或手机号');
  await box.fill(text);
  await box.press('Enter');
}

async function signIn(username: string, options: BrowserContextOptions): Promise<Page> {
  current = await (await server.browser.newContext(options)).newPage();
  await signInOn(current, server, username);
  return current;
}

beforeAll(async () => {
  server = await startServer();
  await makeRecords();
});
afterAll(async () => server?.stop());
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && current) await screenshot(current, `failed-basedata-${task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
});

describe('人房企', () => {
  let admin: Page;

  it('the data administrator finds a person by name and reveals the ID number with a reason', async () => {
    admin = await signIn('dataadmin', desktop);
    await admin.getByRole('menuitem', { name: '人房企' }).click();
    await admin.getByTestId('people-table').waitFor();
    await search(admin, '欧阳明');
    const row = admin.locator('[data-testid=people-table] .ant-table-row').filter({ hasText: owner.name });
    await expect.poll(() => row.count(), until).toBe(1);
    await expect.poll(() => row.textContent(), until).toContain('独居老人'); // the tag names load on their own
    const text = (await row.textContent())!;
    expect(text).toContain(`370303********${owner.id.slice(-4)}`);
    expect(text).toContain('138****0418');
    expect(text).toContain('户籍人口');
    expect(text).toContain('独居老人');
    expect(text).toContain(`${estateName} ${buildingName} 1单元 101室`);
    // the Excel download carries the filters shown
    expect(await admin.getByTestId('export-people').getAttribute('href')).toBe(`/api/v1/basedata/export?entity=person&q=${encodeURIComponent('欧阳明')}`);
    await screenshot(admin, 'basedata-1-people');

    await row.click();
    await admin.getByTestId('person-page').waitFor();
    expect(await admin.getByTestId('person-name').textContent()).toBe(owner.name);
    expect(await admin.getByTestId('number-id_number').textContent()).toBe(`370303********${owner.id.slice(-4)}`);
    // every value with its source; where they live in the residence history
    await expect.poll(() => admin.getByTestId('person-values').textContent(), until).toContain('公安（户籍）');
    expect(await admin.getByTestId('residences').textContent()).toContain(`${estateName} ${buildingName} 1单元 101室`);
    expect(await admin.getByTestId('residences').textContent()).toContain('产权人');

    await admin.getByTestId('reveal-id_number').click();
    await admin.getByTestId('reveal-reason').fill('核实独居老人走访对象身份');
    await admin.locator('.ant-modal-footer').getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => admin.getByTestId('number-id_number').textContent(), until).toBe(owner.id);
    const log = admin.getByTestId('reveal-log');
    await expect.poll(() => log.textContent(), until).toContain('核实独居老人走访对象身份');
    expect(await log.textContent()).toContain('数据管理员');
    expect(await log.textContent()).toContain('身份证号');
    await admin.waitForTimeout(400);
    await screenshot(admin, 'basedata-2-person-revealed', true);
  });

  it('walks from an estate to a building and a dwelling, and sees who lives there', async () => {
    await admin.getByRole('menuitem', { name: '人房企' }).click();
    await admin.getByRole('tab', { name: '房屋' }).click();
    await admin.getByPlaceholder('搜索小区、街路巷').fill(estateName);
    await admin.getByTestId('estate-item').filter({ hasText: estateName }).first().click();
    await admin.getByTestId('building-item').filter({ hasText: buildingName }).click();
    const units = admin.getByTestId('building-units');
    await units.waitFor();
    await expect.poll(() => admin.getByTestId('dwelling-cell').count(), until).toBe(4);
    expect(await units.textContent()).toContain('1单元');
    expect(await units.textContent()).toContain('2单元');
    expect(await admin.locator('[data-testid=dwelling-cell][data-usage=rented]').textContent()).toContain('102');
    await screenshot(admin, 'basedata-3-housing');

    await admin.locator('[data-testid=dwelling-cell][data-usage=rented]').click();
    await admin.getByTestId('dwelling-page').waitFor();
    expect(await admin.getByTestId('dwelling-address').textContent()).toBe(`${estateName} ${buildingName} 1单元 102室`);
    await expect.poll(() => admin.getByTestId('occupants-now').textContent(), until).toContain(tenant.name);
    expect(await admin.getByTestId('occupants-now').textContent()).toContain('租户');
    expect(await admin.getByTestId('occupants-now').textContent()).toContain('2025-03-15');
    await screenshot(admin, 'basedata-4-dwelling', true);
    // back to the same building
    await admin.getByText('← 返回房屋').click();
    await expect.poll(() => admin.getByTestId('dwelling-cell').count(), until).toBe(4);
  });

  it('exports the organisations to Excel: every page of the list, not the one shown', async () => {
    await admin.getByRole('tab', { name: '单位' }).click();
    await expect.poll(() => admin.locator('[data-testid=export-organisations]').isEnabled(), until).toBe(true);
    const shown = await admin.locator('.ant-table-row').count();
    const sheet = await exportedSheet(admin, 'export-organisations', 3);
    expect(sheet.fileName).toMatch(/^单位_\d{8}\.xlsx$/);
    expect(sheet.rows.length).toBeGreaterThan(shown);
    // names are text, and credit codes stay text even when all digits
    expect(sheet.rows.every((r) => typeof r['名称'] === 'string' && typeof r['统一社会信用代码'] !== 'number')).toBe(true);
    const withStaff = sheet.rows.find((r) => r['从业人数'] !== null && r['从业人数'] !== undefined);
    expect(typeof withStaff?.['从业人数']).toBe('number');
  });

  it('colours the grids by an indicator on the map and tells a grid’s counts', async () => {
    await admin.getByRole('tab', { name: '地图' }).click();
    const panel = admin.getByTestId('map-panel');
    await expect.poll(() => panel.textContent(), until).toMatch(/[1-9]\d* 个网格/);
    await admin.getByTestId('indicator').getByText('流动人口').click();
    // counting every grid of the district takes a while on the embedded database
    await expect.poll(() => admin.getByTestId('map-counting').count(), { timeout: 150_000, interval: 500 }).toBe(0);
    expect(await admin.getByTestId('map-legend').textContent()).toMatch(/\d+–\d+|[1-9]/);
    await admin.waitForTimeout(1000); // the view fits the district
    const box = (await admin.getByTestId('stats-map').boundingBox())!;
    // a click may land on a building point (which shows the building); try a few spots until one is a grid
    for (const [fx, fy] of [[0.5, 0.5], [0.47, 0.56], [0.56, 0.46], [0.42, 0.42], [0.6, 0.62], [0.35, 0.6]] as const) {
      await admin.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
      await admin.waitForTimeout(800);
      if (/3703\d{11}/.test((await admin.getByTestId('map-info').textContent().catch(() => '')) ?? '')) break;
    }
    await expect.poll(() => admin.getByTestId('map-info').textContent(), until).toMatch(/3703\d{11}/);
    expect(await admin.getByTestId('map-info').textContent()).toContain('流动人口');
    await screenshot(admin, 'basedata-5-map');

    // narrowed to the community of the new building: its grids, coloured, with the building points
    await admin.getByTestId('map-panel').getByTestId('region-picker').click();
    await admin.keyboard.type('新华社区');
    await admin.locator('.ant-select-tree-node-content-wrapper', { hasText: '新华社区' }).first().click();
    await expect.poll(() => panel.textContent(), until).toMatch(/[1-9]\d? 个网格/);
    await expect.poll(() => admin.getByTestId('map-counting').count(), until).toBe(0);
    await admin.waitForTimeout(1000);
    await screenshot(admin, 'basedata-5b-map-community');
  }, 240_000);

  it('a grid worker on a phone sees the people of their grid only', async () => {
    const page = await signIn('gridworker', phone);
    await page.goto(`${server.url}/#/basedata/people`);
    const items = page.getByTestId('person-item');
    // their grid's people are found, the neighbouring grid's are not
    for (const [who, seen] of [[owner, true], [tenant, true], [elsewhere, false]] as const) {
      await search(page, who.name);
      await expect.poll(() => page.getByTestId('people-list').textContent(), until).toContain(seen ? who.name : '没有符合条件的人员');
    }
    await search(page, '');
    await expect.poll(() => items.count(), until).toBeGreaterThan(1);
    await screenshot(page, 'basedata-6-people-phone');

    await search(page, owner.name);
    await items.filter({ hasText: owner.name }).click();
    await page.getByTestId('person-page').waitFor();
    expect(await page.getByTestId('reveal-id_number').count()).toBe(0);
    expect(await page.getByTestId('reveal-log').count()).toBe(0);
    await screenshot(page, 'basedata-7-person-phone', true);
    await page.goto(`${server.url}/#/basedata/people/${elsewhereId}`);
    await expect.poll(() => page.locator('.ant-result-404').count(), until).toBe(1);
    expect(account(server, 'gridworker').scopeCode).toBe(workerGrid);
  });
});
