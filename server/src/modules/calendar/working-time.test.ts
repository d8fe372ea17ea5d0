import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes, calendarFrom, isValidDay, isWeekend, shanghaiDay, workingHours, workingMinutesBetween, workingMinutesPerDay,
  type CalendarException,
} from './working-time.js';

/** The rows the migration inserts, so that these tests also check the shipped 2026 and 2027 data. */
const migration = fs.readFileSync(path.join(import.meta.dirname, '../../db/migrations/0005_calendar.sql'), 'utf8');
const rows = [...migration.matchAll(/\('(\d{4}-\d{2}-\d{2})', '(holiday|workday)', '([^']+)'\)/g)].map(([, day, kind, name]) => ({
  day: day!, kind: kind as CalendarException['kind'], name: name!,
}));
const cal = calendarFrom(rows);

/** An Asia/Shanghai wall-clock time. */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const add = (start: string, minutes: number) => addWorkingMinutes(cal, at(start), minutes);
const between = (from: string, to: string) => workingMinutesBetween(cal, at(from), at(to));

describe('the shipped calendar data', () => {
  it('holds 2026 and 2027, holidays on weekdays only, make-up days on weekends only', () => {
    expect(rows.filter((r) => r.day.startsWith('2026'))).toHaveLength(25);
    expect(rows.filter((r) => r.day.startsWith('2027'))).toHaveLength(23);
    expect(new Set(rows.map((r) => r.day)).size).toBe(rows.length);
    for (const r of rows) expect(isWeekend(r.day), r.day).toBe(r.kind === 'workday');
    expect(rows.filter((r) => r.day.startsWith('2027')).every((r) => r.name.endsWith('（预排）'))).toBe(true);
    expect(rows.filter((r) => r.day.startsWith('2026')).some((r) => r.name.includes('预排'))).toBe(false);
  });
  it('gives 248 working days in 2026 and in 2027 (13 statutory holidays each)', () => {
    expect(between('2026-01-01 00:00', '2027-01-01 00:00')).toBe(248 * 450);
    expect(between('2027-01-01 00:00', '2028-01-01 00:00')).toBe(248 * 450);
  });
});

describe('calendarFrom', () => {
  it('works Monday to Friday by default; exceptions override', () => {
    const plain = calendarFrom([]);
    expect(['2026-02-13', '2026-02-16'].map(plain.isWorkingDay)).toEqual([true, true]);
    expect(['2026-02-14', '2026-02-15'].map(plain.isWorkingDay)).toEqual([false, false]);
    expect(['2026-02-13', '2026-02-14', '2026-02-15', '2026-02-16', '2026-02-23', '2026-02-24', '2026-02-28'].map(cal.isWorkingDay))
      .toEqual([true, true, false, false, false, true, true]);
  });
  it('refuses an exception that is not a date', () => {
    expect(() => calendarFrom([{ day: '2026-02-30', kind: 'holiday' }])).toThrow(RangeError);
    expect(isValidDay('2026-2-3')).toBe(false);
    expect(isValidDay('2028-02-29')).toBe(true);
  });
});

