import type { CaseState, TimelineAction } from '@gongzhi/contracts';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { CaseFacts, Principal } from '../../platform/access.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { emitEvent } from '../../platform/events.js';
import { ownedFileIds } from '../../platform/files.js';

export type CaseRow = Selectable<DB['cases']>;
export type CaseUnitRow = Selectable<DB['case_units']>;

/** A case row with its point as numbers. */
export const caseColumns = sql`c.*, st_x(c.location) as lng, st_y(c.location) as lat`;
export type LoadedCase = CaseRow & { lng: number; lat: number };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A case by id or readable number; `lock` takes the row lock for a transition. */
export async function loadCase(db: Kysely<DB>, ref: string, lock = false): Promise<LoadedCase> {
  const column = uuidPattern.test(ref) ? sql`c.id = ${ref}::uuid` : sql`c.number = ${ref}`;
  const { rows } = await sql<LoadedCase>`select ${caseColumns} from cases c where ${column} ${lock ? sql`for update of c` : sql``}`.execute(db);
  if (!rows[0]) throw notFound('case.not_found', { ref });
  return rows[0];
}

export async function caseUnits(db: Kysely<DB>, caseId: string): Promise<CaseUnitRow[]> {
  return db.selectFrom('case_units').selectAll().where('case_id', '=', caseId).orderBy('dispatched_at').execute();
}

export function caseFacts(c: CaseRow, units: readonly CaseUnitRow[]): CaseFacts & { number: string } {
  return {
    number: c.number,
    level: c.level,
    countyCode: c.county_code,
    streetCode: c.street_code,
    communityCode: c.community_code,
    gridCode: c.grid_code,
    leadUnitId: c.lead_unit_id,
    units: units.map((u) => ({ unitId: u.unit_id, role: u.role, state: u.state })),
    reporterId: c.reporter_id,
  };
}

export interface TimelineWrite {
  caseId: string;
  number: string;
  action: TimelineAction;
  actor: Principal | null;
  unitId?: string | null;
  from?: CaseState | null;
  to?: CaseState | null;
  note?: string | null;
  detail?: Record<string, unknown>;
  photoIds?: readonly string[];
  at: Date;
}

/** The timeline row and the domain event of one step, in the caller's transaction. */
export async function recordStep(db: Kysely<DB>, step: TimelineWrite): Promise<void> {
  await db
    .insertInto('case_events')
    .values({
      case_id: step.caseId,
      at: step.at,
      action: step.action,
      actor_id: step.actor?.id ?? null,
      actor_name: step.actor?.displayName ?? '系统',
      actor_role: step.actor?.role ?? 'system',
      unit_id: step.unitId ?? null,
      from_state: step.from ?? null,
      to_state: step.to ?? null,
      note: step.note ?? null,
      detail: JSON.stringify(step.detail ?? {}),
      photo_ids: [...(step.photoIds ?? [])],
    })
    .execute();
  await emitEvent(db, {
    topic: `case.${step.action}`,
    aggregateType: 'case',
    aggregateId: step.caseId,
    payload: { number: step.number, from: step.from ?? null, to: step.to ?? null, unitId: step.unitId ?? null, ...(step.detail ?? {}) },
  });
}

/** Attaches photos the actor uploaded and nobody has used yet. */
export async function attachPhotos(db: Kysely<DB>, caseId: string, owner: Principal, ids: readonly string[], stage: 'report' | 'feedback' | 'verify') {
  if (ids.length === 0) return;
  const owned = await ownedFileIds(db, owner.id, ids);
  const used = await db.selectFrom('case_files').select('file_id').where('file_id', 'in', [...ids]).execute();
  const bad = ids.find((id) => !owned.has(id) || used.some((u) => u.file_id === id));
  if (bad) throw badRequest('file.not_attachable', { id: bad });
  await db.insertInto('case_files').values(ids.map((file_id) => ({ case_id: caseId, file_id, stage }))).execute();
}
