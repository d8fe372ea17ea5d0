import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { loginAs, type TestContext } from '../../test/harness.js';
import { county } from '../../test/harness.js';
import { parseOpen311Xml } from './test-schemas.js';

/** An API key made the way an administrator makes one. */
export async function createKey(ctx: TestContext, scopeCode: string, permissions: string[]): Promise<string> {
  const admin = await loginAs(ctx, { role: 'admin', scopeCode: county });
  const res = await admin.send('POST', '/api/v1/api-keys', { name: `Open311 测试 ${scopeCode}`, scopeCode, permissions });
  expect(res.statusCode).toBe(201);
  return res.json().secret as string;
}

/** A form body as Open311 clients send it. */
export function form(fields: Record<string, string | number | string[]>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, String(one));
  return { payload: params.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } };
}

/** Asserts the spec's error list in JSON and answers its first description. */
export function expectJsonError(res: LightMyRequestResponse, status: number): string {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json() as Array<{ code: number; description: string }>;
  expect(Array.isArray(body)).toBe(true);
  expect(body[0]!.code).toBe(status);
  return body.map((e) => e.description).join(' | ');
}

export function expectXmlError(res: LightMyRequestResponse, status: number): string {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^text\/xml/);
  const { root, body } = parseOpen311Xml(res.body);
  expect(root).toBe('errors');
  const errors = body as Array<{ code: number; description: string }>;
  expect(errors[0]!.code).toBe(status);
  return errors[0]!.description;
}
