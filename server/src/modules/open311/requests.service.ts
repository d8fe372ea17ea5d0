import type { CaseDetail, CaseListItem } from '@gongzhi/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Principal } from '../../platform/access.js';
import { AppError, notFound } from '../../platform/errors.js';
import { caseDetail, caseTrails, listCases } from '../cases/index.js';
import { open311Status, statusNotes } from './status.js';

type Trail = Awaited<ReturnType<typeof caseTrails>> extends Map<string, infer T> ? T : never;

/** GET requests, parsed: lists are comma lists, dates W3C date-times, plus the common pagination extension. */
export interface RequestSearch {
  ids?: string[];
  serviceCodes?: string[];
  start?: Date;
  end?: Date;
  statuses?: Array<'open' | 'closed'>;
  page: number;
  pageSize: number;
}

const openStates = ['reported', 'registered', 'dispatched', 'handling', 'suspended', 'feedback'] as const;
const closedStates = ['closed', 'rejected', 'merged'] as const;
/** With no ids and no dates, the spec's default window: the last 90 days. */
const defaultWindowMs = 90 * 24 * 3600 * 1000;

/** One case as an Open311 request, with the full state as an extension (`gongzhi_state`). */
function presentRequest(c: CaseListItem, trail: Trail | undefined, fileUrl: (id: string) => string) {
  const status = open311Status(c.state);
  return {
    service_request_id: c.number,
    status,
    status_notes: statusNotes({ state: c.state, leadUnitName: c.leadUnit?.name ?? null, lastAction: trail?.lastAction ?? null, lastNote: trail?.lastNote ?? null }),
    service_name: c.categoryName,
    service_code: c.categoryCode,
    description: c.description,
    agency_responsible: c.leadUnit?.name ?? null,
    service_notice: null,
    requested_datetime: c.reportedAt,
    updated_datetime: (status === 'closed' ? c.closedAt : null) ?? trail?.lastAt ?? c.reportedAt,
    // the due time of the stage the case is in: when the next thing should have happened
    expected_datetime: status === 'open' ? c.stageDueAt : null,
    address: c.address ?? `${c.streetName}${c.communityName}`,
    address_id: null,
    zipcode: null,
    lat: c.lat,
    long: c.lng,
    media_url: trail?.photoId ? fileUrl(trail.photoId) : (trail?.mediaUrl ?? null),
    gongzhi_state: c.state,
  };
}

/**
 * The cases a key may see, through the cases module's own search: jurisdiction is enforced there
 * (a street's key never finds another street's cases). Answers the page and the total.
 */
export async function searchRequests(db: Kysely<DB>, p: Principal, s: RequestSearch, fileUrl: (id: string) => string) {
  // service_request_id overrides every other filter (the spec says so)
  const byId = s.ids !== undefined;
  const start = byId ? undefined : (s.start ?? (s.end ? undefined : new Date(Date.now() - defaultWindowMs)));
  const statuses = byId ? undefined : s.statuses;
  const state = statuses && statuses.length === 1 ? [...(statuses[0] === 'open' ? openStates : closedStates)] : undefined;
  const found = await listCases(db, p, {
    page: s.page,
    pageSize: s.pageSize,
    ...(state ? { state } : {}),
    ...(byId ? { numbers: s.ids } : {}),
    ...(!byId && s.serviceCodes ? { categories: s.serviceCodes } : {}),
    ...(start ? { reportedFrom: start } : {}),
    ...(!byId && s.end ? { reportedBefore: s.end } : {}),
  });
  const trails = await caseTrails(db, found.items.map((c) => c.id));
  return { requests: found.items.map((c) => presentRequest(c, trails.get(c.id), fileUrl)), total: found.total };
}

const caseNumber = /^\d{6}-\d{8}-\d{5}$/;

/** One request, with its timeline as an extension: when and what happened, by which role, never by whom. */
export async function oneRequest(db: Kysely<DB>, p: Principal, id: string, fileUrl: (id: string) => string) {
  if (!caseNumber.test(id)) throw notFound('open311.request_not_found', { id });
  let c: CaseDetail;
  try {
    c = await caseDetail(db, p, id);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw notFound('open311.request_not_found', { id });
    throw error;
  }
  const trails = await caseTrails(db, [c.id]);
  return {
    ...presentRequest(c, trails.get(c.id), fileUrl),
    gongzhi_timeline: c.timeline.map((t) => ({ at: t.at, action: t.action, actor_role: t.actorRole, note: t.note })),
  };
}
