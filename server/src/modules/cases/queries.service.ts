import type { CaseDetail, CaseListItem, CaseListResponse, CaseState, LikelyDuplicate, caseListQuery, caseMapQuery } from '@gongzhi/contracts';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { isFollowerView, mayReadCase, requirePermission, significantPrefix, type Principal } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { unitsByIds } from '../accounts/index.js';
import { loadCalendar, workingMinutesBetween } from '../calendar/index.js';
import { regionNames } from '../regions/index.js';
import { allowedActions, pendingRequest } from './actions.service.js';
import { caseColumns, caseFacts, caseUnits, loadCase, type LoadedCase } from './case-record.js';
import { categoryNames } from './categories.service.js';
import { flagLikelyDuplicates } from './duplicates.service.js';
import { citizenSafeDetail, followedBy, followerIdsFor, maskContacts } from './follow.service.js';
import { levelOfScope } from './levels.js';
import { suggestUnit } from './routing.service.js';
import { readingsOfWaiting, suggestionFromText } from './text-suggestion.js';

const openStates = ['reported', 'registered', 'dispatched', 'handling', 'suspended', 'feedback'];

/** The cases a principal may see, as a filter inside the query: an unauthorised read finds nothing. */
export function visibleTo(p: Principal): Expression<SqlBool> {
  const prefix = significantPrefix(p.scopeCode);
  const inScope = prefix.length === 15 ? sql<SqlBool>`c.grid_code = ${prefix}` : sql<SqlBool>`c.community_code like ${`${prefix}%`}`;
  // a citizen also sees the cases they follow (关注), in the citizen-safe view
  if (p.role === 'citizen') return sql<SqlBool>`(c.reporter_id = ${p.id}::uuid or ${followedBy(p.id)})`;
  if (!p.permissions.has('case:read')) return sql<SqlBool>`c.reporter_id = ${p.id}::uuid`;
  if (p.role === 'handler') {
    return sql<SqlBool>`(c.reporter_id = ${p.id}::uuid or (${inScope} and exists (select 1 from case_units u where u.case_id = c.id and u.unit_id = ${p.unitId}::uuid)))`;
  }
  return sql<SqlBool>`(c.reporter_id = ${p.id}::uuid or ${inScope})`;
}

/** Cases a dispatcher coordinates at their own level (the dispatch and requests inboxes). */
function coordinatedBy(p: Principal): Expression<SqlBool> {
  const level = levelOfScope(p.scopeCode);
  const prefix = significantPrefix(p.scopeCode);
  const column = level === 'district' ? sql`c.county_code` : level === 'street' ? sql`c.street_code` : sql`c.community_code`;
  return sql<SqlBool>`(c.level = ${level} and ${column} like ${`${prefix.slice(0, level === 'district' ? 6 : prefix.length)}%`})`;
}

function inboxFilter(p: Principal, inbox: string): Expression<SqlBool> {
  switch (inbox) {
    case 'dispatch':
      return sql<SqlBool>`(c.state in ('reported', 'registered') and ${coordinatedBy(p)})`;
    case 'requests':
      return sql<SqlBool>`(${coordinatedBy(p)} and (c.state = 'suspended' or exists (select 1 from case_requests r where r.case_id = c.id and r.decision is null)))`;
    case 'handle':
      return sql<SqlBool>`((c.lead_unit_id = ${p.unitId}::uuid and c.state in ('dispatched', 'handling', 'suspended'))
        or exists (select 1 from case_units u where u.case_id = c.id and u.unit_id = ${p.unitId}::uuid and u.role = 'assist' and u.state in ('dispatched', 'signed') and c.state in ('dispatched', 'handling')))`;
    case 'verify':
      return sql<SqlBool>`c.state = 'feedback'`;
    default:
      return p.role === 'citizen' ? sql<SqlBool>`(c.reporter_id = ${p.id}::uuid or ${followedBy(p.id)})` : sql<SqlBool>`c.reporter_id = ${p.id}::uuid`;
  }
}

type ListQuery = z.output<typeof caseListQuery>;

/** Filters partner interfaces (Open311) add to a search: exact numbers and types, and instants rather than days. */
export interface CaseFilters {
  numbers?: string[];
  categories?: string[];
  reportedFrom?: Date;
  reportedBefore?: Date;
}

