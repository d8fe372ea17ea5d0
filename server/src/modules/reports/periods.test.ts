import { describe, expect, it } from 'vitest';
import { daysIn, isRealDay, isoWeek, lastMonth, lastWeek, monthOf, periodLabel, shanghaiDay, weekOf } from './periods.js';

describe('report periods', () => {
  it('a week is Monday to Sunday, also across a year boundary', () => {
    expect(weekOf('2026-11-16')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(weekOf('2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(weekOf('2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(weekOf('2025-12-31')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(isoWeek('2026-11-16')).toEqual({ year: 2026, week: 47 });
    expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2025-12-29')).toEqual({ year: 2026, week: 1 });
    expect(periodLabel('weekly', weekOf('2026-11-18'))).toBe('2026年第47周 (2026-11-16 至 2026-11-22)');
  });

  it('a month is the calendar month, 28 to 31 days', () => {
    expect(monthOf('2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthOf('2028-02-29')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthOf('2026-04-30')).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    expect(monthOf('2026-12-01')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect([monthOf('2026-02-01'), monthOf('2028-02-01'), monthOf('2026-11-05'), monthOf('2026-01-31')].map(daysIn)).toEqual([28, 29, 30, 31]);
    expect(periodLabel('monthly', monthOf('2026-10-09'))).toBe('2026年10月 (2026-10-01 至 2026-10-31)');
    expect([isRealDay('2028-02-29'), isRealDay('2026-02-29'), isRealDay('2026-04-31'), isRealDay('2026-13-01')]).toEqual([true, false, false, false]);
  });

  it('last week and last month are whole periods before the Shanghai day, across a year boundary', () => {
    // 2027-01-03 17:00 UTC is Monday 2027-01-04 01:00 in Shanghai
    const mondayMorning = new Date('2027-01-03T17:00:00Z');
    expect(shanghaiDay(mondayMorning)).toBe('2027-01-04');
    expect(lastWeek(mondayMorning)).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(lastMonth(mondayMorning)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    // still Sunday 2027-01-03 in Shanghai: last week is the one before
    expect(lastWeek(new Date('2027-01-03T15:00:00Z'))).toEqual({ from: '2026-12-21', to: '2026-12-27' });
    expect(lastMonth(new Date('2026-03-01T00:30:00+08:00'))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
});
