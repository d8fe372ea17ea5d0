import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng, upload } from '../modules/cases/test-helpers.js';
import { loginAs, useTestApp } from '../test/harness.js';
import { s3FileStore } from './s3-store.js';

// s3rver ships no types and is CommonJS: load it by require and describe the little we use.
interface S3rver {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => S3rver;

const bucket = 'gongzhi-photos';
// s3rver's built-in account.
const keys = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-s3rver-'));
let server: S3rver | undefined;
let endpoint = '';

// Registered before useTestApp, so the server is up (and its port known) when the app is built.
beforeAll(async () => {
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  endpoint = `http://127.0.0.1:${(await server.run()).port}`;
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

const ctx = useTestApp(() => ({
  GONGZHI_S3_ENDPOINT: endpoint,
  GONGZHI_S3_BUCKET: bucket,
  GONGZHI_S3_ACCESS_KEY_ID: keys.accessKeyId,
  GONGZHI_S3_SECRET_ACCESS_KEY: keys.secretAccessKey,
}));

const store = (name = bucket) => s3FileStore({ endpoint, bucket: name, region: 'us-east-1', forcePathStyle: true, ...keys });

/** Reads an object straight from the bucket, past the store under test. */
async function objectBytes(key: string): Promise<Buffer> {
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: keys, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
  try {
    const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return Buffer.from(await res.Body!.transformToByteArray());
  } finally {
    client.destroy();
  }
}

describe('S3 file store', () => {
  it('puts bytes in the bucket and gets the same bytes back', async () => {
    const key = `2026/05/${crypto.randomUUID()}`;
    const bytes = crypto.randomBytes(300 * 1024);
    await store().put(key, bytes);
    expect((await store().get(key))?.equals(bytes)).toBe(true);
    expect((await objectBytes(key)).equals(bytes)).toBe(true);
  });
  it('answers null for a missing key, and fails loudly for a missing bucket', async () => {
    expect(await store().get(`2026/05/${crypto.randomUUID()}`)).toBeNull();
    await expect(store('no-such-bucket').get('2026/05/x')).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });
  it('keeps photos uploaded through the API in the bucket and serves them back', async () => {
    const worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: '370303001001001' });
    const up = await upload(worker);
    expect(up.statusCode).toBe(201);
    const row = await ctx.database.db.selectFrom('files').select('storage_key').where('id', '=', up.json().id).executeTakeFirstOrThrow();
    expect((await objectBytes(row.storage_key)).equals(tinyPng)).toBe(true);
    const served = await worker.get(`/api/v1/files/${up.json().id}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(tinyPng)).toBe(true);
  });
});
