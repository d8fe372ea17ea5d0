/**
 * The periods of reports, in Asia/Shanghai calendar days written YYYY-MM-DD, both ends included: a week
 * is Monday–Sunday (numbered as ISO 8601 weeks, so 2026-12-28…2027-01-03 is 2026年第53周), a month the
 * calendar month.
 */
import { shanghaiDay } from '../calendar/index.js';

export interface ReportPeriod {
  from: string;
  to: string;
}

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const text = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (s: string, n: number) => text(new Date(day(s).getTime() + n * 86_400_000));

/** True for a day that exists (2026-02-29 does not). */
export function isRealDay(s: string): boolean {
  const d = day(s);
  return !Number.isNaN(d.getTime()) && text(d) === s;
}

/** The calendar day in Asia/Shanghai at an instant (the work calendar's). */
export { shanghaiDay };

/** The Monday–Sunday week holding the day. */
export function weekOf(date: string): ReportPeriod {
  const monday = addDays(date, -((day(date).getUTCDay() + 6) % 7));
  return { from: monday, to: addDays(monday, 6) };
}

/** The calendar month holding the day. */
export function monthOf(date: string): ReportPeriod {
  const d = day(date);
  const from = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const to = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  return { from: text(from), to: text(to) };
}

/** The last whole week and month before the instant's Shanghai day. */
export function lastWeek(now: Date): ReportPeriod {
  return weekOf(addDays(weekOf(shanghaiDay(now)).from, -1));
}
export function lastMonth(now: Date): ReportPeriod {
  return monthOf(addDays(monthOf(shanghaiDay(now)).from, -1));
}

/** ISO 8601 week-numbering year and week of a day (the week's Thursday decides the year). */
export function isoWeek(date: string): { year: number; week: number } {
  const thursday = day(addDays(weekOf(date).from, 3));
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return { year, week };
}

export function daysIn(p: ReportPeriod): number {
  return Math.round((day(p.to).getTime() - day(p.from).getTime()) / 86_400_000) + 1;
}

/** How a period reads in a title: 2026年第47周 (2026-11-16 至 2026-11-22), 2026年10月 (…), or the two days. */
export function periodLabel(kind: 'weekly' | 'monthly' | 'custom', p: ReportPeriod): string {
  const span = `${p.from} 至 ${p.to}`;
  if (kind === 'weekly') {
    const { year, week } = isoWeek(p.from);
    return `${year}年第${week}周 (${span})`;
  }
  if (kind === 'monthly') return `${p.from.slice(0, 4)}年${Number(p.from.slice(5, 7))}月 (${span})`;
  return span;
}
