import { z } from 'zod';

/** The work calendar (工作日历): the exceptions to the Monday–Friday rule, by Asia/Shanghai date. */
export const calendarDayKinds = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

/** A date 'YYYY-MM-DD' (the server also checks that it exists: no 2026-02-30). */
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const calendarDay = z.object({
  day: z.string(),
  /** holiday: a weekday off (法定节假日); workday: a weekend day worked (调休上班). */
  kind: z.enum(calendarDayKinds),
  name: z.string(),
});
export type CalendarDay = z.infer<typeof calendarDay>;

export const calendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const calendarResponse = z.object({
  year: z.number().int(),
  /** Working periods of a working day, Asia/Shanghai wall-clock time. */
  workingHours: z.array(z.object({ start: z.string(), end: z.string() })),
  days: z.array(calendarDay),
});
export type CalendarResponse = z.infer<typeof calendarResponse>;

export const calendarDayParams = z.object({ day: calendarDate });
export const setCalendarDayRequest = z.object({
  kind: z.enum(calendarDayKinds),
  name: z.string().trim().min(1).max(40),
});
export type SetCalendarDayRequest = z.infer<typeof setCalendarDayRequest>;
