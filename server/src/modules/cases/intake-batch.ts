import { sql, type Kysely } from 'kysely';
import { runHot } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { placeQuery, type PlaceRow } from '../regions/index.js';

/** One report ready to be written: everything but its place, which the statement finds. */
export interface IntakeRow {
  number: string;
  county: string;
  /** LIKE pattern of the reporter's jurisdiction ('%' for everywhere). */
  scope: string;
  lng: number;
  lat: number;
  address: string | null;
  category: string;
  description: string;
  priority: string;
  source: string;
  reporterId: string | null;
  reporterName: string | null;
  receiverId: string | null;
  receiverName: string | null;
  level: string;
  startedAt: string;
  warnAt: string;
  dueAt: string;
  at: string;
  key: string | null;
  keyPrincipal: string | null;
  actorId: string;
  actorName: string;
  actorRole: string;
  detail: Record<string, unknown>;
  event: Record<string, unknown>;
  photoIds: string[];
}

export type IntakeResult = (PlaceRow & { id: string | null; version: number | null }) | undefined;

/**
 * Writes reports: places each one and, when it lies in the expected county and inside the reporter's
 * jurisdiction, inserts the case, its first timeline row and its event. Many reports go in one
 * statement: under load the round trips, plans and commits are shared, which is what lets intake
 * keep up with a city's peak.
 */
export async function writeReports(db: Kysely<DB>, rows: IntakeRow[]): Promise<IntakeResult[]> {
  const found = await runHot(db, sql<PlaceRow & { i: number; id: string | null; version: number | null }>`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows.map((r, i) => ({ ...r, i })))}::jsonb) as x(
        i int, number text, county text, scope text, lng float8, lat float8, address text, category text, description text,
        priority text, source text, "reporterId" uuid, "reporterName" text, "receiverId" uuid, "receiverName" text, level text,
        "startedAt" timestamptz, "warnAt" timestamptz, "dueAt" timestamptz, at timestamptz, key text, "keyPrincipal" uuid,
        "actorId" uuid, "actorName" text, "actorRole" text, detail jsonb, event jsonb, "photoIds" uuid[])),
    placed as (
      select input.*, place.* from input cross join lateral (${placeQuery(sql.ref('input.lng'), sql.ref('input.lat'))}) place),
    inserted as (
      insert into cases (number, county_code, street_code, community_code, grid_code, location, address, category_code, description,
        priority, source, reporter_id, reporter_name, first_receiver_id, first_receiver_name, state, level,
        stage, stage_started_at, stage_warn_at, stage_due_at, reported_at, updated_at, intake_key, intake_principal)
      select number, county, street_code, community_code, grid_code, st_setsrid(st_point(lng, lat), 4326), address, category, description,
        priority, source, "reporterId", "reporterName", "receiverId", "receiverName", 'reported', level,
        'register', "startedAt", "warnAt", "dueAt", at, at, key, "keyPrincipal"
      from placed
      where substr(district_code, 1, 6) = county and coalesce(grid_code, community_code) like scope
      order by i
      on conflict (intake_principal, intake_key) where intake_key is not null do nothing
      returning id, version, number),
    -- the first timeline row and the domain event, as recordStep writes them for every later step
    timeline as (
      insert into case_events (case_id, at, action, actor_id, actor_name, actor_role, to_state, detail, photo_ids)
      select inserted.id, input.at, 'report', input."actorId", input."actorName", input."actorRole", 'reported', input.detail, coalesce(input."photoIds", '{}')
      from inserted join input using (number)),
    event as (
      insert into outbox (topic, aggregate_type, aggregate_id, payload)
      select 'case.report', 'case', inserted.id::text, input.event || jsonb_build_object('number', input.number)
      from inserted join input using (number))
    select placed.i, placed.grid_code, placed.grid_name, placed.community_code, placed.community_name, placed.street_code, placed.street_name,
           placed.district_code, placed.district_name, inserted.id, inserted.version
    from placed left join inserted using (number)`);
  const byIndex = new Map(found.map((r) => [Number(r.i), r]));
  return rows.map((_, i) => byIndex.get(i));
}

interface Waiting {
  row: IntakeRow;
  resolve(result: IntakeResult): void;
  reject(error: unknown): void;
}

const maxBatch = 100;

/**
 * Natural batching: a report that arrives while no write is running is written at once; reports that
 * arrive meanwhile wait and go together in the next statement. No timer, so a quiet platform pays no
 * latency for it. A failed batch is retried one report at a time, so one bad report fails alone.
 */
export class IntakeBatcher {
  private queue: Waiting[] = [];
  private running = false;

  constructor(private readonly db: Kysely<DB>) {}

  submit(row: IntakeRow): Promise<IntakeResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0, maxBatch);
      try {
        const results = await writeReports(this.db, batch.map((w) => w.row));
        batch.forEach((w, i) => w.resolve(results[i]));
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        else for (const w of batch) await writeReports(this.db, [w.row]).then(([r]) => w.resolve(r), (e: unknown) => w.reject(e));
      }
    }
    this.running = false;
  }
}

const batchers = new WeakMap<Kysely<DB>, IntakeBatcher>();
export function intakeBatcher(db: Kysely<DB>): IntakeBatcher {
  let b = batchers.get(db);
  if (!b) batchers.set(db, (b = new IntakeBatcher(db)));
  return b;
}
