import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { GridDetail, LocateResponse } from '../contracts/src/index.js';
import { openWorkbook, sheetRows } from '../server/src/test/workbooks.js';

export interface DemoAccount {
  username: string;
  password: string;
  role: string;
  scopeCode: string;
}

export interface E2EServer {
  url: string;
  accounts: DemoAccount[];
  browser: Browser;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..');
export const screenshotDir = path.join(root, 'e2e/screenshots');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Starts `gongzhi start` on a fresh embedded database, as a newcomer would, and a headless Chromium; `extraEnv` tunes the server (job intervals). */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<E2EServer> {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-web-if-stale.mjs')], { stdio: 'inherit' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), GONGZHI_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...extraEnv };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'bin/gongzhi.mjs'), 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gongzhi exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`gongzhi did not answer within 3 minutes:\n${output}`);
    const ok = await fetch(`${url}/api/v1/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const accounts = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as DemoAccount[];
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  fs.mkdirSync(screenshotDir, { recursive: true });
  return {
    url,
    accounts,
    browser,
    async stop() {
      await browser.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const account = (server: E2EServer, username: string) => server.accounts.find((a) => a.username === username)!;

/** A page in a fresh browser context (its own cookies), kept in `contexts` for closing after the run. */
export async function pageInNewContext(server: E2EServer, contexts: BrowserContext[], options: BrowserContextOptions): Promise<Page> {
  const context = await server.browser.newContext(options);
  contexts.push(context);
  return context.newPage();
}

export const desktop: BrowserContextOptions = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

/** Opens the sign-in page and types a demo account's name and password (not yet submitted). */
export async function fillSignIn(page: Page, server: E2EServer, username: string) {
  await page.goto(server.url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(account(server, username).password);
}

/** Signs a demo account in with its password on `page` and waits for the signed-in header. */
export async function signInOn(page: Page, server: E2EServer, username: string) {
  await fillSignIn(page, server, username);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('user-name').waitFor();
}

/** A demo account signed in with its password in a new browser context (closed with the browser). */
export async function signInWithPassword(server: E2EServer, username: string, options: BrowserContextOptions = desktop): Promise<Page> {
  const page = await (await server.browser.newContext(options)).newPage();
  await signInOn(page, server, username);
  return page;
}

/** The API as a signed-in page calls it (its cookie and CSRF token), for steps a journey does not watch. */
export async function apiOf(server: E2EServer, page: Page) {
  const csrf = ((await (await page.request.get(`${server.url}/api/v1/auth/me`)).json()) as { csrfToken: string }).csrfToken;
  return {
    get: async <T>(p: string) => (await (await page.request.get(`${server.url}/api/v1${p}`)).json()) as T,
    post: async <T>(p: string, data: unknown, headers: Record<string, string> = {}) => {
      const res = await page.request.post(`${server.url}/api/v1${p}`, { data, headers: { 'x-csrf-token': csrf, ...headers } });
      if (!res.ok()) throw new Error(`POST ${p}: ${res.status()} ${await res.text()}`);
      return (await res.json()) as T;
    },
  };
}

/** A screenshot; `whole` stretches the viewport over the page's inner scroll area first (the app scrolls inside, not the document). */
export async function screenshot(page: Page, name: string, whole = false) {
  const file = path.join(screenshotDir, `${name}.png`);
  const size = page.viewportSize()!;
  const tall = whole
    ? await page.evaluate(() => Math.max(0, ...[...document.querySelectorAll('div')]
      .filter((d) => ['auto', 'scroll'].includes(getComputedStyle(d).overflowY) && d.scrollHeight > d.clientHeight + 4)
      .map((d) => d.scrollHeight + d.getBoundingClientRect().top)))
    : 0;
  if (tall <= size.height) return void (await page.screenshot({ path: file }));
  await page.setViewportSize({ width: size.width, height: Math.min(Math.ceil(tall) + 8, 4000) });
  await page.waitForTimeout(400);
  await page.screenshot({ path: file });
  await page.setViewportSize(size);
}

/** A point inside a grid (read with the page's session): the centre of its outline if that is inside, else a vertex pulled toward the centre. */
export async function pointInGrid(server: E2EServer, page: Page, gridCode: string): Promise<[number, number]> {
  const grid = (await (await page.request.get(`${server.url}/api/v1/grids/${gridCode}`)).json()) as GridDetail;
  const ring = (grid.geometry.type === 'Polygon' ? grid.geometry.coordinates[0] : grid.geometry.coordinates[0]![0])! as [number, number][];
  const cx = ring.reduce((s, p) => s + p[0], 0) / ring.length;
  const cy = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  const candidates: [number, number][] = [[cx, cy], ...ring.map(([x, y]) => [x + (cx - x) * 0.7, y + (cy - y) * 0.7] as [number, number])];
  for (const [lng, lat] of candidates) {
    const at = [Number(lng.toFixed(6)), Number(lat.toFixed(6))] as [number, number];
    const res = await page.request.get(`${server.url}/api/v1/grids/locate?lng=${at[0]}&lat=${at[1]}`);
    if (res.ok() && ((await res.json()) as LocateResponse).grid?.code === gridCode) return at;
  }
  throw new Error(`no point found inside grid ${gridCode}`);
}

/**
 * Clicks an export button and opens the workbook the browser saves: its file name and first sheet's
 * rows by header (`headerRow` 3 for tables exported in the browser, under their title and note; 1 for
 * the server's case list).
 */
export async function exportedSheet(page: Page, testId: string, headerRow: number) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(testId).click()]);
  const bytes = fs.readFileSync((await download.path())!);
  const sheet = (await openWorkbook(bytes)).worksheets[0]!;
  return { fileName: download.suggestedFilename(), title: String(sheet.getCell(1, 1).value ?? ''), rows: sheetRows(sheet, headerRow) };
}
