import type { CalendarDay } from '@gongzhi/contracts';

/** Working minutes in one working day (08:30–12:00 and 13:30–17:30). */
export const minutesPerDay = 450;

type Translate = (key: 'daysN' | 'oneWorkingDay' | 'hoursMinutes' | 'hoursOnly' | 'minutesOnly', params?: Record<string, string | number>) => string;

/** A limit in working minutes: "1 个工作日" for whole working days, else "16 小时 40 分" of working time. */
export function formatWorkingMinutes(minutes: number, t: Translate): string {
  if (minutes === minutesPerDay) return t('oneWorkingDay');
  if (minutes > 0 && minutes % minutesPerDay === 0) return t('daysN', { n: minutes / minutesPerDay });
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('minutesOnly', { m });
  return m === 0 ? t('hoursOnly', { h }) : t('hoursMinutes', { h, m });
}

/** Minutes between two wall-clock times 'HH:MM'. */
export const periodMinutes = (p: { start: string; end: string }) => {
  const at = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  return at(p.end) - at(p.start);
};

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDay = (year: number, month: number, day: number) => `${year}-${pad(month + 1)}-${pad(day)}`;

/** Day of the week of a 'YYYY-MM-DD' date, Monday = 0 … Sunday = 6 (calendar dates, no time zone involved). */
export function weekdayOf(day: string): number {
  const d = new Date(`${day}T00:00:00Z`);
  return (d.getUTCDay() + 6) % 7;
}
export const isWeekend = (day: string) => weekdayOf(day) >= 5;

function shift(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * How a day shows in the year view. `holiday` and `workday` are the stored exceptions. `break` is a
 * Saturday or Sunday inside a holiday block (off anyway, so not stored): the weekend next to a
 * holiday, as the State Council's notices count it (国庆节 10月1日至7日 includes the weekend).
 */
export type DayMark = { kind: 'holiday' | 'workday' | 'break'; name: string } | { kind: 'weekend' | 'weekday'; name: null };

export function dayMarks(days: readonly CalendarDay[]): (day: string) => DayMark {
  const byDay = new Map(days.map((d) => [d.day, d]));
  /** The nearest day from `day` in `step` direction that is not a plain weekend day. */
  const nextNonWeekend = (day: string, step: 1 | -1) => {
    let d = shift(day, step);
    for (let i = 0; i < 3 && isWeekend(d) && !byDay.has(d); i++) d = shift(d, step);
    return d;
  };
  return (day) => {
    const stored = byDay.get(day);
    if (stored) return { kind: stored.kind, name: stored.name };
    if (!isWeekend(day)) return { kind: 'weekday', name: null };
    for (const step of [-1, 1] as const) {
      const near = byDay.get(nextNonWeekend(day, step));
      if (near?.kind === 'holiday') return { kind: 'break', name: near.name };
    }
    return { kind: 'weekend', name: null };
  };
}

/** The cells of a month, Monday first: null for the blanks before the 1st. */
export function monthCells(year: number, month: number): (string | null)[] {
  const first = isoDay(year, month, 1);
  const count = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cells: (string | null)[] = Array.from({ length: weekdayOf(first) }, () => null);
  for (let d = 1; d <= count; d++) cells.push(isoDay(year, month, d));
  return cells;
}
