import type { CaseCreated, CaseSource, ReportCase } from '@gongzhi/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { coversCode, requirePermission, significantPrefix, type Principal } from '../../platform/access.js';
import { AppError, badRequest, conflict } from '../../platform/errors.js';
import { loadCalendar, shanghaiDay } from '../calendar/index.js';
import { presentPlace } from '../regions/index.js';
import { reportableCategory } from './categories.service.js';
import { nextCaseNumber } from './case-numbers.js';
import { attachPhotos } from './case-record.js';
import { intakeBatcher, writeReports, type IntakeRow } from './intake-batch.js';
import { limitsOf, stageLimit, startStage } from './deadlines.js';

const idempotencyKey = /^[A-Za-z0-9-]{8,64}$/;

function sourceOf(p: Principal, requested: 'hotline' | undefined): CaseSource {
  if (p.kind === 'api_key') return 'api';
  if (requested === 'hotline' && p.permissions.has('case:dispatch')) return 'hotline';
  if (p.role === 'grid_worker' || p.role === 'citizen') return p.role;
  if (p.role === 'dispatcher') return 'dispatcher';
  return 'leader';
}

/**
 * What a partner system (Open311) adds to a report: answers to the category's extra fields, the
 * reporter's contact (already masked or sealed by the caller) and a link to media it holds. They are
 * kept in the detail of the first timeline row, inside the same intake statement.
 */
export interface ReportExtras {
  attributes?: Record<string, unknown>;
  contact?: Record<string, unknown>;
  mediaUrl?: string;
}

export type Intake = { created: true; summary: CaseCreated } | { created: false; caseId: string };

/**
 * Accepts a report (受理): places it in its grid, numbers it, starts the register clock, and writes
 * the case, its first timeline row and its domain event. Intake is the hottest path of the platform,
 * so placing and writing are one statement: the county (for the number) is guessed from the
 * reporter's scope, and the statement writes only when the point lies in that county and inside the
 * reporter's jurisdiction; otherwise it answers where the point is and the slow path takes over.
 * With photos, the statement and the photo links share a transaction. The same idempotency key from
 * the same principal answers with the case it made first.
 */
export async function reportCase(db: Kysely<DB>, actor: Principal | null, input: Omit<ReportCase, 'attributes'> & ReportExtras, key: string | undefined, now = new Date()): Promise<Intake> {
  const p = requirePermission(actor, 'case:report');
  if (key !== undefined && !idempotencyKey.test(key)) throw badRequest('case.idempotency_key');
  const [category, cal] = await Promise.all([reportableCategory(db, input.categoryCode), loadCalendar(db)]);
  const clock = startStage(cal, 'register', now, stageLimit(limitsOf(category), 'register', category.priority));
  const source = sourceOf(p, input.source);
  const receivedByDispatcher = p.kind === 'user' && p.permissions.has('case:dispatch');
  // staff report inside their jurisdiction; citizens anywhere on the platform
  const scope = p.role === 'citizen' ? '' : significantPrefix(p.scopeCode);
  const day = shanghaiDay(now);

  const attempt = async (county: string) => {
    const number = await nextCaseNumber(db, county, day);
    const report: IntakeRow = {
      number, county, scope: `${scope}%`, lng: input.lng, lat: input.lat, address: input.address ?? null, category: category.code,
      description: input.description, priority: category.priority, source, level: category.default_level,
      reporterId: source === 'hotline' ? null : p.id, reporterName: source === 'hotline' ? (input.callerName ?? null) : p.displayName,
      receiverId: receivedByDispatcher ? p.id : null, receiverName: receivedByDispatcher ? p.displayName : null,
      startedAt: clock.startedAt.toISOString(), warnAt: clock.warnAt.toISOString(), dueAt: clock.dueAt.toISOString(), at: now.toISOString(),
      key: key ?? null, keyPrincipal: key ? p.id : null, actorId: p.id, actorName: p.displayName, actorRole: p.role ?? 'api',
      // a plain report builds the same small detail as ever: the extras cost nothing when absent
      detail: input.attributes || input.contact || input.mediaUrl ? { source, categoryCode: category.code, ...extrasOf(input) } : { source, categoryCode: category.code }, event: { from: null, to: 'reported', unitId: null, source, categoryCode: category.code },
      photoIds: input.photoIds,
    };
    // photos are linked in the same transaction; everything else joins the shared intake statement
    const row = input.photoIds.length
      ? await db.transaction().execute(async (tx) => {
          const [written] = await writeReports(tx, [report]);
          if (written?.id) await attachPhotos(tx, written.id, p, input.photoIds, 'report');
          return written;
        })
      : await intakeBatcher(db).submit(report);
    return { number, row };
  };

  let { number, row } = await attempt(p.scopeCode.slice(0, 6));
  if (!row) throw badRequest('case.outside_jurisdiction', { lng: input.lng, lat: input.lat });
  const county = row.district_code.slice(0, 6);
  if (!row.id && county !== p.scopeCode.slice(0, 6) && (scope === '' || county.startsWith(scope))) ({ number, row } = await attempt(county));
  if (!row!.id) {
    if (!coversCode(p.scopeCode, row!.grid_code ?? row!.community_code) && p.role !== 'citizen') throw new AppError('case.report_outside_scope', 403);
    // the key was used before: answer with that case (and refuse a different report under the same key)
    const existing = await db.selectFrom('cases').select(['id', 'description']).where('intake_principal', '=', p.id).where('intake_key', '=', key ?? '').executeTakeFirst();
    if (!existing) throw new AppError('case.report_outside_scope', 403);
    if (existing.description !== input.description) throw conflict('case.idempotency_mismatch');
    return { created: false, caseId: existing.id };
  }
  const place = presentPlace(input.lng, input.lat, row!);
  return {
    created: true,
    summary: {
      id: row!.id, number, version: row!.version!, state: 'reported', level: category.default_level, priority: category.priority, source,
      categoryCode: category.code, categoryName: category.name, description: input.description, address: input.address ?? null,
      gridCode: place.grid?.code ?? null, communityCode: place.community.code, communityName: place.community.name,
      streetCode: place.street.code, streetName: place.street.name, leadUnit: null, reportedAt: now.toISOString(),
      stage: 'register', stageDueAt: clock.dueAt.toISOString(), overdue: false, closedAt: null, rating: null, lng: input.lng, lat: input.lat,
    },
  };
}

function extrasOf(input: ReportExtras): ReportExtras {
  const extras: ReportExtras = {};
  if (input.attributes) extras.attributes = input.attributes;
  if (input.contact) extras.contact = input.contact;
  if (input.mediaUrl) extras.mediaUrl = input.mediaUrl;
  return extras;
}
