import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'gongzhi' }, redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-api-key"]', 'password'] });
}
