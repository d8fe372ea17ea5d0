import type { S3Client } from '@aws-sdk/client-s3';
import type { FileStore } from './files.js';

export interface S3StoreOptions {
  /** Unset = AWS's own endpoint for the region. */
  endpoint?: string | undefined;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

type Sdk = typeof import('@aws-sdk/client-s3');

/**
 * Photos in an S3-compatible bucket (AWS, MinIO, Ceph, OSS…). The SDK is loaded on first use: it costs
 * about 200 ms to import, which every start on the default local folder would otherwise pay.
 */
export function s3FileStore(options: S3StoreOptions): FileStore {
  let ready: Promise<{ sdk: Sdk; client: S3Client }> | undefined;
  const connect = () =>
    (ready ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: options.region,
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        forcePathStyle: options.forcePathStyle,
        credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
        // Since 3.729 the SDK adds a CRC32 checksum header to every upload and asks for checksums on every
        // download. s3rver ignores them, but not every S3-compatible server does (Cloudflare R2 answered
        // 501 NotImplemented, aws-sdk-js-v3#6810), so send and check them only where S3 requires them.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    })));
  return {
    async put(key, bytes) {
      const { sdk, client } = await connect();
      // No IfNoneMatch: '*' (the local store's "never overwrite"): keys hold a fresh random UUID, so a
      // clash is not a real risk, and support differs by server — s3rver ignores the header, some
      // S3-compatible servers answer 501 — so it would guard nothing portably and could break uploads.
      await client.send(new sdk.PutObjectCommand({ Bucket: options.bucket, Key: key, Body: bytes, ContentLength: bytes.length }));
    },
    async get(key) {
      const { sdk, client } = await connect();
      try {
        const res = await client.send(new sdk.GetObjectCommand({ Bucket: options.bucket, Key: key }));
        if (!res.Body) return null;
        const body = await res.Body.transformToByteArray();
        return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
      } catch (error) {
        if (isMissingObject(error)) return null;
        throw error;
      }
    },
  };
}

/** A missing object reads as null; a missing bucket or any other failure is a fault to surface (500), not a 404. */
function isMissingObject(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (e?.name === 'NoSuchBucket') return false;
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}
