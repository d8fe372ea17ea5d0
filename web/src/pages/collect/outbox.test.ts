import { describe, expect, it } from 'vitest';
import { createOutbox, localStore, memoryStore, outboxCounts, verdictOf, type OutboxEntry, type SendResult } from './outbox';

const refused = (status: number, code = 'basedata.invalid', message = '数据有误'): SendResult => ({ ok: false, status, code, message });
const offline: SendResult = { ok: false, status: 0, code: 'network', message: 'Failed to fetch' };

/** A server stand-in: answers from a script per entry id (default 201), and records what arrived. */
function fakeServer(script: Record<string, SendResult[]> = {}) {
  const received: string[] = [];
  const send = async (e: OutboxEntry): Promise<SendResult> => {
    received.push(e.id);
    return script[e.id]?.shift() ?? { ok: true };
  };
  return { received, send };
}

const person = (id: string, name = '张三') => ({ id, kind: 'person' as const, label: name, body: { values: { name } } });

describe('verdictOf', () => {
  it('removes only what the server took, keeps a definitive refusal, retries the rest', () => {
    expect(verdictOf({ ok: true })).toBe('sent');
    expect(verdictOf(refused(400))).toBe('rejected');
    expect(verdictOf(refused(404, 'basedata.person_not_found'))).toBe('rejected');
    expect(verdictOf(refused(409, 'basedata.visit_conflict'))).toBe('rejected');
    expect(verdictOf(refused(403, 'auth.forbidden'))).toBe('rejected');
    expect(verdictOf(offline)).toBe('retry');
    expect(verdictOf(refused(500, 'internal'))).toBe('retry');
    expect(verdictOf(refused(503, 'unavailable'))).toBe('retry');
    expect(verdictOf(refused(429, 'rate'))).toBe('retry');
    expect(verdictOf(refused(408, 'timeout'))).toBe('retry');
  });

  it('stops for a lost session or CSRF token rather than marking the entry wrong', () => {
    expect(verdictOf(refused(401, 'auth.required'))).toBe('signin');
    expect(verdictOf(refused(403, 'auth.csrf'))).toBe('signin');
  });
});

