import { describe, expect, it } from 'vitest';
import { calendarFrom } from '../calendar/index.js';
import { extendStage, stageLimit, startStage } from './deadlines.js';

const limits = { register: 60, dispatch: 30, handle: 900, verify: 240 };
// 2026's 国庆 block (Oct 1–7 off, Sat Oct 10 worked) and 春节 (Feb 15–23 off, Sat Feb 14 and Feb 28 worked)
const cal = calendarFrom([
  ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((day) => ({ day, kind: 'holiday' as const })),
  { day: '2026-10-10', kind: 'workday' as const },
  ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'].map((day) => ({ day, kind: 'holiday' as const })),
  { day: '2026-02-14', kind: 'workday' as const },
]);
const at = (local: string) => new Date(`${local}+08:00`);

describe('stage limits', () => {
  it('priority shortens the limit, never below ten working minutes', () => {
    expect(stageLimit(limits, 'handle', 'normal')).toBe(900);
    expect(stageLimit(limits, 'handle', 'urgent')).toBe(450);
    expect(stageLimit(limits, 'handle', 'critical')).toBe(225);
    expect(stageLimit(limits, 'dispatch', 'critical')).toBe(10);
  });
});

describe('stage clocks on the work calendar', () => {
  it('two working days from the afternoon before 国庆 end on the second working day after it', () => {
    const clock = startStage(cal, 'handle', at('2026-09-30T16:30:00'), 900);
    // Sep 30: 60 min; Oct 1–7 off; Oct 8: 450; Oct 9: 210 in the morning and 180 after lunch → 16:30
    expect(clock.dueAt.toISOString()).toBe(at('2026-10-09T16:30:00').toISOString());
    // 80%: 720 min → Sep 30 60 + Oct 8 450 + 210 on Oct 9 = 12:00 → lunch, so 12:00 exactly
    expect(clock.warnAt.toISOString()).toBe(at('2026-10-09T12:00:00').toISOString());
  });
  it('a report on the eve of 春节 is due after the holiday, counting the 调休 Saturday before it', () => {
    const clock = startStage(cal, 'register', at('2026-02-13T17:00:00'), 60);
    // 30 min on Fri Feb 13, then Sat Feb 14 is a working day: due 09:00
    expect(clock.dueAt.toISOString()).toBe(at('2026-02-14T09:00:00').toISOString());
  });
  it('an extension moves the due time by whole working days and the reminder to 80% of the longer stage', () => {
    const clock = startStage(cal, 'handle', at('2026-11-23T08:30:00'), 450);
    expect(clock.dueAt.toISOString()).toBe(at('2026-11-23T17:30:00').toISOString());
    const moved = extendStage(cal, clock, 2);
    expect(moved.dueAt.toISOString()).toBe(at('2026-11-25T17:30:00').toISOString());
    // 80% of 1,350 minutes = 1,080: two full days (900) + 180 → Nov 25 11:30
    expect(moved.warnAt.toISOString()).toBe(at('2026-11-25T11:30:00').toISOString());
  });
});
