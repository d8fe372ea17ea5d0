import type { CaseFeedEvent } from '@gongzhi/contracts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { coversCode, type Principal } from '../../platform/access.js';
import { regionNames } from '../regions/index.js';
import { categoryNames } from './categories.service.js';

type FeedEvent = CaseFeedEvent;

interface Subscriber {
  principal: Principal;
  deliver(event: FeedEvent): void;
}

const topics: Record<string, FeedEvent['kind']> = { 'case.report': 'reported', 'case.escalate': 'escalated', 'case.auto_escalate': 'escalated' };
const pollMs = 250;
const reread = 200;

/**
 * 实时动态: new and escalated cases as they are written, for the dashboards (Server-Sent Events). One
 * poller per database and process reads the outbox every 250 ms while anyone listens, and hands each
 * event to the listeners whose jurisdiction holds the case. Outbox ids are taken from a sequence and
 * may commit out of order, so each poll rereads the last 200 ids and skips the ones already seen.
 */
class CaseFeed {
  private subscribers = new Set<Subscriber>();
  private timer: NodeJS.Timeout | null = null;
  private seen = new Set<string>();
  private since: number | null = null;

  constructor(private readonly db: Kysely<DB>) {}

  subscribe(s: Subscriber): () => void {
    this.subscribers.add(s);
    if (!this.timer) this.start();
    return () => {
      this.subscribers.delete(s);
      if (this.subscribers.size === 0) this.stop();
    };
  }

  private start() {
    let running = false;
    this.timer = setInterval(() => {
      if (running) return;
      running = true;
      this.poll().catch(() => undefined).finally(() => (running = false));
    }, pollMs);
    this.timer.unref();
  }

  private stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.seen.clear();
    this.since = null;
  }

  private async poll() {
    // the first poll only notes where the outbox stands: listeners get what happens after they came
    if (this.since === null) {
      const { rows } = await sql<{ id: string | null }>`select max(id)::text as id from outbox`.execute(this.db);
      this.since = Number(rows[0]?.id ?? 0);
      return;
    }
    const { rows } = await sql<{ id: string; topic: string; at: Date; case_id: string; number: string; grid_code: string | null; community_code: string; street_code: string; category_code: string; description: string }>`
      select o.id::text as id, o.topic, o.at, c.id as case_id, c.number, c.grid_code, c.community_code, c.street_code, c.category_code, c.description
      from outbox o join cases c on c.id = o.aggregate_id::uuid
      where o.id > ${this.since} and o.aggregate_type = 'case' and o.topic in (${sql.join(Object.keys(topics))})
      order by o.id limit 2000`.execute(this.db);
    const fresh = rows.filter((r) => !this.seen.has(r.id));
    for (const r of fresh) this.seen.add(r.id);
    // a smaller id may still commit after a larger one: reread the last 200 ids (more than transactions in flight)
    if (rows.length) this.since = Math.max(this.since, Number(rows.at(-1)!.id) - reread);
    if (this.seen.size > 5000) this.seen = new Set([...this.seen].slice(-2000));
    if (fresh.length === 0) return;
    const [categories, regions] = await Promise.all([categoryNames(this.db), regionNames(this.db, fresh.flatMap((r) => [r.street_code, r.community_code]))]);
    for (const r of fresh) {
      const event: FeedEvent = {
        kind: topics[r.topic]!, id: r.case_id, number: r.number, categoryName: categories.get(r.category_code) ?? r.category_code,
        streetCode: r.street_code, communityCode: r.community_code, gridCode: r.grid_code,
        streetName: regions.get(r.street_code) ?? r.street_code, communityName: regions.get(r.community_code) ?? r.community_code,
        description: r.description.slice(0, 120), at: new Date(r.at).toISOString(),
      };
      for (const s of this.subscribers) if (coversCode(s.principal.scopeCode, r.grid_code ?? r.community_code)) s.deliver(event);
    }
  }
}

const feeds = new WeakMap<Kysely<DB>, CaseFeed>();

/** Listens to the live feed of the principal's jurisdiction; returns the function that stops listening. */
export function listenToCases(db: Kysely<DB>, principal: Principal, deliver: (event: FeedEvent) => void): () => void {
  if (!feeds.has(db)) feeds.set(db, new CaseFeed(db));
  return feeds.get(db)!.subscribe({ principal, deliver });
}
