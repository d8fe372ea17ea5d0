import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImportItem, PersonListItem } from '../contracts/src/index.js';
import { idCheckChar } from '../server/src/modules/basedata/identity.js';
import { account, screenshot, signInOn, startServer, type E2EServer } from './harness.js';

/**
 * 导入 and 比对 in the browser: the data administrator imports a department's CSV with a few bad rows
 * (a trial run first, then the import), follows its progress, reads the counts and the rows that
 * failed, downloads the row report, and settles the value that differed from a grid worker's record.
 */
let server: E2EServer;
let context: BrowserContext;
let page: Page;
const until = { timeout: 60_000, interval: 250 };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-import-e2e-'));
const shot = (name: string, whole = false) => screenshot(page, name, whole);

const id = (first17: string) => first17 + idCheckChar(first17);
const suffix = String(100 + Math.floor(Math.random() * 800));
const grid = '370303001001001';
/** Registered by the grid worker first (phone 13905330001); the file brings another phone from 公安. */
const known = { id: id(`11010119560704${suffix}`), name: '韩立平', phone: '13905330001' };
const good = [
  [id(`11010119500101${suffix}`), '周桂兰', '户籍人口', grid, '13905331001'],
  [id(`11010119611203${suffix}`), '吴建国', '户籍人口', grid, '13905331002'],
  [id(`11010119720518${suffix}`), '郑秀英', '流动人口', grid, ''],
  [id(`11010119830927${suffix}`), '王海涛', '常住人口', grid, '0533-2187654'],
  [id(`11010119941111${suffix}`), '冯雪', '户籍人口', grid, ''],
  [id(`11010120050630${suffix}`), '陈子豪', '流动人口', grid, '13905331006'],
];
const wrongCheck = (() => {
  const right = id(`11010119770101${suffix}`);
  return right.slice(0, 17) + (right[17] === '1' ? '2' : '1');
})();
const bad = [
  [wrongCheck, '错号码', '户籍人口', grid, ''],
  [id(`11010119780202${suffix}`), '', '户籍人口', grid, ''],
  [id(`11010119790303${suffix}`), '李四', '外来人口', grid, ''],
  [id(`11010119800404${suffix}`), '赵五', '户籍人口', '370303999999999', ''],
];
const rows = [['公民身份号码', '姓名', '人员类型', '所属网格', '联系电话'], ...good.slice(0, 3), bad[0]!, ...good.slice(3), bad[1]!, [known.id, known.name, '户籍人口', grid, '13905339999'], bad[2]!, bad[3]!];
const csvFile = path.join(tmp, '公安户籍人口.csv');

const api = async <T,>(p: string): Promise<T> => {
  const res = await page.request.get(`${server.url}/api/v1${p}`);
  expect(res.status(), p).toBe(200);
  return (await res.json()) as T;
};
const counts = async () => Object.fromEntries(
  await page.getByTestId('import-counts').locator('.ant-statistic').evaluateAll((els) => els.map((e) => [e.querySelector('.ant-statistic-title')!.textContent, Number(e.querySelector('.ant-statistic-content')!.textContent)])),
) as Record<string, number>;
const jobState = () => page.getByTestId('import-state').textContent();

