import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decryptPii, encryptPii, maskIdNumber, maskPhone, piiHash, piiKeysFrom, resolvePiiSecret } from './pii.js';

const secret = crypto.randomBytes(32).toString('base64');
const keys = piiKeysFrom(secret);

describe('piiKeysFrom', () => {
  it('accepts 32 bytes as base64 (padded or not) or hex, and derives the same keys from either', () => {
    const bytes = Buffer.from(secret, 'base64');
    expect(piiKeysFrom(bytes.toString('hex'))).toEqual(keys);
    expect(piiKeysFrom(secret.replace(/=$/, ''))).toEqual(keys);
    expect(piiKeysFrom(` ${secret}\n`)).toEqual(keys);
  });

  it('derives two different keys', () => {
    expect(keys.encryption).toHaveLength(32);
    expect(keys.search).toHaveLength(32);
    expect(keys.encryption.equals(keys.search)).toBe(false);
  });

  it('rejects anything else, naming the variable', () => {
    for (const bad of ['', 'secret', crypto.randomBytes(16).toString('base64'), crypto.randomBytes(48).toString('base64'), 'z'.repeat(64)]) {
      expect(() => piiKeysFrom(bad)).toThrow(/GONGZHI_PII_KEY/);
    }
  });
});

describe('encryptPii / decryptPii', () => {
  it('round-trips, with a fresh IV each time', () => {
    const a = encryptPii(keys, '37030319800101123X');
    const b = encryptPii(keys, '37030319800101123X');
    expect(a[0]).toBe(1);
    expect(a).toHaveLength(1 + 12 + 18 + 16);
    expect(a.equals(b)).toBe(false);
    expect(decryptPii(keys, a)).toBe('37030319800101123X');
    expect(decryptPii(keys, encryptPii(keys, '张三 13812345678'))).toBe('张三 13812345678');
    expect(decryptPii(keys, encryptPii(keys, ''))).toBe('');
  });

  it('detects tampering anywhere in the blob', () => {
    const blob = encryptPii(keys, '13812345678');
    for (const at of [0, 1, 13, blob.length - 1]) {
      const bad = Buffer.from(blob);
      bad[at]! ^= 0x01;
      expect(() => decryptPii(keys, bad)).toThrow();
    }
    expect(() => decryptPii(keys, blob.subarray(0, blob.length - 1))).toThrow();
    expect(() => decryptPii(keys, blob.subarray(0, 20))).toThrow();
  });

  it('fails with another key', () => {
    const other = piiKeysFrom(crypto.randomBytes(32).toString('hex'));
    expect(() => decryptPii(other, encryptPii(keys, '13812345678'))).toThrow();
  });
});

describe('piiHash', () => {
  it('is stable for a key, keyed, and separates kinds', () => {
    const h = piiHash(keys, '13812345678', 'phone');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(piiHash(piiKeysFrom(secret), '13812345678', 'phone')).toBe(h);
    expect(piiHash(piiKeysFrom(crypto.randomBytes(32).toString('base64')), '13812345678', 'phone')).not.toBe(h);
    expect(piiHash(keys, '13812345678', 'id')).not.toBe(h);
    expect(piiHash(keys, '13812345679', 'phone')).not.toBe(h);
  });
});

describe('masks', () => {
  it('masks citizen ID numbers and other documents', () => {
    expect(maskIdNumber('37030319800101123X')).toBe('370303********123X');
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
    expect(maskIdNumber('AB12')).toBe('****');
  });

  it('masks mobiles and landlines', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0533-1234567')).toBe('0533-*****67');
    expect(maskPhone('010-12345678')).toBe('010-******78');
    expect(maskPhone('12345')).toBe('12*45');
  });
});

describe('resolvePiiSecret', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  const tempDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-pii-'));
    dirs.push(d);
    return d;
  };

  it('prefers the configured secret and writes no file', () => {
    const dir = tempDir();
    expect(resolvePiiSecret(secret, dir)).toEqual({ secret, generated: false });
    expect(fs.existsSync(path.join(dir, 'pii.key'))).toBe(false);
  });

  it('creates the key file once (mode 600, missing folders too), then reuses it', () => {
    const dir = path.join(tempDir(), 'data');
    const first = resolvePiiSecret(undefined, dir);
    expect(first.generated).toBe(true);
    expect(() => piiKeysFrom(first.secret)).not.toThrow();
    const file = path.join(dir, 'pii.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(resolvePiiSecret('', dir)).toEqual({ secret: first.secret, generated: false });
    expect(resolvePiiSecret(undefined, dir)).toEqual({ secret: first.secret, generated: false });
  });

  it('refuses a damaged key file rather than replacing it', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'pii.key'), 'not a key\n');
    expect(() => resolvePiiSecret(undefined, dir)).toThrow(/pii\.key/);
    expect(fs.readFileSync(path.join(dir, 'pii.key'), 'utf8')).toBe('not a key\n');
  });
});
