import { useRef, useState } from 'react';
import { api, ApiError, newUuid } from '../../api/client';

/**
 * POSTs a report with one Idempotency-Key per submission: a retry after a lost answer sends the same key
 * and gets the same case back; a refusal (4xx) made nothing, so the next try is a new submission.
 * Answers undefined after a failure, which `fail` has been told about.
 */
export function useIdempotentPost(fail: (e: unknown) => void) {
  const key = useRef<string | null>(null);
  const [busy, setBusy] = useState(false);
  const post = async <T,>(path: string, body: unknown): Promise<T | undefined> => {
    key.current ??= newUuid();
    setBusy(true);
    try {
      const answer = await api<T>(path, { method: 'POST', body, headers: { 'idempotency-key': key.current } });
      key.current = null;
      return answer;
    } catch (e) {
      if (e instanceof ApiError && e.status >= 400 && e.status < 500) key.current = null;
      fail(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { post, busy };
}
