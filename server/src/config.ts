import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  GONGZHI_DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set behind HTTPS so the session cookie is marked Secure. */
  GONGZHI_SECURE_COOKIES: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  GONGZHI_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** How often the deadline job looks for reminders, overdue cases and escalations; 0 turns it off in this process. */
  GONGZHI_DEADLINE_SCAN_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** How often new reports are read by the classifier (and, above the threshold set in 办理设置, dispatched); 0 turns it off in this process. */
  GONGZHI_AUTO_DISPATCH_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  /** How often the figures of the dashboards count the cases changed since (驾驶舱 lags by at most this); 0 turns it off in this process. */
  GONGZHI_STATS_SECONDS: z.coerce.number().int().min(0).max(3600).default(2),
  /** How often the scheduled retraining checks whether it is due (interval and corrections are set in 办理设置); 0 turns it off. */
  GONGZHI_RETRAIN_CHECK_SECONDS: z.coerce.number().int().min(0).max(86400).default(3600),
  /** 32 random bytes (base64 or hex) protecting 身份证号 and phone numbers; unset = a key kept in the data folder (demo only). */
  GONGZHI_PII_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=?)$/, 'must be 32 random bytes as base64 or hex (openssl rand -base64 32)')
    .optional(),
  /** S3-compatible endpoint, e.g. http://127.0.0.1:9000 for MinIO; unset = AWS's own endpoint for the region. */
  GONGZHI_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** When set, photos go to this bucket instead of GONGZHI_DATA_DIR/files. */
  GONGZHI_S3_BUCKET: z.string().min(1).optional(),
  /** Signing region; S3-compatible servers mostly accept anything, AWS needs the bucket's own. */
  GONGZHI_S3_REGION: z.string().min(1).default('us-east-1'),
  /** Access key for the bucket; required with GONGZHI_S3_BUCKET. */
  GONGZHI_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  /** Secret for GONGZHI_S3_ACCESS_KEY_ID; required with GONGZHI_S3_BUCKET. */
  GONGZHI_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style URLs (endpoint/bucket/key): on by default because MinIO, Ceph and most self-hosted servers need it. */
  GONGZHI_S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** How one-time sign-in codes reach citizens: 'log' writes them to the server log (demo, development), 'http' POSTs {phone, text} to GONGZHI_SMS_URL. */
  GONGZHI_SMS_SENDER: z.enum(['log', 'http']).default('log'),
  /** The SMS gateway for GONGZHI_SMS_SENDER=http: it receives POST application/json {phone, text}. */
  GONGZHI_SMS_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Sent as Authorization: Bearer … to the SMS gateway, when it wants one. */
  GONGZHI_SMS_TOKEN: z.string().min(1).optional(),
  /** 1 = answer the one-time code in the API response (only with the 'log' sender); unset = on only when NODE_ENV is development or test. */
  GONGZHI_DEV_OTP: z.enum(['0', '1']).optional(),
  NODE_ENV: z.string().optional(),
}).superRefine((env, ctx) => {
  // Caught here rather than at the first upload, which would fail long after start-up.
  if (env.GONGZHI_SMS_SENDER === 'http' && !env.GONGZHI_SMS_URL) {
    ctx.addIssue({ code: 'custom', path: ['GONGZHI_SMS_URL'], message: 'is required with GONGZHI_SMS_SENDER=http / 短信网关地址未设置' });
  }
  if (env.GONGZHI_S3_BUCKET && !(env.GONGZHI_S3_ACCESS_KEY_ID && env.GONGZHI_S3_SECRET_ACCESS_KEY)) {
    ctx.addIssue({
      code: 'custom',
      path: ['GONGZHI_S3_BUCKET'],
      message: 'needs GONGZHI_S3_ACCESS_KEY_ID and GONGZHI_S3_SECRET_ACCESS_KEY as well / 设置存储桶时须同时设置这两个密钥变量',
    });
  }
});

export type Config = Omit<z.infer<typeof envSchema>, 'GONGZHI_DATA_DIR'> & { GONGZHI_DATA_DIR: string };

export class ConfigError extends Error {}

/** Parses the environment once; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`);
    throw new ConfigError(`Invalid configuration / 配置错误:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, GONGZHI_DATA_DIR: path.resolve(parsed.data.GONGZHI_DATA_DIR) };
}

/**
 * Whether POST /auth/otp answers the code itself: never with a real SMS sender; with the log sender
 * when GONGZHI_DEV_OTP=1, or when it is unset and NODE_ENV is development or test (secure by default:
 * a server started without NODE_ENV does not give codes away).
 */
export function devOtpEnabled(config: Pick<Config, 'GONGZHI_SMS_SENDER' | 'GONGZHI_DEV_OTP' | 'NODE_ENV'>): boolean {
  if (config.GONGZHI_SMS_SENDER !== 'log') return false;
  if (config.GONGZHI_DEV_OTP !== undefined) return config.GONGZHI_DEV_OTP === '1';
  return config.NODE_ENV === 'development' || config.NODE_ENV === 'test';
}
