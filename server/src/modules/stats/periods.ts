/**
 * A period of days as the fewest calendar buckets of the rollups: whole years, then whole months,
 * then single days (at most ~84 buckets for any period), so a year's figures read one row per key
 * instead of 365. Days are Asia/Shanghai calendar days, written YYYY-MM-DD; both ends are included.
 */
export interface Bucket {
  bucket: 'd' | 'm' | 'y';
  start: string;
}

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const text = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const addMonths = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));

export function bucketsOf(from: string, to: string): Bucket[] {
  const end = day(to);
  const buckets: Bucket[] = [];
  for (let at = day(from); at <= end; ) {
    const monthStart = at.getUTCDate() === 1;
    const yearStart = monthStart && at.getUTCMonth() === 0;
    if (yearStart && addDays(addMonths(at, 12), -1) <= end) {
      buckets.push({ bucket: 'y', start: text(at) });
      at = addMonths(at, 12);
    } else if (monthStart && addDays(addMonths(at, 1), -1) <= end) {
      buckets.push({ bucket: 'm', start: text(at) });
      at = addMonths(at, 1);
    } else {
      buckets.push({ bucket: 'd', start: text(at) });
      at = addDays(at, 1);
    }
  }
  return buckets;
}

/** The period just before (same number of days, ending the day before `from`), for 环比. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = Math.round((day(to).getTime() - day(from).getTime()) / 86_400_000) + 1;
  return { from: text(addDays(day(from), -days)), to: text(addDays(day(from), -1)) };
}