beforeAll(async () => {
  fs.writeFileSync(csvFile, `${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');
  server = await startServer();
  // the grid worker's record, through the API as the phone sends it
  const worker = await server.browser.newContext();
  const login = await worker.request.post(`${server.url}/api/v1/auth/login`, { data: { username: 'gridworker', password: account(server, 'gridworker').password } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const registered = await worker.request.post(`${server.url}/api/v1/basedata/people`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { values: { id_number: known.id, name: known.name, person_type: 'huji', grid_code: grid, phone: known.phone } },
  });
  expect(registered.status()).toBe(201);
  await worker.close();
  context = await server.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close().catch(() => undefined);
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await shot(`failed-import-${task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
});

describe('导入 and 比对', () => {
  it('the data administrator picks a CSV and a source; the preview shows the headings, rows, encoding and the guessed mapping', async () => {
    await signInOn(page, server, 'dataadmin');
    await page.getByRole('menuitem', { name: '人房企' }).click();
    await page.getByRole('tab', { name: '导入' }).click();
    await page.getByTestId('imports-tab').waitFor();

    await page.getByTestId('import-source').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('公安（户籍）').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-file').click();
    await (await chooser).setFiles(csvFile);
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-file-facts').textContent()).toMatch(/CSV.*编码 utf-?8/i);
    expect(await page.getByTestId('import-sample').textContent()).toContain('周桂兰');
    // headings mapped to their fields by name
    for (const [heading, label] of [['公民身份号码', '公民身份号码'], ['姓名', '姓名'], ['人员类型', '人员类型'], ['所属网格', '所属网格'], ['联系电话', '联系电话']])
      expect(await page.getByTestId(`map-${heading}`).first().textContent()).toContain(label);
    await shot('import-1-preview');
  });

  it('a trial run counts what the import would do and writes nothing', async () => {
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-job').waitFor();
    expect(await page.getByTestId('import-job').textContent()).toContain('试导入（未写入）');
    await expect.poll(jobState, until).toBe('已完成');
    const c = await counts();
    expect(c).toMatchObject({ 新增: 6, 失败: 4 });
    expect(c['新增']! + c['更新']! + c['未变']! + c['失败']!).toBe(rows.length - 1);
    expect((await api<{ items: PersonListItem[] }>(`/basedata/people?q=${good[0]![0]}`)).items).toHaveLength(0);
    await shot('import-2-trial-done', true);
  });

  it('the import runs with a moving progress bar, then shows the counts and the rows that failed', async () => {
    await page.getByTestId('import-start').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => page.getByTestId('import-job').textContent(), until).not.toContain('试导入（未写入）');
    await shot('import-3-running');
    await expect.poll(jobState, until).toBe('已完成');
    expect(await page.getByTestId('import-progress').getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByTestId('import-bytes').textContent()).toContain(`，${rows.length - 1} 行`);
    const c = await counts();
    expect(c).toMatchObject({ 新增: 6, 失败: 4 });
    expect(c['比对']).toBeGreaterThanOrEqual(1);
    expect(c['新增']! + c['更新']! + c['未变']! + c['失败']!).toBe(rows.length - 1);

    // the failed rows, by their row number in the file (the heading is row 1)
    const errors = page.getByTestId('import-errors');
    await expect.poll(() => errors.textContent(), until).toContain('共 4 行有误');
    const rowNumbers = await errors.locator('.ant-table-row td:first-child').allTextContents();
    expect(rowNumbers.map(Number)).toEqual(bad.map((b) => rows.indexOf(b) + 1));
    const text = (await errors.textContent())!;
    for (const words of ['校验码', '姓名', '外来人口', '370303999999999']) expect(text).toContain(words);
    await shot('import-4-done', true);

    const download = page.waitForEvent('download');
    await page.getByTestId('download-report').click();
    const file = await (await download).path();
    const head = fs.readFileSync(file).subarray(0, 2).toString('latin1');
    expect(head).toBe('PK'); // an .xlsx is a zip
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    // the people are there now, and the history lists both runs
    expect((await api<{ items: PersonListItem[] }>(`/basedata/people?q=${good[0]![0]}`)).items).toMatchObject([{ name: '周桂兰', personType: 'huji' }]);
    const history = await api<{ items: ImportItem[] }>('/basedata/imports');
    expect(history.items.filter((i) => i.fileName === path.basename(csvFile)).map((i) => i.dryRun).sort()).toEqual([false, true]);
    await expect.poll(() => page.getByTestId('import-history').locator('.ant-table-row').count(), until).toBe(2);
  });

  it('比对: the phone 公安 brought for a grid worker’s record waits for a decision; accepting it applies it', async () => {
    await page.getByRole('tab', { name: '比对' }).click();
    await page.getByTestId('discrepancies-tab').waitFor();
    const row = page.locator('[data-testid=discrepancies-tab] .ant-table-row').filter({ hasText: known.name }).filter({ hasText: '联系电话' });
    await expect.poll(() => row.count(), until).toBe(1);
    expect(await row.textContent()).toMatch(/网格采集.*公安/);
    await shot('import-5-discrepancies');
    await row.getByTestId('accept').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => row.count(), until).toBe(0);
    await page.locator('.ant-segmented-item', { hasText: '已采用新值' }).click();
    await expect.poll(() => page.locator('[data-testid=discrepancies-tab] .ant-table-row').filter({ hasText: known.name }).count(), until).toBe(1);
    await shot('import-6-accepted');
  });
});
