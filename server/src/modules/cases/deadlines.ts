import type { CasePriority, CaseStage } from '@gongzhi/contracts';
import { addWorkingMinutes, workingMinutesBetween, type WorkCalendar } from '../calendar/index.js';

export interface StageLimits {
  register: number;
  dispatch: number;
  handle: number;
  verify: number;
}

/** A category row's stage limits. */
export const limitsOf = (c: { limit_register: number; limit_dispatch: number; limit_handle: number; limit_verify: number }): StageLimits => ({
  register: c.limit_register,
  dispatch: c.limit_dispatch,
  handle: c.limit_handle,
  verify: c.limit_verify,
});

/** Urgent cases get half the time, critical ones a quarter; never under ten working minutes. */
const priorityFactor: Record<CasePriority, number> = { normal: 1, urgent: 0.5, critical: 0.25 };
export const minimumLimit = 10;
/** Reminders go out when this share of a stage's time is used. */
export const reminderShare = 0.8;
/** An extension is asked for in working days; a working day is this many working minutes. */
export const workingDayMinutes = 450;

export function stageLimit(limits: StageLimits, stage: CaseStage, priority: CasePriority): number {
  return Math.max(minimumLimit, Math.round(limits[stage] * priorityFactor[priority]));
}

export interface StageClock {
  stage: CaseStage;
  startedAt: Date;
  warnAt: Date;
  dueAt: Date;
}

/** The clock of a stage that starts now with its whole limit (or `minutes` when resuming). */
export function startStage(cal: WorkCalendar, stage: CaseStage, start: Date, minutes: number): StageClock {
  return {
    stage,
    startedAt: start,
    warnAt: addWorkingMinutes(cal, start, Math.floor(minutes * reminderShare)),
    dueAt: addWorkingMinutes(cal, start, minutes),
  };
}

/** An approved extension moves the due time by whole working days; the reminder moves to 80% of the longer stage. */
export function extendStage(cal: WorkCalendar, clock: { startedAt: Date; dueAt: Date }, days: number): { warnAt: Date; dueAt: Date } {
  const dueAt = addWorkingMinutes(cal, clock.dueAt, days * workingDayMinutes);
  const total = workingMinutesBetween(cal, clock.startedAt, dueAt);
  return { dueAt, warnAt: addWorkingMinutes(cal, clock.startedAt, Math.floor(total * reminderShare)) };
}
