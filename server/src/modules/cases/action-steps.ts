import type { CaseAction, CaseActionBody, TimelineAction } from '@gongzhi/contracts';
import { sql } from 'kysely';
import { mayReadCase } from '../../platform/access.js';
import { badRequest, conflict } from '../../platform/errors.js';
import { unitsByIds } from '../accounts/index.js';
import { extendStage, minimumLimit } from './deadlines.js';
import { escalation, lapsePendingRequest, minutesLeft, releaseUnits, type CaseUpdate, type StepContext } from './step-context.js';
import { reportableCategory } from './categories.service.js';
import { attachPhotos, caseFacts, caseUnits, loadCase, recordStep } from './case-record.js';
import { dispatchable } from './routing.service.js';
import { recordDispatchChoice } from '../classify/index.js';

export interface StepResult {
  update: CaseUpdate;
  note?: string | null;
  detail?: Record<string, unknown>;
  photoIds?: readonly string[];
  unitId?: string | null;
  extraSteps?: Array<{ action: TimelineAction; note?: string | null; detail?: Record<string, unknown> }>;
}

type Body<A extends CaseAction> = Extract<CaseActionBody, { action: A }>;
type Steps = { [A in CaseAction]: (ctx: StepContext, body: Body<A>) => Promise<StepResult> };

/** 首问负责: the first command-centre person who takes a report is on record. */
const firstReceiver = (ctx: StepContext): CaseUpdate =>
  ctx.c.first_receiver_id || !ctx.actor ? {} : { first_receiver_id: ctx.actor.id, first_receiver_name: ctx.actor.displayName };

const setUnitState = (ctx: StepContext, unitId: string, state: 'dispatched' | 'signed' | 'done' | 'returned') =>
  ctx.tx.updateTable('case_units').set({ state }).where('case_id', '=', ctx.c.id).where('unit_id', '=', unitId).execute();

const noClock: CaseUpdate = { stage: null, stage_started_at: null, stage_warn_at: null, stage_due_at: null, warned_at: null, overdue_at: null };

