import { describe, expect, it } from 'vitest';
import { dayMarks, formatWorkingMinutes, monthCells, weekdayOf } from './format';

const zh: Record<string, string> = { daysN: '{n} 个工作日', oneWorkingDay: '1 个工作日', hoursMinutes: '{h} 小时 {m} 分', hoursOnly: '{h} 小时', minutesOnly: '{m} 分' };
const t = (key: string, p: Record<string, string | number> = {}) => zh[key]!.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k]));

describe('formatWorkingMinutes', () => {
  it('shows whole working days as days, the rest as hours and minutes of working time', () => {
    expect(formatWorkingMinutes(450, t)).toBe('1 个工作日');
    expect(formatWorkingMinutes(1350, t)).toBe('3 个工作日');
    expect(formatWorkingMinutes(60, t)).toBe('1 小时');
    expect(formatWorkingMinutes(30, t)).toBe('30 分');
    expect(formatWorkingMinutes(1000, t)).toBe('16 小时 40 分');
  });
});

describe('the year view of the work calendar', () => {
  const marks = dayMarks([
    { day: '2026-02-14', kind: 'workday', name: '春节调休上班' },
    { day: '2026-02-16', kind: 'holiday', name: '春节' },
    { day: '2026-02-20', kind: 'holiday', name: '春节' },
    { day: '2026-02-23', kind: 'holiday', name: '春节' },
    { day: '2026-10-01', kind: 'holiday', name: '国庆节' },
    { day: '2026-10-02', kind: 'holiday', name: '国庆节' },
    { day: '2026-10-05', kind: 'holiday', name: '国庆节' },
    { day: '2026-10-10', kind: 'workday', name: '国庆节调休上班' },
  ]);
  it('knows the days of the week', () => {
    expect(weekdayOf('2026-12-26')).toBe(5); // a Saturday
    expect(weekdayOf('2026-10-01')).toBe(3); // a Thursday
  });
  it('marks the stored exceptions and the weekends inside a holiday block', () => {
    expect(marks('2026-10-01')).toEqual({ kind: 'holiday', name: '国庆节' });
    expect(marks('2026-10-03')).toEqual({ kind: 'break', name: '国庆节' });
    expect(marks('2026-10-04')).toEqual({ kind: 'break', name: '国庆节' });
    expect(marks('2026-10-10')).toEqual({ kind: 'workday', name: '国庆节调休上班' });
    expect(marks('2026-10-11')).toEqual({ kind: 'weekend', name: null });
    expect(marks('2026-10-08')).toEqual({ kind: 'weekday', name: null });
    // Saturday 14 Feb is worked; Sunday 15 Feb opens the 春节 block
    expect(marks('2026-02-15')).toEqual({ kind: 'break', name: '春节' });
    expect(marks('2026-02-21')).toEqual({ kind: 'break', name: '春节' });
  });
  it('lays a month out Monday first', () => {
    const cells = monthCells(2026, 9); // October 2026 starts on a Thursday
    expect(cells.slice(0, 4)).toEqual([null, null, null, '2026-10-01']);
    expect(cells.filter(Boolean)).toHaveLength(31);
  });
});
