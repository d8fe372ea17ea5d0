import type { Problem } from '@gongzhi/contracts';

/** An API error carrying the problem's stable code and its localised detail. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    /** Per-field problems (path, code, message) of a 400, for forms to show beside their fields. */
    readonly errors: { path: string; code: string; message: string }[] = [],
  ) {
    super(detail);
  }
}

let csrfToken = '';
let language = 'zh-CN';
export const setCsrfToken = (token: string) => void (csrfToken = token);
export const setApiLanguage = (lang: string) => void (language = lang);

async function send<T>(path: string, method: string, headers: Record<string, string>, body: BodyInit | undefined): Promise<T> {
  headers['accept-language'] = language;
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const res = await fetch(`/api/v1${path}`, { method, headers, credentials: 'same-origin', body });
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    if (type.includes('json')) {
      const p = (await res.json()) as Problem;
      throw new ApiError(res.status, p.code, p.detail, p.errors ?? []);
    }
    throw new ApiError(res.status, 'network', res.statusText);
  }
  return (await res.json()) as T;
}

/** fetch for /api/v1: sends the language and, on writes, the CSRF token; problem+json becomes ApiError. */
export async function api<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return send<T>(path, init.method ?? 'GET', headers, init.body === undefined ? undefined : JSON.stringify(init.body));
}

/** Uploads one file as multipart/form-data (field `file`), with the CSRF token like every write. */
export async function upload<T>(path: string, file: Blob, filename?: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, filename ?? (file instanceof File ? file.name : 'upload'));
  return send<T>(path, 'POST', {}, form);
}

/** A random UUID, also where crypto.randomUUID is missing (plain http on a LAN address). */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The message to show for a failed call: the problem's localised detail, or the error's text. */
export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
