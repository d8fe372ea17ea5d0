import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PersonDetail, PersonListItem } from '../contracts/src/index.js';
import { idCheckChar } from '../server/src/modules/basedata/identity.js';
import { account, screenshot, signInOn, startServer, type E2EServer } from './harness.js';

/**
 * 采集走访 on a phone without a network: a grid worker registers a person and records a visit while
 * offline; the page reopens offline from the service worker with the outbox intact; back online, each
 * record reaches the server exactly once, also when an answer was lost on the way.
 */
let server: E2EServer;
let context: BrowserContext;
let page: Page;
const until = { timeout: 30_000, interval: 250 };
const shot = (name: string, whole = false) => screenshot(page, name, whole);

const idNumber = (() => {
  const first17 = `37030319880315${String(100 + Math.floor(Math.random() * 800))}`;
  return first17 + idCheckChar(first17);
})();
const personName = '孙晓梅';
const visitNotes = '入户走访：独居，身体状况良好，已告知社区服务电话。';
const visitPoint = { longitude: 118.0561, latitude: 36.8123 };
let personId = '';

const pendingText = () => page.getByTestId('pending-count').textContent();
const api = async <T,>(path: string): Promise<T> => {
  const res = await page.request.get(`${server.url}/api/v1${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
};
const peopleWithId = () => api<{ items: PersonListItem[] }>(`/basedata/people?q=${idNumber}`).then((r) => r.items);

async function chooseOption(label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

beforeAll(async () => {
  server = await startServer();
  context = await server.browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    permissions: ['geolocation'], geolocation: { ...visitPoint, accuracy: 15 },
  });
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close().catch(() => undefined);
  await server?.stop();
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await shot(`failed-collect-${task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
});

describe('采集走访 offline', () => {
  it('the grid worker opens 采集走访 on a phone; the form follows the grid’s field definitions', async () => {
    await signInOn(page, server, 'gridworker');
    await page.goto(`${server.url}/#/collect`);
    await page.getByTestId('person-form').waitFor();
    // core fields with their required marks, choices as selects
    for (const label of ['证件类型', '公民身份号码', '姓名', '性别', '出生日期', '联系电话', '人员类型']) await page.getByLabel(label, { exact: true }).waitFor();
    expect(await page.locator('.ant-form-item-required').allTextContents()).toEqual(['公民身份号码', '姓名', '人员类型']);
    await expect.poll(pendingText, until).toBe('已全部同步');
    // the service worker controls the page once it has been opened
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), until).toBe(true);
    await shot('collect-1-form');
  });

  it('registers a person offline: 待同步 1, kept through a reload without a network', async () => {
    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('network-state').textContent(), until).toBe('离线');
    // a mistyped ID number is caught on the phone, before anything is queued
    await page.getByLabel('公民身份号码', { exact: true }).fill(`${idNumber.slice(0, 17)}${idNumber[17] === '0' ? '1' : '0'}`);
    await page.getByLabel('姓名', { exact: true }).fill(personName);
    await page.getByTestId('save-person').click();
    await page.getByText('公民身份号码的校验码不正确').waitFor();
    await page.getByLabel('公民身份号码', { exact: true }).fill(idNumber);
    // gender and date of birth come from the ID number
    await expect.poll(() => page.getByLabel('出生日期', { exact: true }).inputValue(), until).toBe('1988-03-15');
    await page.getByLabel('联系电话', { exact: true }).fill('13905331234');
    await chooseOption('人员类型', '常住人口');
    await shot('collect-2-filled-offline', true);
    await page.getByTestId('save-person').click();
    await expect.poll(pendingText, until).toBe('待同步 1 条');
    await shot('collect-3-pending-offline');

    await page.reload();
    await page.getByTestId('collect-page').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await expect.poll(pendingText, until).toBe('待同步 1 条');
    await page.getByRole('tab', { name: /待同步/ }).click();
    expect(await page.getByTestId('outbox-entry').allTextContents()).toEqual([expect.stringContaining(personName)]);
    await shot('collect-4-reloaded-offline');
  });

  it('back online, the registration is sent once and the person exists exactly once', async () => {
    await context.setOffline(false);
    await expect.poll(pendingText, until).toBe('已全部同步');
    await page.getByTestId('outbox-empty').waitFor();
    const people = await peopleWithId();
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ name: personName, personType: 'changzhu', gridCode: account(server, 'gridworker').scopeCode, birthDate: '1988-03-15' });
    personId = people[0]!.id;
    await shot('collect-5-synced');
  });

  it('records a visit offline; its first answer is lost, and still exactly one visit is stored', async () => {
    await page.getByRole('tab', { name: '走访' }).click();
    const search = page.getByPlaceholder('输入姓名或身份证号查找本网格人员');
    await search.fill(personName);
    await search.press('Enter');
    await page.getByTestId('visit-candidate').filter({ hasText: personName }).click();
    await page.getByTestId('visit-form').waitFor();

    await context.setOffline(true);
    await page.getByTestId('locate').click();
    await expect.poll(() => page.getByTestId('gps-point').textContent(), until).toContain('118.056100');
    await page.getByLabel('走访情况').fill(visitNotes);
    await shot('collect-6-visit-offline');
    await page.getByTestId('save-visit').click();
    await expect.poll(pendingText, until).toBe('待同步 1 条');

    // the server stores the first send, but its answer never reaches the phone
    let sends = 0;
    await context.route('**/api/v1/basedata/visits', async (route) => {
      sends++;
      if (sends > 1) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await context.setOffline(false);
    await expect.poll(pendingText, until).toBe('已全部同步');
    expect(sends).toBeGreaterThanOrEqual(2);
    await context.unroute('**/api/v1/basedata/visits');

    const person = await api<PersonDetail>(`/basedata/people/${personId}`);
    expect(person.visits).toHaveLength(1);
    expect(person.visits[0]).toMatchObject({ notes: visitNotes, lng: visitPoint.longitude, lat: visitPoint.latitude });
    await page.getByRole('tab', { name: /待同步/ }).click();
    await shot('collect-7-visit-synced');
  });

  it('a registration the server refuses stays as 需修改 with its reason, and goes once corrected', async () => {
    await page.getByRole('tab', { name: '人员登记' }).click();
    await page.getByLabel('公民身份号码', { exact: true }).fill(idNumber);
    await page.getByLabel('姓名', { exact: true }).fill(personName);
    await chooseOption('人员类型', '常住人口');
    await page.getByLabel('标准地址编码', { exact: true }).fill('370303-NOWHERE');
    await page.getByTestId('save-person').click();
    await expect.poll(() => page.getByTestId('rejected-count').textContent(), until).toBe('需修改 1 条');
    await page.getByRole('tab', { name: /待同步/ }).click();
    await expect.poll(() => page.getByTestId('entry-error').textContent(), until).toContain('370303-NOWHERE');
    await shot('collect-8-needs-change');

    // a reload keeps it, still refused, not sent again by itself
    await page.reload();
    await page.getByTestId('collect-page').waitFor();
    await expect.poll(() => page.getByTestId('rejected-count').textContent(), until).toBe('需修改 1 条');
    await page.getByRole('tab', { name: /待同步/ }).click();
    await page.getByRole('button', { name: /修\s*改/ }).click();
    await expect.poll(() => page.getByLabel('标准地址编码', { exact: true }).inputValue(), until).toBe('370303-NOWHERE');
    await page.getByLabel('标准地址编码', { exact: true }).fill('');
    await page.getByTestId('save-person').click();
    await expect.poll(() => page.getByTestId('rejected-count').count(), until).toBe(0);
    await expect.poll(pendingText, until).toBe('已全部同步');
    expect(await peopleWithId()).toHaveLength(1);
  });
});