/** The search of the case list (and of its export) as one condition, inside the reader's jurisdiction. */
export function caseSearch(p: Principal, q: Omit<ListQuery, 'page' | 'pageSize'> & CaseFilters): Expression<SqlBool> {
  const where: Expression<SqlBool>[] = [visibleTo(p)];
  if (q.inbox) where.push(inboxFilter(p, q.inbox));
  const states = q.state === undefined ? [] : Array.isArray(q.state) ? q.state : [q.state];
  if (states.length) where.push(sql<SqlBool>`c.state in (${sql.join(states)})`);
  if (q.category) where.push(sql<SqlBool>`c.category_code like ${`${q.category}%`}`);
  if (q.unit) where.push(sql<SqlBool>`c.lead_unit_id = ${q.unit}::uuid`);
  if (q.reporter) where.push(sql<SqlBool>`c.reporter_id = ${q.reporter}::uuid`);
  if (q.region) {
    const prefix = significantPrefix(q.region);
    where.push(prefix.length === 15 ? sql<SqlBool>`c.grid_code = ${prefix}` : sql<SqlBool>`c.community_code like ${`${prefix}%`}`);
  }
  if (q.source) where.push(sql<SqlBool>`c.source = ${q.source}`);
  if (q.from) where.push(sql<SqlBool>`c.reported_at >= (${q.from}::date::timestamp at time zone 'Asia/Shanghai')`);
  if (q.to) where.push(sql<SqlBool>`c.reported_at < ((${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`);
  if (q.overdue !== undefined) where.push(q.overdue ? sql<SqlBool>`(c.overdue_at is not null and c.state in (${sql.join(openStates)}))` : sql<SqlBool>`c.overdue_at is null`);
  if (q.numbers) where.push(q.numbers.length ? sql<SqlBool>`c.number in (${sql.join(q.numbers)})` : sql<SqlBool>`false`);
  if (q.categories) where.push(q.categories.length ? sql<SqlBool>`c.category_code in (${sql.join(q.categories)})` : sql<SqlBool>`false`);
  if (q.reportedFrom) where.push(sql<SqlBool>`c.reported_at >= ${q.reportedFrom.toISOString()}::timestamptz`);
  if (q.reportedBefore) where.push(sql<SqlBool>`c.reported_at <= ${q.reportedBefore.toISOString()}::timestamptz`);
  if (q.q) where.push(sql<SqlBool>`(c.number = ${q.q} or c.description like ${`%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`})`);
  return sql<SqlBool>`(${sql.join(where, sql` and `)})`;
}

export async function listCases(db: Kysely<DB>, actor: Principal | null, q: ListQuery & CaseFilters): Promise<CaseListResponse> {
  const p = requirePermission(actor, 'region:read');
  const filter = caseSearch(p, q);
  // inboxes work through the most urgent first; searches show the newest first
  const order = q.inbox && q.inbox !== 'mine' ? sql`c.stage_due_at asc nulls last, c.reported_at` : sql`c.reported_at desc`;
  const [rows, total] = await Promise.all([
    sql<LoadedCase>`select ${caseColumns} from cases c where ${filter}
      order by ${order} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from cases c where ${filter}`.execute(db),
  ]);
  const [items, flags] = await Promise.all([
    presentList(db, rows.rows),
    // dispatchers see, on each new report, the open case it likely repeats (they may merge it)
    p.permissions.has('case:dispatch') ? flagLikelyDuplicates(db, p, rows.rows) : new Map<string, LikelyDuplicate>(),
  ]);
  if (p.permissions.has('case:dispatch')) {
    for (const item of items) if (item.state === 'reported') item.likelyDuplicateOf = flags.get(item.id) ?? null;
    const readings = await readingsOfWaiting(db, rows.rows);
    for (const item of items) if (readings.has(item.id)) item.reading = readings.get(item.id)!;
  }
  // a followed case is somebody else's report: numbers in its text are masked
  if (p.role === 'citizen') items.forEach((item, i) => rows.rows[i]!.reporter_id !== p.id && (item.description = maskContacts(item.description)));
  return { items, total: total.rows[0]!.n, page: q.page, pageSize: q.pageSize };
}

export async function presentList(db: Kysely<DB>, rows: LoadedCase[]): Promise<CaseListItem[]> {
  const [regions, units, categories] = await Promise.all([
    regionNames(db, rows.flatMap((r) => [r.community_code, r.street_code])),
    unitsByIds(db, rows.flatMap((r) => (r.lead_unit_id ? [r.lead_unit_id] : []))),
    categoryNames(db),
  ]);
  return rows.map((c) => ({
    id: c.id,
    number: c.number,
    state: c.state as CaseState,
    level: c.level,
    priority: c.priority,
    source: c.source as CaseListItem['source'],
    categoryCode: c.category_code,
    categoryName: categories.get(c.category_code) ?? c.category_code,
    description: c.description,
    address: c.address,
    gridCode: c.grid_code,
    communityCode: c.community_code,
    communityName: regions.get(c.community_code) ?? '',
    streetCode: c.street_code,
    streetName: regions.get(c.street_code) ?? '',
    leadUnit: c.lead_unit_id ? { id: c.lead_unit_id, name: units.get(c.lead_unit_id)?.name ?? '' } : null,
    reportedAt: iso(c.reported_at)!,
    stage: c.stage,
    stageDueAt: iso(c.stage_due_at),
    overdue: c.overdue_at !== null && openStates.includes(c.state),
    closedAt: iso(c.closed_at),
    rating: c.rating,
    lng: Number(c.lng),
    lat: Number(c.lat),
  }));
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());


