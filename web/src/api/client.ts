import type { Problem } from '@gongzhi/contracts';

/** An API error carrying the problem's stable code and its localised detail. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, detail: string) {
    super(detail);
  }
}

let csrfToken = '';
let language = 'zh-CN';
export const setCsrfToken = (token: string) => void (csrfToken = token);
export const setApiLanguage = (lang: string) => void (language = lang);

/** fetch for /api/v1: sends the language and, on writes, the CSRF token; problem+json becomes ApiError. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { 'accept-language': language };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const res = await fetch(`/api/v1${path}`, { method, headers, credentials: 'same-origin', body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    if (type.includes('json')) {
      const p = (await res.json()) as Problem;
      throw new ApiError(res.status, p.code, p.detail);
    }
    throw new ApiError(res.status, 'network', res.statusText);
  }
  return (await res.json()) as T;
}
