import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { hashPassword } from '../modules/accounts/index.js';
import { createLogger } from '../platform/logger.js';
import { adminQuery, testPiiKey, withDatabase } from './global-setup.js';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
}

/**
 * One real app on one real database per test file: a private copy of the seeded template
 * (PGlite folder copy, or CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
/** A private copy of the seeded template: a PGlite folder copy, or CREATE DATABASE … TEMPLATE on PostgreSQL. */
export async function copyTemplate(): Promise<{ dataDir: string; url: string | undefined; drop: () => Promise<void> }> {
  const template = inject('templateDb');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-test-'));
  if (template.kind === 'pglite') {
    fs.cpSync(path.join(template.dir, 'pgdata'), path.join(dataDir, 'pgdata'), { recursive: true });
    return { dataDir, url: undefined, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `gz_test_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(template.url, `create database ${name} template ${template.template}`);
  return {
    dataDir,
    url: withDatabase(template.url, name),
    drop: async () => {
      await adminQuery(template.url, `drop database if exists ${name}`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One real app on one real database per test file, on its own copy of the seeded template. `env` adds
 * variables to its configuration; it is read when the app is built, so a server started in an earlier
 * beforeAll can pass its port.
 */
export function useTestApp(env: () => NodeJS.ProcessEnv = () => ({})): TestContext {
  const ctx = {} as TestContext;
  let cleanup = async () => {};
  beforeAll(async () => {
    const copy = await copyTemplate();
    cleanup = copy.drop;
    const config = loadConfig({ GONGZHI_DATA_DIR: copy.dataDir, LOG_LEVEL: 'silent', GONGZHI_PII_KEY: testPiiKey, ...(copy.url ? { DATABASE_URL: copy.url } : {}), ...env() });
    ctx.database = await openDatabase({ url: config.DATABASE_URL, dataDir: copy.dataDir });
    ctx.app = await buildApp({ config, database: ctx.database, logger: createLogger('silent'), serveWeb: false });
    cleanup = async () => {
      await ctx.app.close();
      await ctx.database.close();
      await copy.drop();
    };
  });
  afterAll(() => cleanup());
  return ctx;
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
}

let counter = 0;
/** Factory: an account with a known password. */
export async function createUser(
  ctx: TestContext,
  fields: { role: string; scopeCode: string; unitId?: string | null; username?: string },
): Promise<TestUser> {
  const username = fields.username ?? `t${process.pid}-${++counter}-${crypto.randomBytes(3).toString('hex')}`;
  const password = `pw-${crypto.randomBytes(8).toString('hex')}`;
  const row = await ctx.database.db
    .insertInto('users')
    .values({ username, display_name: `测试${username}`, role: fields.role, scope_code: fields.scopeCode, unit_id: fields.unitId ?? null, password_hash: await hashPassword(password) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, username, password };
}

/** A signed-in browser: sends the session cookie and the CSRF token like the web app does. */
export interface Client {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  csrfToken: string;
  cookie: string;
}

export async function login(ctx: TestContext, user: { username: string; password: string }): Promise<Client> {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: user.password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${user.username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'gz_session')!;
  const csrfToken = res.json().csrfToken as string;
  const headers = { cookie: `gz_session=${cookie.value}` };
  const request = (options: InjectOptions) => ctx.app.inject({ ...options, headers: { ...headers, ...options.headers } });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    send: (method, url, payload) => request({ method, url, payload: payload as InjectOptions['payload'], headers: { 'x-csrf-token': csrfToken } }),
    csrfToken,
    cookie: cookie.value,
  };
}

export async function loginAs(ctx: TestContext, fields: Parameters<typeof createUser>[1]) {
  return login(ctx, await createUser(ctx, fields));
}

/** A problem+json body's stable code. */
export const problemCode = (res: LightMyRequestResponse) => {
  expectProblem(res);
  return res.json().code as string;
};

function expectProblem(res: LightMyRequestResponse) {
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${res.headers['content-type']}: ${res.body.slice(0, 200)}`);
  }
}

export const county = '370303000000';
export const chezhan = '370303001000';
export const gongyuan = '370303002000';
