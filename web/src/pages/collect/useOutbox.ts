import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useI18n } from '../../app/i18n';
import { createOutbox, localStore, memoryStore, outboxCounts, type FlushReport, type OutboxEntry, type OutboxStore, type SendResult } from './outbox';
import { resultOfError, sendJson, sessionCsrfToken } from './transport';

/** How often a waiting outbox tries again when no `online` event comes (a phone's onLine can lie). */
const retryEveryMs = 15_000;

const paths: Record<OutboxEntry['kind'], string> = { person: '/basedata/people', visit: '/basedata/visits' };

/** The phone's own outbox, one per account: another worker signing in on the same phone never sends it. */
function storeFor(userId: string): OutboxStore {
  try {
    return localStore(window.localStorage, `gongzhi.outbox.${userId}`);
  } catch {
    return memoryStore(); // storage refused (private mode with storage off): the page still works until closed
  }
}

const subscribeOnline = (onChange: () => void) => {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
};
/** navigator.onLine, kept current. */
export const useOnline = () => useSyncExternalStore(subscribeOnline, () => navigator.onLine);

export interface OutboxState {
  entries: OutboxEntry[];
  pending: number;
  rejected: number;
  syncing: boolean;
  /** Why the last attempt stopped early, if it did. */
  stopped: FlushReport['stopped'];
  lastSyncedAt: Date | null;
  add(entry: Pick<OutboxEntry, 'id' | 'kind' | 'label' | 'body'>): void;
  revise(id: string, changes: Pick<OutboxEntry, 'label' | 'body'>): void;
  retry(id: string): void;
  discard(id: string): void;
  syncNow(): void;
}

/**
 * The outbox of the signed-in worker, sent when the page opens, when the browser says it is back
 * online, when the page becomes visible again, after each new entry, and every 15 s while anything waits.
 */
export function useOutbox(userId: string, onSent: (report: FlushReport) => void): OutboxState {
  const { lang } = useI18n();
  const language = lang === 'en' ? 'en' : 'zh-CN';
  const store = useMemo(() => storeFor(userId), [userId]);
  const [entries, setEntries] = useState<OutboxEntry[]>(() => store.read());
  const [syncing, setSyncing] = useState(false);
  const [stopped, setStopped] = useState<FlushReport['stopped']>(null);
  const [lastSyncedAt, setLastSyncedAt] = useState<Date | null>(null);
  const token = useRef<string | null>(null);
  const langRef = useRef(language);
  langRef.current = language;
  const onSentRef = useRef(onSent);
  onSentRef.current = onSent;

  const box = useMemo(() => {
    const send = async (entry: OutboxEntry): Promise<SendResult> => {
      try {
        token.current ??= await sessionCsrfToken();
      } catch (e) {
        return resultOfError(e); // 401: the session is gone; a network failure is rethrown as "no answer"
      }
      const result = await sendJson(paths[entry.kind], entry.body, token.current, langRef.current);
      if (!result.ok && result.status === 403 && result.code === 'auth.csrf') token.current = null;
      return result;
    };
    return createOutbox(store, send, () => setEntries(store.read()));
  }, [store]);

  const flush = useCallback(async () => {
    if (!box.entries().some((e) => e.state === 'pending')) return;
    setSyncing(true);
    token.current = null; // a fresh token per round: the session may have changed while offline
    try {
      const report = await box.flush();
      setStopped(report.stopped);
      if (report.sent > 0 || report.rejected > 0) {
        setLastSyncedAt(new Date());
        onSentRef.current(report);
      }
    } finally {
      setSyncing(false);
    }
  }, [box]);

  useEffect(() => {
    void flush();
    const whenVisible = () => document.visibilityState === 'visible' && void flush();
    const fromOtherTab = (e: StorageEvent) => e.key === `gongzhi.outbox.${userId}` && setEntries(store.read());
    const timer = window.setInterval(() => navigator.onLine && void flush(), retryEveryMs);
    const online = () => void flush();
    window.addEventListener('online', online);
    window.addEventListener('storage', fromOtherTab);
    document.addEventListener('visibilitychange', whenVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', online);
      window.removeEventListener('storage', fromOtherTab);
      document.removeEventListener('visibilitychange', whenVisible);
    };
  }, [flush, store, userId]);

  const counts = outboxCounts(entries);
  return {
    entries,
    ...counts,
    syncing,
    stopped,
    lastSyncedAt,
    add: (entry) => {
      box.add(entry);
      if (navigator.onLine) void flush();
    },
    revise: (id, changes) => {
      box.revise(id, changes);
      if (navigator.onLine) void flush();
    },
    retry: (id) => {
      box.retry(id);
      void flush();
    },
    discard: (id) => box.discard(id),
    syncNow: () => void flush(),
  };
}
