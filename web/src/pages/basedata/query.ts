import { ApiError } from '../../api/client';
import type { Values } from './types';

/** The filters of a record list as they go in the query string; blanks are left out. */
export type ListFilters = Record<string, string | undefined>;

export function listQuery(filters: ListFilters, page?: number, pageSize?: number): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) p.set(k, v);
  if (page !== undefined) p.set('page', String(page));
  if (pageSize !== undefined) p.set('pageSize', String(pageSize));
  return p.toString();
}

/** The Excel download of a list with the filters it shows (a plain link: the session cookie goes with it). */
export const exportHref = (entity: 'person', filters: ListFilters) => `/api/v1/basedata/export?${listQuery({ entity, ...filters })}`;

/** The server's per-field messages of a 400 `basedata.invalid` (`errors: [{path: 'values.<key>', message}]`), by field key. */
export function fieldErrorsOf(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError) || e.status !== 400) return {};
  const out: Record<string, string> = {};
  for (const x of e.errors) if (x.path.startsWith('values.')) out[x.path.slice(7)] = x.message;
  return out;
}

/** The values a form changed (what a PATCH sends); untouched and still-blank fields are left out. */
export function changedValues(before: Values, after: Values): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(after)) {
    const was = before[k] ?? null;
    const now = v === '' ? null : v;
    if (now !== was) out[k] = now;
  }
  return out;
}
