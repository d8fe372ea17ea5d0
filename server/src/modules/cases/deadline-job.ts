import type { CaseState } from '@gongzhi/contracts';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../db/schema.js';
import { startPeriodicJob } from '../../platform/jobs.js';
import { loadCalendar } from '../calendar/index.js';
import { categoryByCode } from './categories.service.js';
import { caseUnits, loadCase, recordStep } from './case-record.js';
import { limitsOf } from './deadlines.js';
import { autoEscalatingStates, levelAbove } from './levels.js';
import { escalation, lateStagesAfter, makeStepContext } from './step-context.js';
import { pendingRequest } from './actions.service.js';

const batch = 200;

/**
 * The durable deadline job: reminders at 80% of a stage's time, overdue marks at 100%, and
 * automatic escalation of what a community or street let run over. Deadlines live in the cases
 * table, so a restart loses nothing; rows are claimed with SKIP LOCKED, so several processes can run it.
 */
export async function scanDeadlines(db: Kysely<DB>, now = new Date()): Promise<{ reminded: number; overdue: number; escalated: number }> {
  const result = { reminded: 0, overdue: 0, escalated: 0 };
  for (;;) {
    const n = await db.transaction().execute(async (tx) => {
      const due = await tx.selectFrom('cases').select('id').where('stage_warn_at', '<=', now).where('warned_at', 'is', null).where('stage_due_at', 'is not', null)
        .limit(batch).forUpdate().skipLocked().execute();
      for (const { id } of due) {
        const c = await loadCase(tx, id);
        await tx.updateTable('cases').set({ warned_at: now }).where('id', '=', id).execute();
        await recordStep(tx, { caseId: id, number: c.number, action: 'remind', actor: null, unitId: c.lead_unit_id, at: now, detail: { stage: c.stage, dueAt: c.stage_due_at } });
      }
      result.reminded += due.length;
      return due.length;
    });
    if (n < batch) break;
  }
  const cal = await loadCalendar(db);
  for (;;) {
    const n = await db.transaction().execute(async (tx) => {
      const due = await tx.selectFrom('cases').select('id').where('stage_due_at', '<=', now).where('overdue_at', 'is', null)
        .limit(batch).forUpdate().skipLocked().execute();
      for (const { id } of due) {
        const c = await loadCase(tx, id);
        const state = c.state as CaseState;
        if (levelAbove(c.level) && (autoEscalatingStates as readonly string[]).includes(state)) {
          const to: CaseState = state === 'reported' ? 'reported' : 'registered';
          const ctx = makeStepContext({ tx, cal, now, actor: null, c, units: await caseUnits(tx, id), pending: await pendingRequest(tx, id), to }, limitsOf(await categoryByCode(tx, c.category_code)));
          const update = await escalation(ctx);
          await tx.updateTable('cases').set({ ...update, ...lateStagesAfter(c, update, now), state: to, ever_overdue: true, version: c.version + 1, updated_at: now }).where('id', '=', id).execute();
          await recordStep(tx, { caseId: id, number: c.number, action: 'auto_escalate', actor: null, unitId: c.lead_unit_id, from: state, to, at: now, detail: { from: c.level, to: update.level, stage: c.stage } });
          result.escalated++;
        } else {
          await tx.updateTable('cases').set({ overdue_at: now, ever_overdue: true }).where('id', '=', id).execute();
          await recordStep(tx, { caseId: id, number: c.number, action: 'overdue', actor: null, unitId: c.lead_unit_id, at: now, detail: { stage: c.stage, dueAt: c.stage_due_at } });
          result.overdue++;
        }
      }
      return due.length;
    });
    if (n < batch) break;
  }
  return result;
}

/** Runs the scan every `seconds` in this process; returns a stop function. */
export function startDeadlineJob(db: Kysely<DB>, logger: Logger, seconds: number): () => Promise<void> {
  return startPeriodicJob('deadline scan', seconds, () => scanDeadlines(db), logger, (r) => r.reminded + r.overdue + r.escalated > 0);
}