/** A case as lists show it, with its version (a replayed report answers with this). */
export async function caseSummary(db: Kysely<DB>, actor: Principal | null, ref: string): Promise<CaseListItem & { version: number }> {
  const p = requirePermission(actor, 'region:read');
  const c = await loadCase(db, ref);
  if (!mayReadCase(p, caseFacts(c, await caseUnits(db, c.id)))) throw notFound('case.not_found', { ref });
  const [item] = await presentList(db, [c]);
  return { ...item!, version: c.version };
}

/** A case with everything its page shows, or 404 when the principal may not see it. */
export async function caseDetail(db: Kysely<DB>, actor: Principal | null, ref: string): Promise<CaseDetail> {
  const p = requirePermission(actor, 'region:read');
  const c = await loadCase(db, ref).catch(() => null);
  const units = c ? await caseUnits(db, c.id) : [];
  const followerIds = c && p.role === 'citizen' && c.reporter_id !== p.id ? await followerIdsFor(db, c.id, p.id) : undefined;
  const facts = c ? { ...caseFacts(c, units), followerIds } : null;
  if (!c || !facts || !mayReadCase(p, facts)) throw notFound('case.not_found', { ref });
  const [[item], timeline, requests, photos, pending, cal, merged] = await Promise.all([
    presentList(db, [c]),
    db.selectFrom('case_events').selectAll().where('case_id', '=', c.id).orderBy('id').execute(),
    db.selectFrom('case_requests').selectAll().where('case_id', '=', c.id).orderBy('requested_at').execute(),
    db.selectFrom('case_files').select('file_id').where('case_id', '=', c.id).where('stage', '=', 'report').execute(),
    pendingRequest(db, c.id),
    loadCalendar(db),
    c.merged_into ? db.selectFrom('cases').select('number').where('id', '=', c.merged_into).executeTakeFirst() : undefined,
  ]);
  const unitMap = await unitsByIds(db, [...units.map((u) => u.unit_id), ...timeline.flatMap((t) => (t.unit_id ? [t.unit_id] : []))]);
  const unitRef = (id: string | null) => (id ? { id, name: unitMap.get(id)?.name ?? '' } : null);
  const suggestion = ['reported', 'registered'].includes(c.state)
    ? await suggestUnit(db, { categoryCode: c.category_code, level: c.level, countyCode: c.county_code, streetCode: c.street_code, communityCode: c.community_code })
    : null;
  const textSuggestion = suggestion && p.permissions.has('case:dispatch') ? await suggestionFromText(db, c) : null;
  // a dispatcher sees the open case a new report likely repeats, as in the inbox, to merge it from the case page
  const duplicate = p.permissions.has('case:dispatch') && c.state === 'reported' ? ((await flagLikelyDuplicates(db, p, [c])).get(c.id) ?? null) : undefined;
  const names = await categoryNames(db);
  const categoryPath = [c.category_code.slice(0, 3), c.category_code].map((code) => names.get(code) ?? code);
  const due = c.stage_due_at ? new Date(c.stage_due_at) : null;
  const now = new Date();
  const detail: CaseDetail = {
    ...item!,
    ...(duplicate !== undefined ? { likelyDuplicateOf: duplicate } : {}),
    version: c.version,
    categoryPath,
    reporterName: c.reporter_name,
    firstReceiverName: c.first_receiver_name,
    units: units.map((u) => ({ ...unitRef(u.unit_id)!, role: u.role, state: u.state })),
    requests: requests.map((r) => ({
      id: r.id, kind: r.kind, workingDays: r.working_days, reason: r.reason, requestedBy: r.requested_by_name, requestedAt: iso(r.requested_at)!,
      decision: r.decision, decidedBy: r.decided_by_name, decidedAt: iso(r.decided_at),
    })),
    timeline: timeline.map((t) => ({
      id: String(t.id), at: iso(t.at)!, action: t.action as CaseDetail['timeline'][number]['action'], actorName: t.actor_name, actorRole: t.actor_role,
      unit: unitRef(t.unit_id), fromState: t.from_state as CaseState | null, toState: t.to_state as CaseState | null, note: t.note,
      detail: t.detail, photoIds: t.photo_ids,
    })),
    photoIds: photos.map((f) => f.file_id),
    stageMinutesLeft: due ? Math.round(due > now ? workingMinutesBetween(cal, now, due) : -workingMinutesBetween(cal, due, now)) : null,
    returnedCount: c.returned_count,
    reworkCount: c.rework_count,
    reopenedCount: c.reopened_count,
    escalationCount: c.escalation_count,
    mergedInto: merged?.number ?? null,
    suggestedUnit: suggestion ? { id: suggestion.unit.id, name: suggestion.unit.name, rule: suggestion.rule } : null,
    textSuggestion,
    allowedActions: allowedActions(p, c, units, pending),
    ratedAt: iso(c.rated_at),
    ratingNote: c.rating_note,
  };
  return isFollowerView(p, facts) ? citizenSafeDetail(detail) : detail;
}

