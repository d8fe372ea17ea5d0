import { format, type Lang } from './i18n.js';
import { messages, type MessageCode } from './messages.js';

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

/** The one error type of the application; the HTTP layer maps it to problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly status: number,
    readonly params: Record<string, unknown> = {},
    readonly fieldErrors?: FieldError[],
  ) {
    super(format(messages[code].en, params));
  }
}

export const unauthorized = (code: MessageCode = 'auth.required', params?: Record<string, unknown>) => new AppError(code, 401, params);
export const forbidden = () => new AppError('access.forbidden', 403);
/** Also what an out-of-jurisdiction read gets: the resource is not revealed to exist. */
export const notFound = (code: MessageCode, params: Record<string, unknown>) => new AppError(code, 404, params);
export const badRequest = (code: MessageCode, params?: Record<string, unknown>, fieldErrors?: FieldError[]) =>
  new AppError(code, 400, params, fieldErrors);
export const conflict = (code: MessageCode, params?: Record<string, unknown>) => new AppError(code, 409, params);

export function localise(code: MessageCode, lang: Lang, params: Record<string, unknown> = {}): string {
  const m = messages[code];
  return format(lang === 'en' ? m.en : m.zh, params);
}
