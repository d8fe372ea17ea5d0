import type { Problem, SessionResponse } from '@gongzhi/contracts';
import { api, ApiError } from '../../api/client';
import type { FieldProblem, SendResult } from './outbox';

/**
 * Writes that need the whole answer of the API. client.ts's `api` keeps only a problem's detail text
 * (not its per-field `errors`) and `upload` sends nothing but the file; both hold the CSRF token
 * privately. So these writes ask the session for the token and send with fetch themselves.
 */

/** The CSRF token of the signed-in session (GET /auth/me). */
export async function sessionCsrfToken(): Promise<string> {
  return (await api<SessionResponse>('/auth/me')).csrfToken;
}

/** A write to /api/v1 with the token and the language; the Response as it came. */
export function rawWrite(path: string, init: { method?: string; body: BodyInit; csrfToken: string; lang: string; contentType?: string }): Promise<Response> {
  const headers: Record<string, string> = { 'x-csrf-token': init.csrfToken, 'accept-language': init.lang };
  if (init.contentType) headers['content-type'] = init.contentType;
  return fetch(`/api/v1${path}`, { method: init.method ?? 'POST', headers, credentials: 'same-origin', body: init.body });
}

/** The problem of a failed answer, or a stand-in when the body is not problem+json (a proxy's page). */
export async function problemOf(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) return (await res.json()) as Problem;
  return { type: 'about:blank', title: res.statusText, status: res.status, code: 'http', detail: `HTTP ${res.status} ${res.statusText}` };
}

/** Field errors keyed by field: 'values.id_number' → 'id_number'. */
export const fieldProblemsOf = (p: Problem): FieldProblem[] =>
  (p.errors ?? []).map((e) => ({ field: e.path.replace(/^values\./, ''), message: e.message }));

/** Sends one JSON write and says how it went, in the outbox's terms (never throws for an HTTP answer). */
export async function sendJson(path: string, body: unknown, csrfToken: string, lang: string): Promise<SendResult> {
  const res = await rawWrite(path, { body: JSON.stringify(body), csrfToken, lang, contentType: 'application/json' });
  if (res.ok) return { ok: true };
  const p = await problemOf(res);
  return { ok: false, status: res.status, code: p.code, message: summaryOf(p), fieldErrors: fieldProblemsOf(p) };
}

/** The detail without the field messages the server appends to it (the entry lists those one by one). */
export function summaryOf(p: Problem): string {
  if (!p.errors?.length) return p.detail;
  const appended = ` ${p.errors.map((e) => `${e.path || '(body)'}: ${e.message}`).join('; ')}`;
  return p.detail.endsWith(appended) ? p.detail.slice(0, -appended.length) : p.detail;
}

/** An ApiError (from `api`) in the outbox's terms; anything else is rethrown as "no answer". */
export function resultOfError(e: unknown): SendResult {
  if (e instanceof ApiError && e.status > 0 && e.code !== 'network') return { ok: false, status: e.status, code: e.code, message: e.message };
  throw e;
}
