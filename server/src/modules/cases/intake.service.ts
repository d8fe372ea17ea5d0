import type { CaseSource, ReportCase } from '@gongzhi/contracts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { coversCode, requirePermission, type Principal } from '../../platform/access.js';
import { AppError, badRequest, conflict } from '../../platform/errors.js';
import { loadCalendar, shanghaiDay } from '../calendar/index.js';
import { locatePoint } from '../regions/index.js';
import { reportableCategory } from './categories.service.js';
import { allocateCaseNumber, attachPhotos, recordStep } from './case-record.js';
import { stageLimit, startStage } from './deadlines.js';

const idempotencyKey = /^[A-Za-z0-9-]{8,64}$/;

function sourceOf(p: Principal, requested: 'hotline' | undefined): CaseSource {
  if (p.kind === 'api_key') return 'api';
  if (requested === 'hotline' && p.permissions.has('case:dispatch')) return 'hotline';
  if (p.role === 'grid_worker' || p.role === 'citizen') return p.role;
  if (p.role === 'dispatcher') return 'dispatcher';
  return 'leader';
}

export interface Intake {
  caseId: string;
  created: boolean;
}

/**
 * Accepts a report (受理): places it in its grid, numbers it, starts the register clock, and writes
 * the case, its first timeline row and its event in one transaction. The same idempotency key from
 * the same principal returns the case it made the first time.
 */
export async function reportCase(db: Kysely<DB>, actor: Principal | null, input: ReportCase, key: string | undefined, now = new Date()): Promise<Intake> {
  const p = requirePermission(actor, 'case:report');
  if (key !== undefined && !idempotencyKey.test(key)) throw badRequest('case.idempotency_key');
  if (key) {
    const existing = await findByKey(db, p.id, key);
    if (existing) return replay(existing, input.description);
  }
  const category = await reportableCategory(db, input.categoryCode);
  const place = await locatePoint(db, input.lng, input.lat);
  if (!place) throw badRequest('case.outside_jurisdiction', { lng: input.lng, lat: input.lat });
  const regionCode = place.grid?.code ?? place.community.code;
  // staff report inside their jurisdiction; citizens and partner systems anywhere on the platform
  if (p.role !== 'citizen' && !coversCode(p.scopeCode, regionCode)) throw new AppError('case.report_outside_scope', 403);

  const cal = await loadCalendar(db);
  const clock = startStage(cal, 'register', now, stageLimit(limitsOf(category), 'register', category.priority));
  const source = sourceOf(p, input.source);
  const countyCode = place.district.code.slice(0, 6);
  const receivedByDispatcher = p.kind === 'user' && p.permissions.has('case:dispatch');
  try {
    return await db.transaction().execute(async (tx) => {
      const number = await allocateCaseNumber(tx, countyCode, shanghaiDay(now));
      const { rows } = await sql<{ id: string }>`
        insert into cases (number, county_code, street_code, community_code, grid_code, location, address, category_code, description,
          priority, source, reporter_id, reporter_name, first_receiver_id, first_receiver_name, state, level,
          stage, stage_started_at, stage_warn_at, stage_due_at, reported_at, updated_at, intake_key, intake_principal)
        values (${number}, ${countyCode}, ${place.street.code}, ${place.community.code}, ${place.grid?.code ?? null},
          st_setsrid(st_point(${input.lng}, ${input.lat}), 4326), ${input.address ?? null}, ${category.code}, ${input.description},
          ${category.priority}, ${source}, ${source === 'hotline' ? null : p.id}, ${source === 'hotline' ? (input.callerName ?? null) : p.displayName},
          ${receivedByDispatcher ? p.id : null}, ${receivedByDispatcher ? p.displayName : null}, 'reported', ${category.default_level},
          'register', ${clock.startedAt}, ${clock.warnAt}, ${clock.dueAt}, ${now}, ${now}, ${key ?? null}, ${key ? p.id : null})
        returning id`.execute(tx);
      const caseId = rows[0]!.id;
      await attachPhotos(tx, caseId, p, input.photoIds, 'report');
      await recordStep(tx, { caseId, number, action: 'report', actor: p, to: 'reported', note: null, detail: { source, categoryCode: category.code }, photoIds: input.photoIds, at: now });
      return { caseId, created: true };
    });
  } catch (error) {
    // two copies of one report raced: the loser answers with the winner's case
    if (key && (error as { code?: string }).code === '23505') {
      const existing = await findByKey(db, p.id, key);
      if (existing) return replay(existing, input.description);
    }
    throw error;
  }
}

export const limitsOf = (c: { limit_register: number; limit_dispatch: number; limit_handle: number; limit_verify: number }) => ({
  register: c.limit_register,
  dispatch: c.limit_dispatch,
  handle: c.limit_handle,
  verify: c.limit_verify,
});

async function findByKey(db: Kysely<DB>, principalId: string, key: string) {
  return db.selectFrom('cases').select(['id', 'description']).where('intake_principal', '=', principalId).where('intake_key', '=', key).executeTakeFirst();
}

function replay(existing: { id: string; description: string }, description: string): Intake {
  if (existing.description !== description) throw conflict('case.idempotency_mismatch');
  return { caseId: existing.id, created: false };
}
