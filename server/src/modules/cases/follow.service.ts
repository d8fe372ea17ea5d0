import type { CaseDetail, CaseState } from '@gongzhi/contracts';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireFollower, type Principal } from '../../platform/access.js';
import { conflict, notFound } from '../../platform/errors.js';
import { loadCase } from './case-record.js';
import { isOpen } from './state-machine.js';

/**
 * 已有人反映，可关注此事项: a citizen follows an open case instead of reporting it a second time, and
 * then reads it (timeline, state) in the citizen-safe view. Only cases a citizen could have been
 * shown as similar may be followed: open, of a category that is not sensitive, and within this many
 * metres of the point of the report they were writing (the similar search looks at most 200 m away).
 */
export const followRadiusM = 500;

/** Cases the user follows, as a filter inside a case query (alias c). */
export function followedBy(userId: string): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from case_followers f where f.case_id = c.id and f.user_id = ${userId}::uuid)`;
}

/** [userId] when the user follows the case, else [] (what CaseFacts.followerIds needs for one reader). */
export async function followerIdsFor(db: Kysely<DB>, caseId: string, userId: string): Promise<string[]> {
  const row = await db.selectFrom('case_followers').select('user_id').where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst();
  return row ? [row.user_id] : [];
}

export async function followCase(db: Kysely<DB>, actor: Principal | null, ref: string, at: { lng: number; lat: number }) {
  const p = requireFollower(actor);
  const c = await loadCase(db, ref);
  const point = sql`st_setsrid(st_point(${at.lng}::float8, ${at.lat}::float8), 4326)`;
  const { rows } = await sql<{ sensitive: boolean; near: boolean }>`
    select k.sensitive, st_dwithin(c.location::geography, ${point}::geography, ${followRadiusM}) as near
    from cases c join case_categories k on k.code = c.category_code where c.id = ${c.id}::uuid`.execute(db);
  const own = c.reporter_id === p.id;
  // a case the citizen could not have been shown is not revealed to exist
  if (!own && (!rows[0] || rows[0].sensitive || !rows[0].near)) throw notFound('case.not_found', { ref });
  if (!isOpen(c.state as CaseState)) throw conflict('case.follow_not_open', { ref: c.number });
  await db.insertInto('case_followers').values({ case_id: c.id, user_id: p.id }).onConflict((oc) => oc.doNothing()).execute();
  return { number: c.number, following: true };
}

/** Stops following; idempotent (not following is not an error), but an unknown case is 404. */
export async function unfollowCase(db: Kysely<DB>, actor: Principal | null, ref: string) {
  const p = requireFollower(actor);
  const c = await loadCase(db, ref);
  await db.deleteFrom('case_followers').where('case_id', '=', c.id).where('user_id', '=', p.id).execute();
  return { number: c.number, following: false };
}

/** Phone, identity and other long numbers in free text, masked: 139****5678 style for mobiles, *** otherwise. */
export function maskContacts(text: string): string {
  return text
    .replace(/(?<!\d)(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g, (_m, a: string, _b: string, c: string) => `${a}****${c}`)
    .replace(/\d[\d\s-]{5,}\d[Xx]?/g, (m) => (/\*{4}/.test(m) ? m : '***'));
}

/**
 * What a follower sees of somebody else's case: the problem, its place, state, units and steps, but no
 * person (reporter, receiver, staff names: a step shows its unit), no photos, no requests, numbers in
 * free text masked, and no actions. Built field by field (an allow-list): a field added to the case
 * detail later reaches followers only when it is added here, and a new required field fails to compile.
 */
export function citizenSafeDetail(d: CaseDetail): CaseDetail {
  return {
    id: d.id, number: d.number, version: d.version, state: d.state, level: d.level, priority: d.priority, source: d.source,
    categoryCode: d.categoryCode, categoryName: d.categoryName, categoryPath: d.categoryPath,
    description: maskContacts(d.description), address: d.address, lng: d.lng, lat: d.lat,
    gridCode: d.gridCode, communityCode: d.communityCode, communityName: d.communityName, streetCode: d.streetCode, streetName: d.streetName,
    leadUnit: d.leadUnit, units: d.units, reportedAt: d.reportedAt, stage: d.stage, stageDueAt: d.stageDueAt, stageMinutesLeft: d.stageMinutesLeft,
    overdue: d.overdue, closedAt: d.closedAt, rating: d.rating, ratedAt: d.ratedAt, mergedInto: d.mergedInto,
    returnedCount: d.returnedCount, reworkCount: d.reworkCount, reopenedCount: d.reopenedCount, escalationCount: d.escalationCount,
    timeline: d.timeline.map((t) => ({ ...t, actorName: null, note: t.note === null ? null : maskContacts(t.note), detail: {}, photoIds: [] })),
    reporterName: null, firstReceiverName: null, requests: [], photoIds: [], suggestedUnit: null, textSuggestion: null, allowedActions: [], ratingNote: null,
  };
}
