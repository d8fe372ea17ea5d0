import type { CaseState } from '@gongzhi/contracts';
import type { Kysely, Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Principal } from '../../platform/access.js';
import { conflict } from '../../platform/errors.js';
import { workingMinutesBetween, type WorkCalendar } from '../calendar/index.js';
import type { CaseUnitRow, LoadedCase } from './case-record.js';
import { stageLimit, startStage, type StageLimits } from './deadlines.js';
import { levelAbove } from './levels.js';

export type CaseUpdate = Updateable<DB['cases']>;

/** What one step needs: the locked case, its units, the pending request, the clock and the actor. */
export interface StepContext {
  tx: Kysely<DB>;
  cal: WorkCalendar;
  now: Date;
  actor: Principal | null;
  c: LoadedCase;
  units: CaseUnitRow[];
  pending: { id: string; kind: 'extension' | 'suspension'; working_days: number | null } | null;
  to: CaseState;
  /** Starts the full clock of a stage at `now`. */
  clock(stage: 'register' | 'dispatch' | 'handle' | 'verify', minutes?: number): Promise<CaseUpdate>;
}

/** A request nobody decided lapses when the case leaves handling (returned, escalated, reported back). */
export async function lapsePendingRequest(ctx: StepContext): Promise<void> {
  if (!ctx.pending || ctx.to === 'handling' || ctx.to === 'suspended') return;
  await ctx.tx.updateTable('case_requests').set({ decision: 'lapsed', decided_at: ctx.now, decided_by_name: '系统' }).where('id', '=', ctx.pending.id).execute();
}

/** Every unit still working on the case stops: the case goes back to be dispatched again. */
export async function releaseUnits(ctx: StepContext): Promise<void> {
  await ctx.tx.updateTable('case_units').set({ state: 'returned' }).where('case_id', '=', ctx.c.id).where('state', 'in', ['dispatched', 'signed']).execute();
}

/** Shared by the escalate action and the deadline job: up one level, back to that level's dispatcher. */
export async function escalation(ctx: StepContext): Promise<CaseUpdate> {
  const level = levelAbove(ctx.c.level);
  if (!level) throw conflict('case.top_level');
  await releaseUnits(ctx);
  await lapsePendingRequest(ctx);
  return { level, lead_unit_id: null, escalation_count: ctx.c.escalation_count + 1, ...(await ctx.clock(ctx.to === 'reported' ? 'register' : 'dispatch')) };
}

/** Working minutes left on a running clock, never below zero. */
export function minutesLeft(ctx: StepContext): number {
  return ctx.c.stage_due_at ? Math.max(0, Math.round(workingMinutesBetween(ctx.cal, ctx.now, new Date(ctx.c.stage_due_at)))) : 0;
}


/** Builds the context of a step; the clock uses the category's limits and the case's priority. */
export function makeStepContext(fields: Omit<StepContext, 'clock'>, limits: StageLimits): StepContext {
  return {
    ...fields,
    async clock(stage, minutes) {
      const clock = startStage(fields.cal, stage, fields.now, minutes ?? stageLimit(limits, stage, fields.c.priority));
      return { stage, stage_started_at: clock.startedAt, stage_warn_at: clock.warnAt, stage_due_at: clock.dueAt, warned_at: null, overdue_at: null };
    },
  };
}

/**
 * A stage that ends — its clock restarts, stops or moves to another stage — after its deadline is
 * remembered on the case (`late_stages`), so 按期立案 and 按期处置 can be counted after the clock moved on.
 */
export function lateStagesAfter(c: LoadedCase, update: CaseUpdate, now: Date): CaseUpdate {
  const clockEnds = 'stage_started_at' in update || 'stage_due_at' in update;
  const late = clockEnds && c.stage !== null && c.stage_due_at !== null && now > c.stage_due_at && !c.late_stages.includes(c.stage);
  return late ? { late_stages: [...c.late_stages, c.stage!] } : {};
}
