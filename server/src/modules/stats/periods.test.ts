import { describe, expect, it } from 'vitest';
import { bucketsOf, previousPeriod } from './periods.js';

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) out.push(d.toISOString().slice(0, 10));
  return out;
};
/** The days a list of buckets covers, to check it covers the period exactly once. */
const covered = (buckets: ReturnType<typeof bucketsOf>) =>
  buckets.flatMap((b) => {
    const start = new Date(`${b.start}T00:00:00Z`);
    if (b.bucket === 'd') return [b.start];
    const end = b.bucket === 'm' ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)) : new Date(Date.UTC(start.getUTCFullYear(), 11, 31));
    return days(b.start, end.toISOString().slice(0, 10));
  });

describe('a period as calendar buckets', () => {
  it('a whole year is one bucket, a whole month one, a single day one', () => {
    expect(bucketsOf('2026-01-01', '2026-12-31')).toEqual([{ bucket: 'y', start: '2026-01-01' }]);
    expect(bucketsOf('2026-02-01', '2026-02-28')).toEqual([{ bucket: 'm', start: '2026-02-01' }]);
    expect(bucketsOf('2026-11-24', '2026-11-24')).toEqual([{ bucket: 'd', start: '2026-11-24' }]);
  });
  it('a ragged period takes days up to a month, months up to a year, and back down', () => {
    const b = bucketsOf('2025-11-29', '2027-02-02');
    expect(b.map((x) => `${x.bucket}${x.start}`)).toEqual(['d2025-11-29', 'd2025-11-30', 'm2025-12-01', 'y2026-01-01', 'm2027-01-01', 'd2027-02-01', 'd2027-02-02']);
  });
  it('covers every day of any period exactly once (leap years, month ends), with at most ~84 buckets', () => {
    for (const [from, to] of [['2024-02-27', '2024-03-02'], ['2023-12-31', '2028-01-01'], ['2026-01-15', '2026-12-15'], ['2026-03-31', '2026-05-01']] as const) {
      const b = bucketsOf(from, to);
      expect(covered(b)).toEqual(days(from, to));
      expect(b.length).toBeLessThanOrEqual(84);
    }
  });
  it('an empty period (to before from) has no buckets', () => {
    expect(bucketsOf('2026-05-02', '2026-05-01')).toEqual([]);
  });
  it('the previous period has as many days and ends the day before', () => {
    expect(previousPeriod('2026-11-01', '2026-11-30')).toEqual({ from: '2026-10-02', to: '2026-10-31' });
    expect(previousPeriod('2026-01-01', '2026-01-07')).toEqual({ from: '2025-12-25', to: '2025-12-31' });
  });
});
