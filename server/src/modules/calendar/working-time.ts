/**
 * Working-time arithmetic on the work calendar (工作日历). Pure functions, no database.
 *
 * Instants are JS Dates (UTC); days are Asia/Shanghai dates 'YYYY-MM-DD'. Shanghai has kept UTC+8
 * without daylight saving since 1991, so a fixed offset is exact for every date we handle.
 * A working day has two periods, 08:30–12:00 and 13:30–17:30 (7.5 hours); a period is half-open,
 * [start, end): 12:00 itself is already lunch, 08:30 is already working time.
 */

export interface WorkCalendar {
  /** Whether the Shanghai date 'YYYY-MM-DD' is a working day. */
  isWorkingDay(day: string): boolean;
}

export interface CalendarException {
  day: string;
  kind: 'holiday' | 'workday';
}

/** The working periods of a working day, Asia/Shanghai wall-clock time. */
export const workingHours = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
] as const;

const MINUTE = 60_000;
const DAY = 86_400_000;
const OFFSET = 8 * 60 * MINUTE;
const toMs = (hhmm: string) => (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * MINUTE;
/** Periods as [start, end) milliseconds after Shanghai midnight. */
const periods = workingHours.map((p) => [toMs(p.start), toMs(p.end)] as const);

/** Working minutes in one working day (450). */
export const workingMinutesPerDay = periods.reduce((sum, [s, e]) => sum + (e - s) / MINUTE, 0);

/** A calendar that never has a working day would make the search below endless. */
const maxDaysWithoutWork = 3 * 366;

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written 'YYYY-MM-DD' (so 2026-02-30 is not one). */
export function isValidDay(day: string): boolean {
  if (!dayPattern.test(day)) return false;
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === day;
}

/** Day of the week of a date 'YYYY-MM-DD': 0 Sunday … 6 Saturday. */
export function weekdayOf(day: string): number {
  if (!isValidDay(day)) throw new RangeError(`not a date: ${day}`);
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export const isWeekend = (day: string) => {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
};

/** Days since 1970-01-01 of the Shanghai date of an instant. */
const dayIndex = (t: number) => Math.floor((t + OFFSET) / DAY);
const dayOfIndex = (i: number) => new Date(i * DAY).toISOString().slice(0, 10);
/** The instant of Shanghai midnight starting day `i`. */
const midnightOf = (i: number) => i * DAY - OFFSET;

/** The Asia/Shanghai date of an instant, 'YYYY-MM-DD'. */
export function shanghaiDay(d: Date): string {
  return dayOfIndex(dayIndex(instant(d)));
}

/**
 * Monday–Friday work and Saturday/Sunday off, except for the given days: a `holiday` is a day off
 * whatever its weekday, a `workday` a working day whatever its weekday.
 */
export function calendarFrom(exceptions: readonly CalendarException[]): WorkCalendar {
  const overrides = new Map<string, boolean>();
  for (const e of exceptions) {
    if (!isValidDay(e.day)) throw new RangeError(`not a date: ${e.day}`);
    overrides.set(e.day, e.kind === 'workday');
  }
  return { isWorkingDay: (day) => overrides.get(day) ?? !isWeekend(day) };
}

function instant(d: Date): number {
  const t = d.getTime();
  if (!Number.isFinite(t)) throw new RangeError('invalid date');
  return t;
}

/**
 * The instant at which `minutes` of working time have elapsed after `start`: the earliest instant
 * `t` with workingMinutesBetween(start, t) === minutes. A start outside working hours (before 08:30,
 * at lunch, after 17:30, on a day off) starts counting at the next working period, and a result that
 * falls exactly at the end of a period is that end (17:30), not the start of the next one (08:30).
 *
 * Zero minutes gives the instant the clock starts: `start` itself inside working time, otherwise the
 * start of the next working period (so a case reported on Saturday with no time allowed is due on
 * Monday 08:30, not on Saturday). Minutes may be fractional (counted to the millisecond).
 */
export function addWorkingMinutes(cal: WorkCalendar, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`working minutes must be a finite number >= 0, got ${minutes}`);
  const from = instant(start);
  let remaining = Math.round(minutes * MINUTE);
  let idle = 0;
  for (let i = dayIndex(from); ; i++) {
    if (!cal.isWorkingDay(dayOfIndex(i))) {
      if (++idle > maxDaysWithoutWork) throw new RangeError(`the work calendar has no working day after ${shanghaiDay(start)}`);
      continue;
    }
    idle = 0;
    const midnight = midnightOf(i);
    for (const [s, e] of periods) {
      const begin = Math.max(midnight + s, from);
      const end = midnight + e;
      if (begin >= end) continue;
      if (remaining <= end - begin) return new Date(begin + remaining);
      remaining -= end - begin;
    }
  }
}

/**
 * Working minutes in [from, to): 0 when `to` is not after `from`. Fractional when the instants are
 * not on whole minutes.
 */
export function workingMinutesBetween(cal: WorkCalendar, from: Date, to: Date): number {
  const a = instant(from);
  const b = instant(to);
  if (b <= a) return 0;
  let total = 0;
  for (let i = dayIndex(a), last = dayIndex(b); i <= last; i++) {
    if (!cal.isWorkingDay(dayOfIndex(i))) continue;
    const midnight = midnightOf(i);
    for (const [s, e] of periods) {
      const lo = Math.max(midnight + s, a);
      const hi = Math.min(midnight + e, b);
      if (hi > lo) total += hi - lo;
    }
  }
  return total / MINUTE;
}
