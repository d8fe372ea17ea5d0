import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { piiKeysFrom } from '../platform/pii.js';
import { seedDemo } from '../seed/demo.js';

declare module 'vitest' {
  interface ProvidedContext {
    /** A migrated and seeded database every test file copies: a PGlite folder or a PostgreSQL template name. */
    templateDb: { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string; template: string };
  }
}

/** Every test app and the seeded template share one key, so seeded personal data decrypts in each copy. */
export const testPiiKey = Buffer.alloc(32, 7).toString('base64');

/** Builds the seeded template once per run; each test file starts from its own copy of it. */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `gz_template_${process.pid}`;
    await adminQuery(url, `create database ${template}`);
    const database = await openDatabase({ url: withDatabase(url, template), dataDir: os.tmpdir() });
    await migrate(database);
    await seedDemo(database.db, fs.mkdtempSync(path.join(os.tmpdir(), 'gz-seed-')), piiKeysFrom(testPiiKey));
    await database.close();
    project.provide('templateDb', { kind: 'postgres', url, template });
    return async () => adminQuery(url, `drop database if exists ${template}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-template-'));
  const database = await openDatabase({ dataDir: dir });
  await migrate(database);
  await seedDemo(database.db, dir, piiKeysFrom(testPiiKey));
  await database.close();
  project.provide('templateDb', { kind: 'pglite', dir });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
