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
