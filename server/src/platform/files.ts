import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { AppError, badRequest } from './errors.js';
import { s3FileStore } from './s3-store.js';

export const maxPhotoBytes = 10 * 1024 * 1024;

/** Where uploaded bytes live: a local folder by default. */
export interface FileStore {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
}

export function localFileStore(dir: string): FileStore {
  const full = (key: string) => path.join(dir, ...key.split('/'));
  return {
    async put(key, bytes) {
      await fs.mkdir(path.dirname(full(key)), { recursive: true });
      await fs.writeFile(full(key), bytes, { flag: 'wx' });
    },
    async get(key) {
      return fs.readFile(full(key)).catch(() => null);
    },
  };
}

/** The configured store: the S3 bucket when GONGZHI_S3_BUCKET is set, else GONGZHI_DATA_DIR/files. */
export function fileStoreFrom(config: Config): FileStore {
  if (!config.GONGZHI_S3_BUCKET) return localFileStore(path.join(config.GONGZHI_DATA_DIR, 'files'));
  return s3FileStore({
    endpoint: config.GONGZHI_S3_ENDPOINT,
    bucket: config.GONGZHI_S3_BUCKET,
    region: config.GONGZHI_S3_REGION,
    // loadConfig refuses a bucket without both keys.
    accessKeyId: config.GONGZHI_S3_ACCESS_KEY_ID!,
    secretAccessKey: config.GONGZHI_S3_SECRET_ACCESS_KEY!,
    forcePathStyle: config.GONGZHI_S3_FORCE_PATH_STYLE,
  });
}

/** The image type from the first bytes, whatever the client claimed. */
export function sniffImage(bytes: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** Stores an uploaded photo: its bytes first, then its row, so a row never points at nothing. */
export async function savePhoto(db: Kysely<DB>, store: FileStore, ownerId: string, bytes: Buffer, claimedType: string) {
  if (bytes.length > maxPhotoBytes) throw new AppError('file.too_large', 413, { mb: maxPhotoBytes / 1024 / 1024 });
  const type = sniffImage(bytes);
  if (!type) throw badRequest('file.type', { type: claimedType || 'unknown' });
  const id = crypto.randomUUID();
  const now = new Date();
  const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
  await store.put(key, bytes);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  await db.insertInto('files').values({ id, owner_id: ownerId, content_type: type, size: bytes.length, sha256, storage_key: key }).execute();
  return { id, contentType: type, size: bytes.length };
}

export async function fileById(db: Kysely<DB>, id: string) {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The ids among `ids` that the owner uploaded (the caller checks they are not attached yet). */
export async function ownedFileIds(db: Kysely<DB>, ownerId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('files').select('id').where('owner_id', '=', ownerId).where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}