describe('createOutbox', () => {
  it('stores an entry before anything is sent, and removes it once the server took it', async () => {
    const store = memoryStore();
    const server = fakeServer();
    const box = createOutbox(store, server.send);
    box.add(person('a'), new Date('2026-11-24T02:00:00Z'));
    expect(store.read()).toMatchObject([{ id: 'a', state: 'pending', attempts: 0, createdAt: '2026-11-24T02:00:00.000Z' }]);
    expect(server.received).toEqual([]);
    expect(await box.flush()).toEqual({ sent: 1, rejected: 0, stopped: null });
    expect(store.read()).toEqual([]);
  });

  it('sends in the order made and stops at the first entry that could not go, keeping it and everything after', async () => {
    const server = fakeServer({ b: [offline] });
    const box = createOutbox(memoryStore(), server.send);
    for (const id of ['a', 'b', 'c']) box.add(person(id));
    expect(await box.flush()).toEqual({ sent: 1, rejected: 0, stopped: 'unreachable' });
    expect(server.received).toEqual(['a', 'b']);
    expect(box.entries().map((e) => [e.id, e.state, e.attempts])).toEqual([['b', 'pending', 1], ['c', 'pending', 0]]);
    expect(box.entries()[0]!.error).toBe('Failed to fetch');
    // the network is back: the rest goes, still in order
    expect(await box.flush()).toEqual({ sent: 2, rejected: 0, stopped: null });
    expect(server.received).toEqual(['a', 'b', 'b', 'c']);
    expect(box.entries()).toEqual([]);
  });

  it('keeps a refused entry as 需修改 with the server’s words, and goes on with the others', async () => {
    const fieldErrors = [{ field: 'id_number', message: '公民身份号码的校验码不正确' }];
    const server = fakeServer({ a: [{ ok: false, status: 400, code: 'basedata.invalid', message: '数据有误，请按提示修改。', fieldErrors }] });
    const box = createOutbox(memoryStore(), server.send);
    box.add(person('a'));
    box.add(person('b'));
    expect(await box.flush()).toEqual({ sent: 1, rejected: 1, stopped: null });
    expect(box.entries()).toMatchObject([{ id: 'a', state: 'rejected', error: '数据有误，请按提示修改。', fieldErrors }]);
    expect(outboxCounts(box.entries())).toEqual({ pending: 0, rejected: 1 });
    // a refused entry is not sent again by itself …
    await box.flush();
    expect(server.received).toEqual(['a', 'b']);
    // … only once the worker changed it (or asked to retry)
    box.revise('a', { label: '张三', body: { values: { name: '张三', id_number: 'fixed' } } });
    expect(box.entries()).toMatchObject([{ id: 'a', state: 'pending', error: null, fieldErrors: [], body: { values: { id_number: 'fixed' } } }]);
    await box.flush();
    expect(server.received).toEqual(['a', 'b', 'a']);
    expect(box.entries()).toEqual([]);
  });

  it('stops when the session is gone and leaves the entry pending, not 需修改', async () => {
    const server = fakeServer({ a: [refused(401, 'auth.required', '请先登录')] });
    const box = createOutbox(memoryStore(), server.send);
    box.add(person('a'));
    box.add(person('b'));
    expect(await box.flush()).toEqual({ sent: 0, rejected: 0, stopped: 'signin' });
    expect(box.entries().map((e) => e.state)).toEqual(['pending', 'pending']);
    expect(server.received).toEqual(['a']);
  });

  it('counts a thrown error (fetch refused) as no answer', async () => {
    const box = createOutbox(memoryStore(), async () => {
      throw new TypeError('Failed to fetch');
    });
    box.add(person('a'));
    expect(await box.flush()).toEqual({ sent: 0, rejected: 0, stopped: 'unreachable' });
    expect(box.entries()).toMatchObject([{ id: 'a', state: 'pending', attempts: 1, error: 'Failed to fetch' }]);
  });

  it('runs one flush at a time: the online event and the timer firing together send each entry once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const received: string[] = [];
    const box = createOutbox(memoryStore(), async (e) => {
      received.push(e.id);
      await gate;
      return { ok: true };
    });
    box.add(person('a'));
    const first = box.flush();
    const second = box.flush();
    expect(second).toBe(first);
    release();
    await Promise.all([first, second]);
    expect(received).toEqual(['a']);
  });

  it('sends what was added while a flush was running, in the same flush', async () => {
    const server = fakeServer();
    let box!: ReturnType<typeof createOutbox>;
    const send = async (e: OutboxEntry) => {
      if (e.id === 'a') box.add(person('b'));
      return server.send(e);
    };
    box = createOutbox(memoryStore(), send);
    box.add(person('a'));
    expect(await box.flush()).toMatchObject({ sent: 2 });
    expect(server.received).toEqual(['a', 'b']);
  });

  it('does not add the same submission twice, and discards only on request', () => {
    const box = createOutbox(memoryStore(), fakeServer().send);
    box.add(person('a'));
    box.add(person('a', '张三丰'));
    expect(box.entries().map((e) => e.label)).toEqual(['张三丰']);
    box.discard('a');
    expect(box.entries()).toEqual([]);
  });

  it('tells the page after every change', async () => {
    let changes = 0;
    const box = createOutbox(memoryStore(), fakeServer().send, () => changes++);
    box.add(person('a'));
    await box.flush();
    expect(changes).toBe(2);
  });
});

describe('localStore', () => {
  const storage = () => {
    const map = new Map<string, string>();
    return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
  };

  it('survives a reload: what one page wrote, the next one reads', async () => {
    const s = storage();
    const before = createOutbox(localStore(s, 'outbox.u1'), async () => offline);
    before.add(person('a'));
    await before.flush();
    const after = createOutbox(localStore(s, 'outbox.u1'), fakeServer().send);
    expect(after.entries()).toMatchObject([{ id: 'a', state: 'pending', attempts: 1 }]);
    // another account on the same phone has its own outbox
    expect(localStore(s, 'outbox.u2').read()).toEqual([]);
  });

  it('reads damaged content as empty instead of breaking the page', () => {
    const s = storage();
    s.setItem('k', '{not json');
    expect(localStore(s, 'k').read()).toEqual([]);
    s.setItem('k', '{"a":1}');
    expect(localStore(s, 'k').read()).toEqual([]);
  });
});
