/**
 * The phone's outbox (待同步): every registration and visit is written here first and sent when the
 * network allows, in the order made. An entry leaves only after the server accepted it (2xx) or the
 * worker discards it; a definitive refusal (most 4xx) keeps it as 需修改 with the server's words.
 *
 * Sending twice is harmless by design of the API: a visit carries the id made on the phone (the
 * server stores it once and answers 200 the second time), and a person is matched on the ID number
 * (a second registration merges into the first). So an entry whose answer was lost, or that two
 * tabs sent at once, is never doubled.
 *
 * Pure: storage and sending are passed in, so the rules are tested without a browser.
 */

export type OutboxKind = 'person' | 'visit';

export interface FieldProblem {
  /** The field key ('id_number'), or '' for the whole record. */
  field: string;
  message: string;
}

export interface OutboxEntry {
  /** Made on the phone: the visit's own id, or the key of a registration. */
  id: string;
  kind: OutboxKind;
  /** What the list shows: the registered person's name, or the visited person's. */
  label: string;
  createdAt: string;
  /** The request body, exactly as it will be sent. */
  body: unknown;
  /** `rejected`: the server refused it for good (需修改); it waits for the worker to change, retry or discard it. */
  state: 'pending' | 'rejected';
  attempts: number;
  /** The last failure: the server's message when rejected, why it could not be sent when pending. */
  error: string | null;
  fieldErrors: FieldProblem[];
}

/** What one attempt to send came to. `status` 0: no answer (offline, DNS, connection reset). */
export type SendResult =
  | { ok: true }
  | { ok: false; status: number; code: string; message: string; fieldErrors?: FieldProblem[] };

/** sent: remove it; rejected: keep it as 需修改; retry: keep it and stop here (order); signin: stop, the session is gone. */
export type Verdict = 'sent' | 'rejected' | 'retry' | 'signin';

/** Answers that say "not now" rather than "never": timeouts, rate limits, and a server that is down or busy. */
const transient = new Set([408, 425, 429]);

export function verdictOf(result: SendResult): Verdict {
  if (result.ok) return 'sent';
  if (result.status === 401 || (result.status === 403 && result.code === 'auth.csrf')) return 'signin';
  if (result.status >= 400 && result.status < 500 && !transient.has(result.status)) return 'rejected';
  return 'retry';
}

export interface OutboxStore {
  read(): OutboxEntry[];
  write(entries: OutboxEntry[]): void;
}

/** A store in memory (tests; and where localStorage is refused). */
export function memoryStore(initial: OutboxEntry[] = []): OutboxStore {
  let entries = initial;
  return { read: () => entries, write: (next) => void (entries = next) };
}

/** A store in localStorage under `key`; unreadable content counts as empty rather than breaking the page. */
export function localStore(storage: Pick<Storage, 'getItem' | 'setItem'>, key: string): OutboxStore {
  return {
    read() {
      try {
        const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
        return Array.isArray(parsed) ? (parsed as OutboxEntry[]) : [];
      } catch {
        return [];
      }
    },
    write: (entries) => storage.setItem(key, JSON.stringify(entries)),
  };
}

export interface FlushReport {
  sent: number;
  rejected: number;
  /** Why sending stopped before the end, if it did. */
  stopped: 'unreachable' | 'signin' | null;
}

export interface Outbox {
  entries(): OutboxEntry[];
  /** Queues a new submission; it is stored before anything is sent. */
  add(entry: Pick<OutboxEntry, 'id' | 'kind' | 'label' | 'body'>, now?: Date): OutboxEntry;
  /** Puts changed values into a queued entry (after 需修改) and queues it again in its place. */
  revise(id: string, changes: Pick<OutboxEntry, 'label' | 'body'>): void;
  /** Queues a refused entry again as it is (after the cause was fixed elsewhere). */
  retry(id: string): void;
  /** Removes an entry the worker gave up on. */
  discard(id: string): void;
  /** Sends the pending entries in order; one flush at a time (a second call joins the running one). */
  flush(): Promise<FlushReport>;
}

export function createOutbox(store: OutboxStore, send: (entry: OutboxEntry) => Promise<SendResult>, onChange: () => void = () => {}): Outbox {
  const update = (fn: (entries: OutboxEntry[]) => OutboxEntry[]) => {
    // read again on every change: another tab, or an add during a flush, may have written meanwhile
    store.write(fn(store.read()));
    onChange();
  };
  const patch = (id: string, fn: (e: OutboxEntry) => OutboxEntry) => update((all) => all.map((e) => (e.id === id ? fn(e) : e)));
  let running: Promise<FlushReport> | null = null;

  async function sendAll(): Promise<FlushReport> {
    const report: FlushReport = { sent: 0, rejected: 0, stopped: null };
    const tried = new Set<string>();
    for (;;) {
      const next = store.read().find((e) => e.state === 'pending' && !tried.has(e.id));
      if (!next) return report;
      tried.add(next.id);
      let result: SendResult;
      try {
        result = await send(next);
      } catch (e) {
        result = { ok: false, status: 0, code: 'network', message: e instanceof Error ? e.message : String(e) };
      }
      const verdict = verdictOf(result);
      if (verdict === 'sent') {
        update((all) => all.filter((e) => e.id !== next.id));
        report.sent++;
        continue;
      }
      const failure = result as Exclude<SendResult, { ok: true }>;
      if (verdict === 'rejected') {
        patch(next.id, (e) => ({ ...e, state: 'rejected', attempts: e.attempts + 1, error: failure.message, fieldErrors: failure.fieldErrors ?? [] }));
        report.rejected++;
        continue;
      }
      // not now: keep it, and keep the order by not sending what came after it
      patch(next.id, (e) => ({ ...e, attempts: e.attempts + 1, error: failure.message }));
      report.stopped = verdict === 'signin' ? 'signin' : 'unreachable';
      return report;
    }
  }

  return {
    entries: () => store.read(),
    add(input, now = new Date()) {
      const entry: OutboxEntry = { ...input, createdAt: now.toISOString(), state: 'pending', attempts: 0, error: null, fieldErrors: [] };
      update((all) => [...all.filter((e) => e.id !== entry.id), entry]);
      return entry;
    },
    revise: (id, changes) => patch(id, (e) => ({ ...e, ...changes, state: 'pending', error: null, fieldErrors: [] })),
    retry: (id) => patch(id, (e) => ({ ...e, state: 'pending', error: null, fieldErrors: [] })),
    discard: (id) => update((all) => all.filter((e) => e.id !== id)),
    flush() {
      running ??= sendAll().finally(() => (running = null));
      return running;
    },
  };
}

/** The counts the page shows: 待同步 N 条 (to be sent) and 需修改 M 条 (refused, waiting for the worker). */
export function outboxCounts(entries: readonly OutboxEntry[]) {
  const rejected = entries.filter((e) => e.state === 'rejected').length;
  return { pending: entries.length - rejected, rejected };
}
