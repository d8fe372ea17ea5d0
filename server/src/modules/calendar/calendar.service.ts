import type { CalendarDay, CalendarResponse } from '@gongzhi/contracts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requirePermission, type Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { emitEvent } from '../../platform/events.js';
import { calendarFrom, isValidDay, isWeekend, shanghaiDay, workingHours, type WorkCalendar } from './working-time.js';

/**
 * The calendar of each database handle, read once and kept: deadlines are computed on every case
 * change. An edit through this module drops it at once; another API process sharing the database
 * picks an edit up within `cacheTtlMs`, since API processes share nothing but the database.
 */
const cacheTtlMs = 60_000;
const cache = new WeakMap<Kysely<DB>, { calendar: Promise<WorkCalendar>; loadedAt: number }>();

/** The work calendar of the database: Monday–Friday plus the stored exceptions (all years). */
export function loadCalendar(db: Kysely<DB>): Promise<WorkCalendar> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.loadedAt < cacheTtlMs) return hit.calendar;
  const entry = { calendar: exceptions(db).then(calendarFrom), loadedAt: Date.now() };
  entry.calendar.catch(() => {
    if (cache.get(db) === entry) cache.delete(db);
  });
  cache.set(db, entry);
  return entry.calendar;
}

/** `day` as 'YYYY-MM-DD' text on both PGlite and node-postgres (which would make a local-midnight Date of it). */
const dayText = sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day');

function exceptions(db: Kysely<DB>, year?: number): Promise<CalendarDay[]> {
  let query = db.selectFrom('work_calendar_days').select([dayText, 'kind', 'name']).orderBy('work_calendar_days.day');
  if (year !== undefined) query = query.where('work_calendar_days.day', '>=', `${year}-01-01`).where('work_calendar_days.day', '<', `${year + 1}-01-01`);
  return query.execute();
}

/** The exceptions of one year (the current Shanghai year by default) with the working hours. */
export async function listCalendarDays(db: Kysely<DB>, actor: Principal | null, year?: number): Promise<CalendarResponse> {
  requirePermission(actor, 'region:read');
  const y = year ?? Number(shanghaiDay(new Date()).slice(0, 4));
  return { year: y, workingHours: workingHours.map((p) => ({ ...p })), days: await exceptions(db, y) };
}

/** Only exceptions make sense: a holiday on a weekday, a make-up working day on a weekend. */
function checkDay(day: string, kind?: CalendarDay['kind']) {
  if (!isValidDay(day)) throw badRequest('calendar.day_invalid', { day });
  if (kind === 'holiday' && isWeekend(day)) throw badRequest('calendar.holiday_on_weekend', { day });
  if (kind === 'workday' && !isWeekend(day)) throw badRequest('calendar.workday_on_weekday', { day });
}

/** Sets (creates or replaces) the exception of one day. */
export async function setCalendarDay(
  db: Kysely<DB>, actor: Principal | null, day: string, input: { kind: CalendarDay['kind']; name: string }, ip: string,
): Promise<CalendarDay> {
  const p = requirePermission(actor, 'calendar:write');
  checkDay(day, input.kind);
  await db.transaction().execute(async (tx) => {
    const previous = await current(tx, day);
    await tx
      .insertInto('work_calendar_days')
      .values({ day, kind: input.kind, name: input.name })
      .onConflict((oc) => oc.column('day').doUpdateSet({ kind: input.kind, name: input.name, updated_at: sql<Date>`now()` }))
      .execute();
    await recordChange(tx, p, ip, 'calendar.set', day, { kind: input.kind, name: input.name, previous });
  });
  cache.delete(db);
  return { day, kind: input.kind, name: input.name };
}

/** Removes the exception of one day: it follows the Monday–Friday rule again. */
export async function deleteCalendarDay(db: Kysely<DB>, actor: Principal | null, day: string, ip: string): Promise<void> {
  const p = requirePermission(actor, 'calendar:write');
  checkDay(day);
  await db.transaction().execute(async (tx) => {
    const previous = await current(tx, day);
    if (!previous) throw notFound('calendar.day_not_found', { day });
    await tx.deleteFrom('work_calendar_days').where('day', '=', day).execute();
    await recordChange(tx, p, ip, 'calendar.delete', day, { previous });
  });
  cache.delete(db);
}

async function current(db: Kysely<DB>, day: string) {
  const row = await db.selectFrom('work_calendar_days').select(['kind', 'name']).where('day', '=', day).forUpdate().executeTakeFirst();
  return row ?? null;
}

/** The audit row and the domain event (deadlines of open cases may move), in the caller's transaction. */
async function recordChange(db: Kysely<DB>, actor: Principal, ip: string, action: string, day: string, detail: Record<string, unknown>) {
  await writeAudit(db, { action, actor, targetType: 'calendar_day', targetId: day, ip, detail });
  await emitEvent(db, { topic: action, aggregateType: 'calendar_day', aggregateId: day, payload: { day, ...detail } });
}
