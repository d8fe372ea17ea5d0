import { caseActions, type CaseAction, type CaseActionBody, type CaseState } from '@gongzhi/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { mayActOnCase, requireCaseAction, type Principal } from '../../platform/access.js';
import { conflict, notFound } from '../../platform/errors.js';
import { loadCalendar } from '../calendar/index.js';
import { categoryByCode } from './categories.service.js';
import { caseFacts, caseUnits, loadCase, recordStep, type CaseUnitRow, type LoadedCase } from './case-record.js';
import { lateStagesAfter, makeStepContext, type StepContext } from './step-context.js';
import { limitsOf } from './deadlines.js';
import { levelAbove } from './levels.js';
import { actionSteps } from './action-steps.js';
import { canStart, nextState } from './state-machine.js';

type Action = CaseActionBody;

/** Extra conditions beyond the state table, for the actions the UI offers. */
function offered(action: CaseAction, c: LoadedCase, pending: StepContext['pending']): boolean {
  if (action === 'request_extension' || action === 'request_suspension') return !pending;
  if (action === 'decide_request') return !!pending;
  if (action === 'escalate') return levelAbove(c.level) !== null;
  if (action === 'rate') return c.rating === null;
  return true;
}

export async function pendingRequest(db: Kysely<DB>, caseId: string) {
  return (await db.selectFrom('case_requests').select(['id', 'kind', 'working_days']).where('case_id', '=', caseId).where('decision', 'is', null).executeTakeFirst()) ?? null;
}

/** The actions this principal may take on the case now. */
export function allowedActions(p: Principal, c: LoadedCase, units: CaseUnitRow[], pending: StepContext['pending']): CaseAction[] {
  const facts = caseFacts(c, units);
  return caseActions.filter((a) => canStart(a, c.state as CaseState) && offered(a, c, pending) && mayActOnCase(p, a, facts));
}

/**
 * Takes one step of the loop on a case: locks the row, checks who may act (404 / 403), that the
 * version is the one the actor saw (409 case.stale) and that the state allows the action (409), then
 * writes the change, the timeline row and the event in one transaction.
 */
export function applyAction(db: Kysely<DB>, actor: Principal | null, ref: string, body: Action, now = new Date()): Promise<string> {
  return takeStep(db, actor, ref, body, now, (c, units) => void requireCaseAction(actor, body.action, caseFacts(c, units)));
}

/**
 * A step the platform takes by itself (自动立案 and 自动派遣 of a confidently classified report): no
 * person acts, so no person's rights are checked; the timeline names 系统.
 */
export function applySystemAction(db: Kysely<DB>, ref: string, body: Extract<Action, { action: 'register' | 'dispatch' }>, now = new Date()): Promise<string> {
  return takeStep(db, null, ref, body, now, () => undefined);
}

async function takeStep(db: Kysely<DB>, actor: Principal | null, ref: string, body: Action, now: Date, authorise: (c: LoadedCase, units: CaseUnitRow[]) => void): Promise<string> {
  const cal = await loadCalendar(db);
  return db.transaction().execute(async (tx) => {
    const c = await loadCase(tx, ref, true);
    const units = await caseUnits(tx, c.id);
    authorise(c, units);
    if (c.version !== body.version) throw conflict('case.stale', { current: c.version, sent: body.version });
    const pending = await pendingRequest(tx, c.id);
    if (!offered(body.action, c, pending)) {
      if (body.action === 'rate') throw conflict('case.already_rated');
      if (body.action === 'escalate') throw conflict('case.top_level');
      if (body.action.startsWith('request_')) throw conflict('case.request_pending');
    }
    const request = body.action === 'decide_request' ? pending : null;
    if (body.action === 'decide_request' && (!request || request.id !== body.requestId)) throw notFound('case.request_not_found', { id: body.requestId });
    const to = nextState(body.action, {
      state: c.state as CaseState,
      reopenedCount: c.reopened_count,
      approve: body.action === 'decide_request' ? body.approve : undefined,
      requestKind: request?.kind,
      rating: body.action === 'rate' ? body.rating : undefined,
    });
    if (!to) throw conflict('case.invalid_transition', { state: c.state, action: body.action });
    const category = await categoryByCode(tx, c.category_code);
    const ctx = makeStepContext({ tx, cal, now, actor, c, units, pending, to }, limitsOf(category));
    const step = await actionSteps[body.action](ctx, body as never);
    await tx
      .updateTable('cases')
      .set({ ...step.update, ...lateStagesAfter(c, step.update, now), state: to, version: c.version + 1, updated_at: now })
      .where('id', '=', c.id)
      .execute();
    await recordStep(tx, { caseId: c.id, number: c.number, action: body.action, actor, unitId: step.unitId ?? actor?.unitId ?? null, from: c.state as CaseState, to, note: step.note ?? null, detail: step.detail, photoIds: step.photoIds, at: now });
    for (const extra of step.extraSteps ?? []) await recordStep(tx, { caseId: c.id, number: c.number, actor, at: now, ...extra });
    return c.id;
  });
}