/**
 * What a partner's status view needs beside a listed case: its latest step (for a status note and the
 * time it last changed), its first report photo and the media link a partner sent with the report.
 * Callers pass ids they already got from listCases or caseDetail, so visibility is settled.
 */
export async function caseTrails(db: Kysely<DB>, caseIds: string[]) {
  const trails = new Map<string, { lastAction: string; lastNote: string | null; lastAt: string; photoId: string | null; mediaUrl: string | null }>();
  if (!caseIds.length) return trails;
  const ids = sql`(${sql.join(caseIds.map((id) => sql`${id}::uuid`))})`;
  const [last, photos, reports] = await Promise.all([
    sql<{ case_id: string; action: string; note: string | null; at: Date }>`
      select distinct on (case_id) case_id, action, note, at from case_events where case_id in ${ids} order by case_id, id desc`.execute(db),
    sql<{ case_id: string; file_id: string }>`
      select distinct on (case_id) case_id, file_id from case_files where case_id in ${ids} and stage = 'report' order by case_id, file_id`.execute(db),
    sql<{ case_id: string; media_url: string | null }>`
      select case_id, detail->>'mediaUrl' as media_url from case_events where case_id in ${ids} and action = 'report'`.execute(db),
  ]);
  const photo = new Map(photos.rows.map((r) => [r.case_id, r.file_id]));
  const media = new Map(reports.rows.map((r) => [r.case_id, r.media_url]));
  for (const r of last.rows) {
    trails.set(r.case_id, { lastAction: r.action, lastNote: r.note, lastAt: iso(r.at)!, photoId: photo.get(r.case_id) ?? null, mediaUrl: media.get(r.case_id) ?? null });
  }
  return trails;
}

/** The number of the case a principal reported under an idempotency key (Open311 tokens), if any. */
export async function caseNumberByIntakeKey(db: Kysely<DB>, actor: Principal | null, key: string): Promise<string | null> {
  const p = requirePermission(actor, 'case:report');
  const row = await db.selectFrom('cases').select('number').where('intake_principal', '=', p.id).where('intake_key', '=', key).executeTakeFirst();
  return row?.number ?? null;
}

type MapQuery = z.output<typeof caseMapQuery>;

/** The case layer: points coloured by state, inside what the principal may see. */
export async function caseMap(db: Kysely<DB>, actor: Principal | null, q: MapQuery) {
  const p = requirePermission(actor, 'region:read');
  const where: Expression<SqlBool>[] = [visibleTo(p)];
  if (q.region) where.push(sql<SqlBool>`c.community_code like ${`${significantPrefix(q.region)}%`}`);
  if (q.state === 'open') where.push(sql<SqlBool>`c.state in (${sql.join(openStates)})`);
  if (q.state === 'closed') where.push(sql<SqlBool>`c.state = 'closed'`);
  if (q.state === 'overdue') where.push(sql<SqlBool>`(c.overdue_at is not null and c.state in (${sql.join(openStates)}))`);
  const { rows } = await sql<{ id: string; number: string; state: string; overdue: boolean; category_name: string; priority: string; lng: number; lat: number }>`
    select c.id, c.number, c.state, (c.overdue_at is not null and c.state in (${sql.join(openStates)})) as overdue, k.name as category_name, c.priority,
           st_x(c.location) as lng, st_y(c.location) as lat
    from cases c join case_categories k on k.code = c.category_code
    where ${sql.join(where, sql` and `)} order by c.reported_at desc limit ${q.limit}`.execute(db);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [Number(r.lng), Number(r.lat)] },
      properties: { id: r.id, number: r.number, state: r.state, overdue: r.overdue, categoryName: r.category_name, priority: r.priority },
    })),
  };
}
