import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import { maskPhone } from '../../platform/pii.js';

/** Sends one text message; throws when the message could not be handed over. */
export interface SmsSender {
  readonly kind: 'log' | 'http';
  send(phone: string, text: string): Promise<void>;
}

/** No SMS gateway: the message goes to the server log at info level (demo and development). */
export function logSender(log: Pick<FastifyBaseLogger, 'info'>): SmsSender {
  return {
    kind: 'log',
    async send(phone, text) {
      log.info({ phone: maskPhone(phone), sms: text }, `SMS to ${maskPhone(phone)} (no SMS gateway configured / 未配置短信网关): ${text}`);
    },
  };
}

/**
 * A generic HTTP gateway: POST application/json {phone, text}, any 2xx is success. Vendor SDKs
 * (阿里云, 腾讯云) sit behind a small relay that speaks this, so the server holds no vendor code.
 */
export function httpSender(url: string, token?: string, timeoutMs = 10_000): SmsSender {
  return {
    kind: 'http',
    async send(phone, text) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ phone, text }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.body?.cancel();
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}

export function smsSenderFrom(config: Pick<Config, 'GONGZHI_SMS_SENDER' | 'GONGZHI_SMS_URL' | 'GONGZHI_SMS_TOKEN'>, log: Pick<FastifyBaseLogger, 'info'>): SmsSender {
  return config.GONGZHI_SMS_SENDER === 'http' ? httpSender(config.GONGZHI_SMS_URL!, config.GONGZHI_SMS_TOKEN) : logSender(log);
}
