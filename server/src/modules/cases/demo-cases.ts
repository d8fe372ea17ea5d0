import type { CaseLevel, CasePriority } from '@gongzhi/contracts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { staffName } from '../../seed/names.js';
import { officeCode, unitIdsByCode, unitsByIds, type UnitRow } from '../accounts/index.js';
import { loadCalendar, shanghaiDay, type WorkCalendar } from '../calendar/index.js';
import { demoCounty, regionNames } from '../regions/index.js';
import { insertJson } from '../../db/bulk-insert.js';
import { seededRandom } from '../../platform/random.js';
import { type StageLimits } from './deadlines.js';
import { dispatchable, suggestUnit, type CasePlace } from './routing.service.js';
import { pickRule } from './routing.js';
import { historyDays, perDay, odds, openHorizonDays, categoryWeight, rareWeight, ruralFactor, sourceShares, hourProfile, classAffinity, assistOf, MINUTE, sampler, simulateCase, stateAt } from './demo-case-story.js';
import type { Rng, Reporting, Party, SimUnit, Step, Cast, Lifecycle } from './demo-case-story.js';
import { problems, sayer, placeIn, describeProblem, callerName } from './demo-case-texts.js';
import type { GridInfo } from './demo-case-texts.js';

/**
 * Six months of history for the demo district: ~100 reports a day, each taken through the loop the
 * way people and the deadline job would have taken it (the same transitions, stage clocks, reminders,
 * overdue marks and escalations), written in bulk. History, not live events: no outbox rows, no photos.
 * The simulation (`simulateCase`) is a pure function; `seedDemoCases` places, names and writes.
 */

// ---- the seed ------------------------------------------------------------------------------------

export interface DemoCasesResult {
  cases: number;
  open: number;
  events: number;
}

interface Category {
  code: string;
  name: string;
  priority: CasePriority;
  level: CaseLevel;
  limits: StageLimits;
  weight: number;
}

/** The demo accounts' grid (the grid worker's) and its community (the community accounts') see more cases. */
const demoGrid = '370303001001001';

/** Reads what the history needs: categories, grids with their workers, units, rules, accounts, calendar. */
async function loadWorld(db: Kysely<DB>) {
  const county = demoCounty.slice(0, 6);
  const categories: Category[] = (
    await db.selectFrom('case_categories').selectAll().where('active', '=', true).where('parent_code', 'is not', null).orderBy('code').execute()
  ).map((c) => ({
    code: c.code, name: c.name, priority: c.priority, level: c.default_level,
    limits: { register: c.limit_register, dispatch: c.limit_dispatch, handle: c.limit_handle, verify: c.limit_verify },
    weight: categoryWeight[c.code] ?? rareWeight,
  }));
  const { rows: grids } = await sql<{ code: string; name: string; community_code: string; area_m2: number; worker_id: string | null; worker_name: string | null }>`
    select g.code, g.name, g.community_code, g.area_m2, w.user_id as worker_id, w.display_name as worker_name
    from grids g
    left join lateral (select s.user_id, u.display_name from grid_staff s join users u on u.id = s.user_id
                       where s.grid_id = g.id and s.duty = 'worker' order by u.username limit 1) w on true
    where g.retired_at is null and g.county_code = ${county}
    order by g.code`.execute(db);
  // the people who act: dispatchers by the scope they coordinate, handlers by unit, the verifier and the leader
  const { rows: accounts } = await sql<{ id: string; display_name: string; role: string; scope_code: string; unit_id: string | null }>`
    select id, display_name, role, scope_code, unit_id from users
    where role in ('dispatcher', 'handler', 'verifier', 'leader') and scope_code like ${`${county}%`} and not disabled
    order by username`.execute(db);
  const idsByCode = await unitIdsByCode(db);
  const units = await unitsByIds(db, [...idsByCode.values()]);
  const rules = await db.selectFrom('routing_rules').select(['id', 'category_code', 'region_code', 'unit_id']).execute();
  const names = await regionNames(db, [...new Set(grids.flatMap((g) => [g.community_code, `${g.community_code.slice(0, 9)}000`]))]);
  // the simulation asks the calendar about the same few hundred days millions of times
  const calendar = await loadCalendar(db);
  const days = new Map<string, boolean>();
  const cal: WorkCalendar = {
    isWorkingDay(day) {
      let working = days.get(day);
      if (working === undefined) days.set(day, (working = calendar.isWorkingDay(day)));
      return working;
    },
  };
  return { county, categories, grids, accounts, idsByCode, units, rules, names, cal };
}
type World = Awaited<ReturnType<typeof loadWorld>>;