export const actionSteps: Steps = {
  async register(ctx, body) {
    const recategorised = body.categoryCode && body.categoryCode !== ctx.c.category_code ? await reportableCategory(ctx.tx, body.categoryCode) : null;
    const update: CaseUpdate = { ...firstReceiver(ctx), registered_at: ctx.now, ...(recategorised ? { category_code: recategorised.code, priority: recategorised.priority } : {}) };
    if (recategorised) ctx.c.priority = recategorised.priority;
    return { update: { ...update, ...(await ctx.clock('dispatch')) }, note: body.note, detail: recategorised ? { categoryCode: recategorised.code, previousCategory: ctx.c.category_code } : {} };
  },
  async reject(ctx, body) {
    return { update: { ...firstReceiver(ctx), ...noClock }, note: body.reason };
  },
  async merge(ctx, body) {
    const target = await loadCase(ctx.tx, body.targetNumber, true).catch(() => null);
    const targetUnits = target ? await caseUnits(ctx.tx, target.id) : [];
    const open = target && !['closed', 'rejected', 'merged'].includes(target.state);
    if (!target || !open || target.id === ctx.c.id || !ctx.actor || !mayReadCase(ctx.actor, caseFacts(target, targetUnits))) {
      throw badRequest('case.merge_target', { number: body.targetNumber });
    }
    await recordStep(ctx.tx, { caseId: target.id, number: target.number, action: 'merged_in', actor: ctx.actor, at: ctx.now, note: body.note ?? null, detail: { duplicate: ctx.c.number } });
    return { update: { ...firstReceiver(ctx), ...noClock, merged_into: target.id }, note: body.note, detail: { target: target.number } };
  },
  async dispatch(ctx, body) {
    if (body.assistUnitIds.includes(body.leadUnitId)) throw badRequest('case.unit_twice');
    const ids = [body.leadUnitId, ...body.assistUnitIds];
    const units = await unitsByIds(ctx.tx, ids);
    const place = { categoryCode: ctx.c.category_code, level: ctx.c.level, countyCode: ctx.c.county_code, streetCode: ctx.c.street_code, communityCode: ctx.c.community_code };
    const bad = ids.find((id) => !units.has(id) || !dispatchable(units.get(id)!, place));
    if (bad) throw badRequest('case.unit_unknown', { id: bad });
    await sql`
      insert into case_units (case_id, unit_id, role, state, dispatched_at)
      select ${ctx.c.id}::uuid, u.id, case when u.id = ${body.leadUnitId}::uuid then 'lead' else 'assist' end, 'dispatched', ${ctx.now}
      from unnest(${ids}::uuid[]) as u(id)
      on conflict (case_id, unit_id) do update set role = excluded.role, state = 'dispatched', dispatched_at = excluded.dispatched_at`.execute(ctx.tx);
    // a person's choice of department is a labelled message for the next training (人机协同)
    if (ctx.actor) {
      await recordDispatchChoice(ctx.tx, {
        caseId: ctx.c.id, text: ctx.c.description, suggestedLabel: ctx.c.suggested_label, modelId: ctx.c.classifier_model_id,
        unitCode: units.get(body.leadUnitId)!.code, by: { id: ctx.actor.kind === 'user' ? ctx.actor.id : null, name: ctx.actor.displayName },
      });
    }
    return {
      update: { lead_unit_id: body.leadUnitId, dispatched_at: ctx.now, ...(await ctx.clock('handle')) },
      note: body.note,
      unitId: body.leadUnitId,
      detail: { lead: units.get(body.leadUnitId)!.name, assists: body.assistUnitIds.map((id) => units.get(id)!.name) },
    };
  },
  async urge(ctx, body) {
    return { update: {}, note: body.note, unitId: ctx.c.lead_unit_id };
  },
  async sign(ctx, body) {
    await setUnitState(ctx, ctx.c.lead_unit_id!, 'signed');
    return { update: {}, note: body.note };
  },
  async return(ctx, body) {
    await releaseUnits(ctx);
    await lapsePendingRequest(ctx);
    return { update: { lead_unit_id: null, returned_count: ctx.c.returned_count + 1, ...(await ctx.clock('dispatch')) }, note: body.reason };
  },
  async feedback(ctx, body) {
    await attachPhotos(ctx.tx, ctx.c.id, ctx.actor!, body.photoIds, 'feedback');
    await lapsePendingRequest(ctx);
    await setUnitState(ctx, ctx.c.lead_unit_id!, 'done');
    return { update: await ctx.clock('verify'), note: body.note, photoIds: body.photoIds };
  },
  async assist_done(ctx, body) {
    await setUnitState(ctx, ctx.actor!.unitId!, 'done');
    return { update: {}, note: body.note };
  },
  async request_extension(ctx, body) {
    await insertRequest(ctx, 'extension', body.reason, body.workingDays);
    return { update: {}, note: body.reason, detail: { workingDays: body.workingDays } };
  },
  async request_suspension(ctx, body) {
    await insertRequest(ctx, 'suspension', body.reason, null);
    return { update: {}, note: body.reason };
  },
  async decide_request(ctx, body) {
    const request = ctx.pending!;
    await ctx.tx
      .updateTable('case_requests')
      .set({ decision: body.approve ? 'approved' : 'refused', decided_by_name: ctx.actor!.displayName, decided_at: ctx.now, decision_note: body.note ?? null })
      .where('id', '=', request.id)
      .execute();
    const detail = { requestId: request.id, kind: request.kind, approved: body.approve, workingDays: request.working_days };
    if (!body.approve) return { update: {}, note: body.note, detail };
    if (request.kind === 'suspension') return { update: { ...noClock, stage: 'handle', suspended_minutes_left: minutesLeft(ctx) }, note: body.note, detail };
    const days = request.working_days ?? 1;
    const moved = extendStage(ctx.cal, { startedAt: new Date(ctx.c.stage_started_at!), dueAt: new Date(ctx.c.stage_due_at!) }, days);
    const stillOverdue = moved.dueAt <= ctx.now;
    return {
      update: { stage_due_at: moved.dueAt, stage_warn_at: moved.warnAt, warned_at: moved.warnAt <= ctx.now ? ctx.c.warned_at : null, overdue_at: stillOverdue ? ctx.c.overdue_at : null, extension_days: ctx.c.extension_days + days },
      note: body.note,
      detail,
    };
  },
  async resume(ctx, body) {
    return { update: { suspended_minutes_left: null, ...(await ctx.clock('handle', Math.max(minimumLimit, ctx.c.suspended_minutes_left ?? 0))) }, note: body.note };
  },
  async escalate(ctx, body) {
    const update = await escalation(ctx);
    return { update, note: body.reason, detail: { from: ctx.c.level, to: update.level } };
  },
  async close(ctx, body) {
    await attachPhotos(ctx.tx, ctx.c.id, ctx.actor!, body.photoIds, 'verify');
    return { update: { ...noClock, closed_at: ctx.now }, note: body.note, photoIds: body.photoIds };
  },
  async rework(ctx, body) {
    await attachPhotos(ctx.tx, ctx.c.id, ctx.actor!, body.photoIds, 'verify');
    await setUnitState(ctx, ctx.c.lead_unit_id!, 'signed');
    return { update: { rework_count: ctx.c.rework_count + 1, ...(await ctx.clock('handle')) }, note: body.reason, photoIds: body.photoIds, unitId: ctx.c.lead_unit_id };
  },
  async rate(ctx, body) {
    const rated: CaseUpdate = { rating: body.rating, rating_note: body.note ?? null, rated_at: ctx.now };
    if (ctx.to !== 'handling') return { update: rated, note: body.note, detail: { rating: body.rating } };
    // 不满意 reopens the case once for 重办 by the same lead unit; it will be rated again
    if (ctx.c.lead_unit_id) await setUnitState(ctx, ctx.c.lead_unit_id, 'signed');
    return {
      update: { ...rated, rating: null, rating_note: null, rated_at: null, closed_at: null, reopened_count: ctx.c.reopened_count + 1, ...(await ctx.clock('handle')) },
      note: body.note,
      detail: { rating: body.rating },
      unitId: ctx.c.lead_unit_id,
      extraSteps: [{ action: 'reopen', note: null, detail: { reason: 'dissatisfied' } }],
    };
  },
};

async function insertRequest(ctx: StepContext, kind: 'extension' | 'suspension', reason: string, days: number | null) {
  if (ctx.pending) throw conflict('case.request_pending');
  await ctx.tx
    .insertInto('case_requests')
    .values({ case_id: ctx.c.id, kind, working_days: days, reason, unit_id: ctx.actor!.unitId, requested_by: ctx.actor!.id, requested_by_name: ctx.actor!.displayName, requested_at: ctx.now })
    .execute();
}

