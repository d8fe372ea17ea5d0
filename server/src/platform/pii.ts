import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal data at rest (身份证号, phone numbers): AES-256-GCM for the value, and an HMAC beside it so
 * that exact search and matching across sources work without decrypting. Both keys come from one secret.
 */
export interface PiiKeys {
  encryption: Buffer;
  search: Buffer;
}

const version = 1;
const ivBytes = 12;
const tagBytes = 16;
const secretBytes = 32;
const secretHelp = `GONGZHI_PII_KEY 必须是 ${secretBytes} 个随机字节的 base64（44 个字符）或十六进制（64 个字符），可用 \`openssl rand -base64 32\` 生成 / GONGZHI_PII_KEY must be ${secretBytes} random bytes as base64 (44 characters) or hex (64 characters), e.g. \`openssl rand -base64 32\``;

/** The 32 bytes of a secret written as hex or base64 (padded or not), or null for anything else. */
function secretBytesOf(secret: string): Buffer | null {
  const s = secret.trim();
  // hex first: 64 hex characters are also valid base64 characters, but would decode to 48 bytes
  if (/^[0-9a-fA-F]{64}$/.test(s)) return Buffer.from(s, 'hex');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(s)) {
    const bytes = Buffer.from(s, 'base64');
    if (bytes.length === secretBytes) return bytes;
  }
  return null;
}

/** Derives the encryption and search keys from the one configured secret (HKDF-SHA256, a label each). */
export function piiKeysFrom(secret: string): PiiKeys {
  const master = secretBytesOf(secret);
  if (!master) throw new Error(secretHelp);
  const derive = (label: string) => Buffer.from(crypto.hkdfSync('sha256', master, 'gongzhi-pii', label, 32));
  return { encryption: derive('gongzhi pii encryption v1'), search: derive('gongzhi pii search v1') };
}

/**
 * Random IVs drawn from a pool filled 4 KiB at a time: an import encrypts two values a row, and one
 * system call per IV cost more than the encryption. Each IV is used once, as GCM requires.
 */
let ivPool = Buffer.alloc(0);
function freshIv(): Buffer {
  if (ivPool.length < ivBytes) ivPool = crypto.randomBytes(ivBytes * 341);
  const iv = Buffer.from(ivPool.subarray(0, ivBytes));
  ivPool = ivPool.subarray(ivBytes);
  return iv;
}

/** `[version 1][iv 12][ciphertext][tag 16]`; the version byte is authenticated too, so it cannot be swapped. */
export function encryptPii(keys: PiiKeys, plaintext: string): Buffer {
  const iv = freshIv();
  const header = Buffer.from([version]);
  const cipher = crypto.createCipheriv('aes-256-gcm', keys.encryption, iv);
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([header, iv, body, cipher.getAuthTag()]);
}

/** Throws when the blob was altered, is cut short or was written with another key. */
export function decryptPii(keys: PiiKeys, blob: Buffer): string {
  if (blob.length < 1 + ivBytes + tagBytes) throw new Error('encrypted personal data is too short');
  if (blob[0] !== version) throw new Error(`encrypted personal data has unknown version ${blob[0]}`);
  const iv = blob.subarray(1, 1 + ivBytes);
  const tag = blob.subarray(blob.length - tagBytes);
  const decipher = crypto.createDecipheriv('aes-256-gcm', keys.encryption, iv);
  decipher.setAAD(blob.subarray(0, 1));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(blob.subarray(1 + ivBytes, blob.length - tagBytes)), decipher.final()]).toString('utf8');
}

/**
 * A keyed hash of a normalised value for exact look-up. The kind is hashed in, so an ID number and a
 * phone number that happen to share digits never match each other.
 */
export function piiHash(keys: PiiKeys, normalizedValue: string, kind: 'id' | 'phone'): string {
  return crypto.createHmac('sha256', keys.search).update(`${kind}:${normalizedValue}`, 'utf8').digest('hex');
}

/** `370303********123X` for a citizen ID number; other documents (passports) keep their first and last two. */
export function maskIdNumber(id: string): string {
  return id.length === 18 ? keepEnds(id, 6, 4) : keepEnds(id, 2, 2);
}

/** `138****5678` for a mobile, `0533-*****67` for a landline (the area code says only the city). */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return keepEnds(phone, 3, 4);
  const landline = /^(0\d{2,3})-(\d+)$/.exec(phone);
  if (landline) return `${landline[1]}-${keepEnds(landline[2]!, 0, 2)}`;
  return keepEnds(phone, 2, 2);
}

/** Stars in place of all but the first `head` and last `tail` characters; all stars when that would show it all. */
function keepEnds(s: string, head: number, tail: number): string {
  if (s.length <= head + tail) return '*'.repeat(s.length);
  return `${s.slice(0, head)}${'*'.repeat(s.length - head - tail)}${s.slice(s.length - tail)}`;
}

/**
 * The secret to use: the configured one, or for the embedded demo (variable unset) the one kept in
 * `<dataDir>/pii.key`, created on first start. `generated` tells start-up to warn that the key lives
 * beside the data it protects, which is no protection for a real deployment.
 */
export function resolvePiiSecret(configured: string | undefined, dataDir: string): { secret: string; generated: boolean } {
  if (configured !== undefined && configured.trim() !== '') return { secret: configured.trim(), generated: false };
  const file = path.join(dataDir, 'pii.key');
  const existing = readSecretFile(file);
  if (existing !== null) return { secret: existing, generated: false };
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(secretBytes).toString('base64');
  try {
    // 'wx': if another process created the file meanwhile, keep theirs rather than overwrite it
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return { secret: readSecretFile(file)!, generated: false };
    throw e;
  }
  return { secret, generated: true };
}

function readSecretFile(file: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if (!secretBytesOf(text)) throw new Error(`${file} 不是有效的密钥 / is not a valid key. ${secretHelp}`);
  return text;
}