/**
 * The lead unit the routing rules suggest, exactly as `suggestUnit` chooses it (same rules, same
 * `pickRule`, same dispatchability, same 属地兜底 office) but from rules and units read once: on the
 * embedded database one `suggestUnit` call costs ~20 ms, and the history has thousands of places.
 * The first place of every (category, level) is checked against `suggestUnit` itself (`checkRouting`).
 */
function makeRouter(world: World) {
  const cache = new Map<string, UnitRow>();
  const samples = new Map<string, { place: CasePlace; unitId: string }>();
  return {
    samples,
    lead(place: CasePlace): UnitRow {
      const key = `${place.categoryCode}|${place.level}|${place.communityCode}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const candidates = world.rules
        .filter((r) => (r.category_code === place.categoryCode || r.category_code === place.categoryCode.slice(0, 3)) && world.units.has(r.unit_id) && dispatchable(world.units.get(r.unit_id)!, place))
        .map((r) => ({ id: r.id, categoryCode: r.category_code, regionCode: r.region_code, unitId: r.unit_id }));
      const rule = pickRule(candidates, place.categoryCode, place.communityCode);
      const officeId = world.idsByCode.get(officeCode(place.level === 'community' ? place.communityCode : place.streetCode));
      const unit = rule ? world.units.get(rule.unitId) : officeId ? world.units.get(officeId) : undefined;
      if (!unit) throw new Error(`demo cases: no unit for ${key}`);
      cache.set(key, unit);
      if (!samples.has(`${place.categoryCode}|${place.level}`)) samples.set(`${place.categoryCode}|${place.level}`, { place, unitId: unit.id });
      return unit;
    },
  };
}

async function checkRouting(db: Kysely<DB>, samples: Map<string, { place: CasePlace; unitId: string }>) {
  for (const [key, { place, unitId }] of samples) {
    const suggested = await suggestUnit(db, place);
    if (suggested?.unit.id !== unitId) throw new Error(`demo cases: routing for ${key} differs from suggestUnit`);
  }
}

interface Planned {
  reportedAt: Date;
  source: Reporting;
  category: Category;
  grid: GridInfo;
  duplicate: boolean;
  lng: number;
  lat: number;
}

/** When, what, where and by whom: ~100 reports a day, more on working days and in office hours. */
function planReports(world: World, grids: GridInfo[], now: Date, rng: Rng): Planned[] {
  const start = now.getTime() - historyDays * 86_400_000;
  const plans: Planned[] = [];
  const pickGrid = sampler(grids, grids.map((g) => g.weight));
  const sources = (['work', 'off'] as const).map((k) => sampler(Object.keys(sourceShares[k]) as Reporting[], Object.values(sourceShares[k])));
  const hours = new Map((Object.keys(hourProfile) as Reporting[]).map((k) => [k, sampler([...Array(24).keys()], hourProfile[k])]));
  const categorySamplers = new Map<string, (rng: Rng) => Category>();
  const categoryFor = (source: Reporting, rural: boolean, month: number) => {
    const key = `${source}|${rural}|${month}`;
    let pickCategory = categorySamplers.get(key);
    if (!pickCategory) {
      const weights = world.categories.map((c) => {
        let w = c.weight * classAffinity[source][c.code[0] as 'C' | 'E' | 'S'];
        if (rural) w *= ruralFactor[c.code] ?? 1;
        if (c.code === 'E0404' && (month < 6 || month > 9)) w *= 0.1; // rainstorms are a summer thing
        if (c.code === 'S0405' && month >= 10) w *= 4; // the heating season starts in November
        return w;
      });
      categorySamplers.set(key, (pickCategory = sampler(world.categories, weights)));
    }
    return pickCategory;
  };
  for (let dayStart = Math.floor((start + 8 * 3_600_000) / 86_400_000) * 86_400_000 - 8 * 3_600_000; dayStart < now.getTime(); dayStart += 86_400_000) {
    const day = shanghaiDay(new Date(dayStart));
    const working = world.cal.isWorkingDay(day);
    const month = Number(day.slice(5, 7));
    const season = month >= 6 && month <= 8 ? 1.06 : 1;
    const count = Math.round(perDay * (working ? 1.12 : 0.72) * season * (0.9 + 0.2 * rng()));
    for (let i = 0; i < count; i++) {
      const source = sources[working ? 0 : 1]!(rng);
      const hour = hours.get(source)!(rng);
      const reportedAt = new Date(dayStart + (hour * 60 + rng() * 60) * MINUTE);
      const grid = pickGrid(rng);
      const category = categoryFor(source, grid.rural, month)(rng);
      const duplicate = rng() < odds.duplicate;
      if (reportedAt.getTime() < start || reportedAt >= now) continue;
      plans.push({ reportedAt, source, category, grid, duplicate, lng: 0, lat: 0 });
    }
  }
  return plans.sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
}

/** A random point inside each report's grid: one st_generatepoints per grid, in SQL. */
async function placePoints(db: Kysely<DB>, plans: Planned[], seed: number) {
  const byGrid = new Map<string, Planned[]>();
  for (const p of plans) byGrid.set(p.grid.code, [...(byGrid.get(p.grid.code) ?? []), p]);
  const codes = [...byGrid.keys()];
  const { rows } = await sql<{ code: string; i: number; lng: number; lat: number }>`
    select g.code, d.path[1] as i, st_x(d.geom) as lng, st_y(d.geom) as lat
    from unnest(${codes}::text[], ${codes.map((c) => byGrid.get(c)!.length)}::int[]) as w(code, n)
    join grids g on g.code = w.code
    cross join lateral st_dump(st_generatepoints(g.geom, w.n + 2, ${seed})) d`.execute(db);
  for (const r of rows) {
    const p = byGrid.get(r.code)![Number(r.i) - 1];
    if (p) Object.assign(p, { lng: Number(r.lng), lat: Number(r.lat) });
  }
  // st_generatepoints may return fewer points than asked for on thin polygons: the rest go to a point on the surface
  const short = [...new Set(plans.filter((p) => p.lng === 0).map((p) => p.grid.code))];
  if (short.length === 0) return;
  const { rows: fallback } = await sql<{ code: string; lng: number; lat: number }>`
    select code, st_x(st_pointonsurface(geom)) as lng, st_y(st_pointonsurface(geom)) as lat from grids where code in (${sql.join(short)})`.execute(db);
  for (const r of fallback) for (const p of byGrid.get(r.code)!) if (p.lng === 0) Object.assign(p, { lng: Number(r.lng), lat: Number(r.lat) });
}

/** A UUID from the seeded generator, so the same seed gives the same rows. */
function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 4 }, () => Math.floor(rng() * 2 ** 32).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16]!, 16) & 3]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Writes ~18,000 cases of the 183 days before `now` for the demo district with their timelines,
 * units, requests and numbers; deterministic for a given seed and `now`. Runs in the caller's
 * transaction, after the regions, units, categories, accounts and grid staff are seeded.
 */
export async function seedDemoCases(db: Kysely<DB>, options: { now: Date; seed: string }): Promise<DemoCasesResult> {
  const { now, seed } = options;
  const world = await loadWorld(db);
  const rng = seededRandom(seed);
  const ids = seededRandom(`${seed}:ids`);
  const party = (a: World['accounts'][number]): Party => ({ id: a.id, name: a.display_name, role: a.role, unitId: a.unit_id });
  const first = (role: string, test: (a: World['accounts'][number]) => boolean) => {
    const a = world.accounts.find((u) => u.role === role && test(u));
    return a ? party(a) : null;
  };
  const dispatcherOf = new Map(world.accounts.filter((a) => a.role === 'dispatcher').reverse().map((a) => [a.scope_code, party(a)]));
  const handlerOfUnit = new Map(world.accounts.filter((a) => a.role === 'handler' && a.unit_id).reverse().map((a) => [a.unit_id!, party(a)]));
  const centre = dispatcherOf.get(demoCounty) ?? { id: null, name: '指挥中心', role: 'dispatcher', unitId: null };
  const leader = first('leader', (a) => a.scope_code === demoCounty) ?? centre;
  const verifier = first('verifier', () => true) ?? { id: null, name: '监督员', role: 'verifier', unitId: null };
  const grids: GridInfo[] = world.grids.map((g) => {
    const streetCode = `${g.community_code.slice(0, 9)}000`;
    const rural = /村(民)?委员?会$/.test(world.names.get(g.community_code) ?? '');
    // one grid is about as many households anywhere; dense (small) grids see more problems, and the demo accounts' community more still
    const weight = (1 / (1 + g.area_m2 / 100_000)) * (g.code === demoGrid ? 10 : g.community_code === demoGrid.slice(0, 12) ? 3 : 1);
    return { code: g.code, name: g.name, communityCode: g.community_code, streetCode, streetName: world.names.get(streetCode) ?? '', rural, weight, worker: g.worker_id ? { id: g.worker_id, name: g.worker_name!, role: 'grid_worker', unitId: null } : null };
  });
  const plans = planReports(world, grids, now, rng);
  await placePoints(db, plans, 1 + (Math.floor(rng() * 2 ** 31) % 2_000_000_000));

  const router = makeRouter(world);
  const unitRef = (u: UnitRow): SimUnit => ({ id: u.id, name: u.name });
  // units and stations without an account act under a named member of staff or the station's name
  const handlerOf = (unit: SimUnit): Party => {
    let h = handlerOfUnit.get(unit.id);
    if (!h) handlerOfUnit.set(unit.id, (h = { id: null, name: staffName(800_000 + handlerOfUnit.size), role: 'handler', unitId: unit.id }));
    return h;
  };
  const station = (code: string, name: string) => {
    let p = dispatcherOf.get(code);
    if (!p) dispatcherOf.set(code, (p = { id: null, name, role: 'dispatcher', unitId: null }));
    return p;
  };

  const counters = new Map<string, number>();
  const lives: Array<{ id: string; number: string; plan: Planned; life: Lifecycle; description: string; address: string; reporterId: string | null; reporterName: string | null; place: ReturnType<typeof placeIn> }> = [];
  const extraEvents = new Map<number, Step[]>();
  const openHorizon = now.getTime() - openHorizonDays * 86_400_000;

  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i]!;
    const r = seededRandom(`${seed}#${i}`);
    // a second report of a problem already reported: same place and category, merged at intake
    let target: (typeof lives)[number] | null = null;
    let targetIndex = -1;
    if (plan.duplicate) {
      for (let j = lives.length - 1; j >= 0 && j >= lives.length - 40; j--) {
        const t = lives[j]!;
        if (plan.reportedAt.getTime() - t.plan.reportedAt.getTime() > 2 * 86_400_000) break;
        if (['reported', 'registered', 'dispatched', 'handling'].includes(stateAt(t.life, plan.reportedAt) ?? '') && r() < 0.5) {
          target = t;
          targetIndex = j;
          break;
        }
      }
      if (target) Object.assign(plan, { category: target.plan.category, grid: target.plan.grid, lng: target.plan.lng, lat: target.plan.lat });
    }
    const { category, grid, source } = plan;
    const place = target ? target.place : placeIn(grid, r);
    const { description, address } = describeProblem(category.code, category.name, source, place, r);
    const streetCode = grid.streetCode;
    const communityCode = grid.communityCode;
    const reporter: Party =
      source === 'grid_worker' && grid.worker ? grid.worker
        : source === 'hotline' || source === 'dispatcher' ? centre
          : source === 'leader' ? leader
            : { id: null, name: callerName(r, i), role: 'citizen', unitId: null };
    const reporterId = source === 'grid_worker' || source === 'dispatcher' || source === 'leader' ? reporter.id : null;
    const reporterName = source === 'hotline' ? callerName(r, i) : reporter.name;
    const communityName = grid.name.replace(/第\d+网格$/, '');
    const cast: Cast = {
      dispatcher: (level) =>
        level === 'district' ? centre
          : level === 'street' ? station(streetCode, `${grid.streetName}网格化服务中心`)
            : station(communityCode, `${communityName}网格工作站`),
      lead: (level) => unitRef(router.lead({ categoryCode: category.code, level, countyCode: world.county, streetCode, communityCode })),
      fallback: (level, returned) => {
        const code = level === 'district' ? officeCode(streetCode) : level === 'street' ? officeCode(communityCode) : null;
        const id = code ? world.idsByCode.get(code) : undefined;
        return id && id !== returned.id ? unitRef(world.units.get(id)!) : null;
      },
      assist: (() => {
        const code = assistOf[category.code];
        const id = code === 'street' ? world.idsByCode.get(officeCode(streetCode)) : code ? world.idsByCode.get(`${world.county}-${code}`) : undefined;
        return id ? unitRef(world.units.get(id)!) : null;
      })(),
      handler: handlerOf,
      verifier,
      reporter,
    };
    const number = (() => {
      const day = shanghaiDay(plan.reportedAt);
      const seq = (counters.get(day) ?? 0) + 1;
      counters.set(day, seq);
      return `${world.county}-${day.replaceAll('-', '')}-${String(seq).padStart(5, '0')}`;
    })();
    const life = simulateCase({
      reportedAt: plan.reportedAt, now, cal: world.cal, categoryCode: category.code, source, reporterId, level: category.level, priority: category.priority,
      limits: category.limits, cast, say: sayer(category.code), rng: r, calm: plan.reportedAt.getTime() < openHorizon,
      duplicateOf: target ? { number: target.number, openAt: (at) => ['reported', 'registered', 'dispatched', 'handling'].includes(stateAt(target.life, at) ?? '') } : null,
    });
    if (life.mergedIn) {
      life.mergedIn.detail = { duplicate: number };
      extraEvents.set(targetIndex, [...(extraEvents.get(targetIndex) ?? []), life.mergedIn]);
    }
    lives.push({ id: uuidFrom(ids), number, plan, life, description, address, reporterId, reporterName, place });
  }
  await checkRouting(db, router.samples);

  // ---- rows ----
  const caseRows: unknown[][] = [];
  const eventRows: unknown[][] = [];
  const unitRows: unknown[][] = [];
  const requestRows: unknown[][] = [];
  const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
  const idByNumber = new Map(lives.map((c) => [c.number, c.id]));
  lives.forEach((c, index) => {
    const l = c.life;
    const p = c.plan;
    const target = l.state === 'merged' ? idByNumber.get(l.steps.find((s) => s.action === 'merge')!.detail.target as string) : undefined;
    const clock = l.clock;
    caseRows.push([
      c.id, c.number, world.county, p.grid.streetCode, p.grid.communityCode, p.grid.code, p.lng, p.lat, c.address, p.category.code, c.description,
      p.category.priority, p.source, c.reporterId, c.reporterName, l.firstReceiver?.id ?? null, l.firstReceiver?.name ?? null, l.state, l.level,
      l.lead?.id ?? null, l.version, clock?.stage ?? (l.state === 'suspended' ? 'handle' : null), iso(clock?.startedAt), iso(clock?.warnAt), iso(clock?.dueAt),
      iso(clock?.warnedAt), iso(clock?.overdueAt), l.suspendedMinutesLeft, l.everOverdue, l.returned, l.reworked, l.reopened, l.escalated,
      l.extensionDays, target ?? null, l.rating?.rating ?? null, l.rating?.note ?? null, iso(l.rating?.at), iso(p.reportedAt), iso(l.registeredAt),
      iso(l.dispatchedAt), iso(l.closedAt), iso(l.updatedAt), l.lateStages,
    ]);
    const requestIds = l.requests.map(() => uuidFrom(ids));
    const steps = [...l.steps, ...(extraEvents.get(index) ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const s of steps) {
      // the simulation names a request by its index; the row by its id
      const detail = s.action === 'decide_request' ? { ...s.detail, requestId: requestIds[s.detail.requestId as number] } : s.detail;
      eventRows.push([c.id, iso(s.at), s.action, s.actor?.id ?? null, s.actor?.name ?? '系统', s.actor?.role ?? 'system', s.unitId, s.from, s.to, s.note, detail]);
    }
    for (const u of l.units) unitRows.push([c.id, u.unit.id, u.role, u.state, iso(u.dispatchedAt)]);
    l.requests.forEach((q, k) => requestRows.push([
      requestIds[k], c.id, q.kind, q.workingDays, q.reason, q.unitId, q.by.id, q.by.name, iso(q.at),
      q.decision ? (q.decision.approved ? 'approved' : 'refused') : null, q.decision?.by.name ?? null, iso(q.decision?.at), q.decision?.note ?? null,
    ]));
  });

  await insertJson(db, 'cases', [
    ['id', 'uuid'], ['number', 'text'], ['county_code', 'text'], ['street_code', 'text'], ['community_code', 'text'], ['grid_code', 'text'], ['lng', 'float8'], ['lat', 'float8'],
    ['address', 'text'], ['category_code', 'text'], ['description', 'text'], ['priority', 'text'], ['source', 'text'], ['reporter_id', 'uuid'], ['reporter_name', 'text'],
    ['first_receiver_id', 'uuid'], ['first_receiver_name', 'text'], ['state', 'text'], ['level', 'text'], ['lead_unit_id', 'uuid'], ['version', 'int'], ['stage', 'text'],
    ['stage_started_at', 'timestamptz'], ['stage_warn_at', 'timestamptz'], ['stage_due_at', 'timestamptz'], ['warned_at', 'timestamptz'], ['overdue_at', 'timestamptz'],
    ['suspended_minutes_left', 'int'], ['ever_overdue', 'bool'], ['returned_count', 'int'], ['rework_count', 'int'], ['reopened_count', 'int'], ['escalation_count', 'int'],
    ['extension_days', 'int'], ['merged_into', 'uuid'], ['rating', 'text'], ['rating_note', 'text'], ['rated_at', 'timestamptz'], ['reported_at', 'timestamptz'],
    ['registered_at', 'timestamptz'], ['dispatched_at', 'timestamptz'], ['closed_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['late_stages', 'text[]'],
  ], caseRows, { chunk: 2000, computed: { location: 'st_setsrid(st_point(lng, lat), 4326)' }, recordOnly: ['lng', 'lat'] });
  await insertJson(db, 'case_units', [['case_id', 'uuid'], ['unit_id', 'uuid'], ['role', 'text'], ['state', 'text'], ['dispatched_at', 'timestamptz']], unitRows, { chunk: 10_000 });
  await insertJson(db, 'case_requests', [
    ['id', 'uuid'], ['case_id', 'uuid'], ['kind', 'text'], ['working_days', 'int'], ['reason', 'text'], ['unit_id', 'uuid'], ['requested_by', 'uuid'], ['requested_by_name', 'text'],
    ['requested_at', 'timestamptz'], ['decision', 'text'], ['decided_by_name', 'text'], ['decided_at', 'timestamptz'], ['decision_note', 'text'],
  ], requestRows, { chunk: 5000 });
  await insertJson(db, 'case_events', [
    ['case_id', 'uuid'], ['at', 'timestamptz'], ['action', 'text'], ['actor_id', 'uuid'], ['actor_name', 'text'], ['actor_role', 'text'], ['unit_id', 'uuid'],
    ['from_state', 'text'], ['to_state', 'text'], ['note', 'text'], ['detail', 'jsonb'],
  ], eventRows, { chunk: 10_000 });
  // live reports continue each day's numbering
  const days = [...counters.keys()];
  await sql`
    insert into case_number_counters (county_code, day, last)
    select ${world.county}, d, n from unnest(${days}::date[], ${days.map((d) => counters.get(d)!)}::int[]) as t(d, n)
    on conflict (county_code, day) do update set last = greatest(case_number_counters.last, excluded.last)`.execute(db);

  return { cases: lives.length, open: lives.filter((c) => !['closed', 'rejected', 'merged'].includes(c.life.state)).length, events: eventRows.length };
}

