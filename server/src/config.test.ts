import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has defaults for a newcomer: port 8080, embedded database in .data', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.GONGZHI_DATA_DIR).toBe(path.resolve('.data'));
    expect(config.GONGZHI_SECURE_COOKIES).toBe(false);
  });
  it('stops on a bad value and names the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
  it('accepts a PostgreSQL URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).DATABASE_URL).toBe('postgres://u@h:5432/db');
  });
});

describe('S3 configuration', () => {
  const keys = { GONGZHI_S3_ACCESS_KEY_ID: 'AK', GONGZHI_S3_SECRET_ACCESS_KEY: 'SK' };
  it('keeps photos in the local folder unless a bucket is set', () => {
    const config = loadConfig({});
    expect(config.GONGZHI_S3_BUCKET).toBeUndefined();
    expect(config.GONGZHI_S3_REGION).toBe('us-east-1');
    expect(config.GONGZHI_S3_FORCE_PATH_STYLE).toBe(true);
  });
  it('accepts a bucket with both keys, an endpoint and path style off', () => {
    const config = loadConfig({ GONGZHI_S3_BUCKET: 'photos', GONGZHI_S3_ENDPOINT: 'http://127.0.0.1:9000', GONGZHI_S3_FORCE_PATH_STYLE: 'false', ...keys });
    expect(config).toMatchObject({ GONGZHI_S3_BUCKET: 'photos', GONGZHI_S3_ENDPOINT: 'http://127.0.0.1:9000', GONGZHI_S3_FORCE_PATH_STYLE: false, GONGZHI_S3_ACCESS_KEY_ID: 'AK' });
  });
  it('stops when a bucket lacks either key and names both variables', () => {
    for (const env of [{ GONGZHI_S3_BUCKET: 'photos' }, { GONGZHI_S3_BUCKET: 'photos', GONGZHI_S3_ACCESS_KEY_ID: 'AK' }, { GONGZHI_S3_BUCKET: 'photos', GONGZHI_S3_SECRET_ACCESS_KEY: 'SK' }]) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(/GONGZHI_S3_BUCKET: needs GONGZHI_S3_ACCESS_KEY_ID and GONGZHI_S3_SECRET_ACCESS_KEY/);
    }
  });
  it('stops on an endpoint that is not an http(s) URL, or a bad path-style flag', () => {
    expect(() => loadConfig({ GONGZHI_S3_ENDPOINT: '127.0.0.1:9000' })).toThrow(/GONGZHI_S3_ENDPOINT/);
    expect(() => loadConfig({ GONGZHI_S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/GONGZHI_S3_FORCE_PATH_STYLE/);
  });
});