describe('shanghaiDay and working hours', () => {
  it('dates an instant in Asia/Shanghai (UTC+8)', () => {
    expect(shanghaiDay(new Date('2026-02-13T15:59:59Z'))).toBe('2026-02-13');
    expect(shanghaiDay(new Date('2026-02-13T16:00:00Z'))).toBe('2026-02-14');
    expect(shanghaiDay(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });
  it('is 08:30–12:00 and 13:30–17:30, 450 minutes a day', () => {
    expect(workingHours).toEqual([{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }]);
    expect(workingMinutesPerDay).toBe(450);
    expect(between('2026-03-09 00:00', '2026-03-10 00:00')).toBe(450);
  });
});

describe('addWorkingMinutes', () => {
  it('takes UTC instants: 00:30Z is 08:30 in Shanghai', () => {
    expect(addWorkingMinutes(cal, new Date('2026-03-09T00:30:00Z'), 60).toISOString()).toBe('2026-03-09T01:30:00.000Z');
  });
  it('skips the weekend', () => {
    expect(add('2026-03-06 17:00', 60)).toEqual(at('2026-03-09 09:00'));
    expect(add('2026-03-07 10:00', 30)).toEqual(at('2026-03-09 09:00'));
  });
  it('skips the lunch break', () => {
    expect(add('2026-03-09 11:00', 120)).toEqual(at('2026-03-09 14:30'));
    expect(add('2026-03-09 12:30', 30)).toEqual(at('2026-03-09 14:00'));
    expect(add('2026-03-09 12:00', 1)).toEqual(at('2026-03-09 13:31'));
  });
  it('ends exactly at the end of a period rather than at the start of the next', () => {
    expect(add('2026-03-09 08:30', 210)).toEqual(at('2026-03-09 12:00'));
    expect(add('2026-03-09 08:30', 450)).toEqual(at('2026-03-09 17:30'));
    expect(add('2026-03-09 08:30', 451)).toEqual(at('2026-03-10 08:31'));
  });
  it('starts counting at 08:30 before work and the next morning after work', () => {
    expect(add('2026-03-09 07:00', 30)).toEqual(at('2026-03-09 09:00'));
    expect(add('2026-03-09 18:00', 30)).toEqual(at('2026-03-10 09:00'));
    expect(add('2026-03-09 17:30', 30)).toEqual(at('2026-03-10 09:00'));
  });
  it('skips the 2026 春节 block (Feb 15–23) and counts the 调休 Saturday Feb 14', () => {
    expect(add('2026-02-13 17:00', 60)).toEqual(at('2026-02-14 09:00'));
    expect(add('2026-02-14 17:00', 60)).toEqual(at('2026-02-24 09:00'));
    expect(add('2026-02-16 10:00', 0)).toEqual(at('2026-02-24 08:30'));
    expect(between('2026-02-13 00:00', '2026-02-15 00:00')).toBe(900);
    expect(between('2026-02-07 00:00', '2026-02-09 00:00')).toBe(0);
    expect(between('2026-02-14 17:00', '2026-02-24 09:00')).toBe(60);
  });
  it('crosses 国庆 2026 (Oct 1–7 off, Saturday Oct 10 worked)', () => {
    expect(add('2026-09-30 17:00', 60)).toEqual(at('2026-10-08 09:00'));
    expect(add('2026-09-30 08:30', 3 * 450)).toEqual(at('2026-10-09 17:30'));
    expect(add('2026-09-30 08:30', 3 * 450 + 1)).toEqual(at('2026-10-10 08:31'));
    expect(add('2026-09-24 17:00', 60)).toEqual(at('2026-09-28 09:00'));
  });
  it('with zero minutes, returns the instant the clock starts', () => {
    expect(add('2026-03-09 10:15', 0)).toEqual(at('2026-03-09 10:15'));
    expect(add('2026-03-09 08:30', 0)).toEqual(at('2026-03-09 08:30'));
    expect(add('2026-03-09 12:00', 0)).toEqual(at('2026-03-09 13:30'));
    expect(add('2026-03-07 10:00', 0)).toEqual(at('2026-03-09 08:30'));
  });
  it('handles large values: 30 working days across 国庆, a whole year', () => {
    // Sep 7–30: 18 working days (Sep 20 is a 调休 Sunday, Sep 25 中秋); Oct 8, 9, 10, 12–16, 19–22: 12 more.
    expect(add('2026-09-07 08:30', 30 * 450)).toEqual(at('2026-10-22 17:30'));
    expect(add('2026-01-01 00:00', 248 * 450)).toEqual(at('2026-12-31 17:30'));
    expect(add('2026-01-01 00:00', 248 * 450 + 1)).toEqual(at('2027-01-04 08:31'));
  });
  it('counts fractions of a minute to the millisecond', () => {
    expect(add('2026-03-09 11:59', 1.5)).toEqual(new Date(at('2026-03-09 13:30').getTime() + 30_000));
  });
  it('refuses negative or non-finite minutes and invalid dates', () => {
    expect(() => add('2026-03-09 10:00', -1)).toThrow(RangeError);
    expect(() => add('2026-03-09 10:00', Number.NaN)).toThrow(RangeError);
    expect(() => addWorkingMinutes(cal, new Date('nonsense'), 10)).toThrow(RangeError);
  });
  it('stops on a calendar without working days instead of looping forever', () => {
    expect(() => addWorkingMinutes({ isWorkingDay: () => false }, at('2026-03-09 10:00'), 10)).toThrow(/no working day/);
  });
});

describe('workingMinutesBetween', () => {
  it('is 0 when to is not after from', () => {
    expect(between('2026-03-09 10:00', '2026-03-09 10:00')).toBe(0);
    expect(between('2026-03-09 11:00', '2026-03-09 10:00')).toBe(0);
    expect(between('2026-03-09 12:10', '2026-03-09 13:20')).toBe(0);
  });
  it('counts only working periods of working days', () => {
    expect(between('2026-03-09 11:00', '2026-03-09 14:00')).toBe(90);
    expect(between('2026-03-06 17:00', '2026-03-09 09:00')).toBe(60);
    expect(between('2026-09-30 00:00', '2026-10-09 00:00')).toBe(2 * 450);
  });
  it('round-trips with addWorkingMinutes', () => {
    const starts = ['2026-01-02 09:00', '2026-02-13 16:45', '2026-02-14 12:00', '2026-04-30 17:29', '2026-09-19 23:00', '2026-12-30 13:00', '2027-02-04 10:10'];
    for (const s of starts) {
      for (const m of [0, 1, 29, 210, 211, 450, 451, 1000, 4500, 13_500]) {
        const end = add(s, m);
        expect(between(s, shanghaiLocal(end)), `${s} + ${m}`).toBe(m);
        // a deadline inside working time is recovered exactly from the minutes up to it
        if (m > 0) expect(addWorkingMinutes(cal, at(s), workingMinutesBetween(cal, at(s), end))).toEqual(end);
      }
    }
  });
});

/** Back to the 'YYYY-MM-DD HH:MM' form of `at` (whole minutes only). */
function shanghaiLocal(d: Date) {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
