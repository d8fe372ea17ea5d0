import { ApiError } from '../../../api/client';
import { problemOf, rawWrite, sessionCsrfToken } from '../../collect/transport';

/** Sends a file with form fields (multipart); the fields go first, so a server that streams the file has read them by then. */
export async function postFileForm<T>(path: string, fields: Record<string, string>, file: File, lang: string): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file, file.name);
  const res = await rawWrite(path, { body: form, csrfToken: await sessionCsrfToken(), lang });
  if (!res.ok) {
    const p = await problemOf(res);
    throw new ApiError(res.status, p.code, p.detail);
  }
  return (await res.json()) as T;
}

/** The row report (.xlsx) of an import: a plain link, so the browser downloads it with the session cookie. */
export const reportHref = (id: string) => `/api/v1/basedata/imports/${id}/report`;
