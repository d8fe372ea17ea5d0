import { describe, expect, it } from 'vitest';
import { county, loginAs, problemCode, useTestApp } from '../../test/harness.js';
import { addWorkingMinutes, loadCalendar, workingMinutesBetween } from './index.js';

const ctx = useTestApp();

const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

async function auditRows(action: string, day: string) {
  return ctx.database.db.selectFrom('audit_log').select(['actor_name', 'target_type', 'detail']).where('action', '=', action).where('target_id', '=', day).execute();
}

describe('reading the work calendar', () => {
  it('answers 401 without a session', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/calendar?year=2026' })).statusCode).toBe(401);
    const put = await ctx.app.inject({ method: 'PUT', url: '/api/v1/calendar/days/2026-03-02', payload: { kind: 'holiday', name: 'x' } });
    expect(put.statusCode).toBe(401);
    expect(problemCode(put)).toBe('auth.required');
    expect((await ctx.app.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2026-01-01' })).statusCode).toBe(401);
  });
  it('lists the 2026 holidays and make-up days with the working hours, days as YYYY-MM-DD', async () => {
    const worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: '370303001001001' });
    const res = await worker.get('/api/v1/calendar?year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.year).toBe(2026);
    expect(body.workingHours).toEqual([{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }]);
    expect(body.days).toHaveLength(25);
    expect(body.days[0]).toEqual({ day: '2026-01-01', kind: 'holiday', name: '元旦' });
    expect(body.days).toContainEqual({ day: '2026-02-14', kind: 'workday', name: '春节调休上班' });
    expect(body.days.every((d: { day: string }) => d.day.startsWith('2026-'))).toBe(true);
    const next = (await worker.get('/api/v1/calendar?year=2027')).json();
    expect(next.days).toHaveLength(23);
    expect(next.days.every((d: { name: string }) => d.name.endsWith('（预排）'))).toBe(true);
    expect((await worker.get('/api/v1/calendar')).json().year).toBeGreaterThanOrEqual(2026);
  });
  it('answers 400 to a bad year', async () => {
    const worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: '370303001001001' });
    expect((await worker.get('/api/v1/calendar?year=abc')).statusCode).toBe(400);
    expect(problemCode(await worker.get('/api/v1/calendar?year=1899'))).toBe('request.invalid');
  });
  it('loads the stored calendar for deadline arithmetic', async () => {
    const cal = await loadCalendar(ctx.database.db);
    expect(['2026-02-13', '2026-02-14', '2026-02-16', '2026-10-08', '2026-10-10'].map(cal.isWorkingDay)).toEqual([true, true, false, true, true]);
    expect(addWorkingMinutes(cal, at('2026-09-30 17:00'), 60)).toEqual(at('2026-10-08 09:00'));
  });
});

describe('editing the work calendar', () => {
  it('is forbidden (403) to a grid worker and a leader', async () => {
    const worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: '370303001001001' });
    const res = await worker.send('PUT', '/api/v1/calendar/days/2026-03-02', { kind: 'holiday', name: '测试' });
    expect(res.statusCode).toBe(403);
    expect(problemCode(res)).toBe('access.forbidden');
    expect(problemCode(await worker.send('DELETE', '/api/v1/calendar/days/2026-01-01'))).toBe('access.forbidden');
    const leader = await loginAs(ctx, { role: 'leader', scopeCode: county });
    expect((await leader.send('PUT', '/api/v1/calendar/days/2026-03-02', { kind: 'holiday', name: '测试' })).statusCode).toBe(403);
  });
  it('answers 400 to bad dates, kinds and names', async () => {
    const admin = await loginAs(ctx, { role: 'data_admin', scopeCode: county });
    expect(problemCode(await admin.send('PUT', '/api/v1/calendar/days/2026-3-2', { kind: 'holiday', name: '测试' }))).toBe('request.invalid');
    expect(problemCode(await admin.send('PUT', '/api/v1/calendar/days/tomorrow', { kind: 'holiday', name: '测试' }))).toBe('request.invalid');
    const feb30 = await admin.send('PUT', '/api/v1/calendar/days/2026-02-30', { kind: 'holiday', name: '测试' });
    expect(feb30.statusCode).toBe(400);
    expect(problemCode(feb30)).toBe('calendar.day_invalid');
    expect(problemCode(await admin.send('PUT', '/api/v1/calendar/days/2026-03-02', { kind: 'vacation', name: '测试' }))).toBe('request.invalid');
    expect(problemCode(await admin.send('PUT', '/api/v1/calendar/days/2026-03-02', { kind: 'holiday', name: '  ' }))).toBe('request.invalid');
    expect(problemCode(await admin.send('PUT', '/api/v1/calendar/days/2026-03-02', { kind: 'holiday' }))).toBe('request.invalid');
    expect(problemCode(await admin.send('DELETE', '/api/v1/calendar/days/2026-13-01'))).toBe('calendar.day_invalid');
  });
  it('refuses a holiday on a weekend and a make-up working day on a weekday, in both languages', async () => {
    const admin = await loginAs(ctx, { role: 'data_admin', scopeCode: county });
    const weekend = await admin.send('PUT', '/api/v1/calendar/days/2026-03-07', { kind: 'holiday', name: '测试' });
    expect(weekend.statusCode).toBe(400);
    expect(problemCode(weekend)).toBe('calendar.holiday_on_weekend');
    expect(weekend.json().detail).toContain('2026-03-07 是周末');
    expect(weekend.json().title).toContain('Saturday or Sunday');
    const weekday = await admin.request({ method: 'PUT', url: '/api/v1/calendar/days/2026-03-09?lang=en', payload: { kind: 'workday', name: 'test' }, headers: { 'x-csrf-token': admin.csrfToken } });
    expect(weekday.statusCode).toBe(400);
    expect(problemCode(weekday)).toBe('calendar.workday_on_weekday');
    expect(weekday.json().detail).toContain('2026-03-09 is a weekday');
  });
  it('lets a data administrator set and remove a day, audited, and deadlines follow at once', async () => {
    const admin = await loginAs(ctx, { role: 'data_admin', scopeCode: county });
    const db = ctx.database.db;
    const before = await loadCalendar(db);
    expect(before.isWorkingDay('2026-03-02')).toBe(true);
    expect(addWorkingMinutes(before, at('2026-02-27 17:00'), 60)).toEqual(at('2026-02-28 09:00'));

    // a local holiday on Monday 2026-03-02
    const set = await admin.send('PUT', '/api/v1/calendar/days/2026-03-02', { kind: 'holiday', name: '  地方节日 ' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ day: '2026-03-02', kind: 'holiday', name: '地方节日' });
    const after = await loadCalendar(db);
    expect(after.isWorkingDay('2026-03-02')).toBe(false);
    expect(addWorkingMinutes(after, at('2026-02-28 17:00'), 60)).toEqual(at('2026-03-03 09:00'));
    expect(workingMinutesBetween(after, at('2026-03-01 00:00'), at('2026-03-04 00:00'))).toBe(450);
    const listed = (await admin.get('/api/v1/calendar?year=2026')).json();
    expect(listed.days).toHaveLength(26);
    expect(listed.days).toContainEqual({ day: '2026-03-02', kind: 'holiday', name: '地方节日' });
    const [audit] = await auditRows('calendar.set', '2026-03-02');
    expect(audit).toMatchObject({ target_type: 'calendar_day', detail: { kind: 'holiday', name: '地方节日', previous: null } });
    expect(audit!.actor_name).toBeTruthy();

    // renaming an existing day replaces it and records what it was
    const renamed = await admin.send('PUT', '/api/v1/calendar/days/2027-02-14', { kind: 'workday', name: '春节调休上班' });
    expect(renamed.json()).toEqual({ day: '2027-02-14', kind: 'workday', name: '春节调休上班' });
    expect((await auditRows('calendar.set', '2027-02-14'))[0]!.detail).toMatchObject({ previous: { kind: 'workday', name: '春节调休上班（预排）' } });

    // removing the 调休 Saturday 2026-02-28 makes it a day off again
    const del = await admin.send('DELETE', '/api/v1/calendar/days/2026-02-28');
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe('');
    const removed = await loadCalendar(db);
    expect(removed.isWorkingDay('2026-02-28')).toBe(false);
    expect(addWorkingMinutes(removed, at('2026-02-27 17:00'), 60)).toEqual(at('2026-03-03 09:00'));
    expect((await auditRows('calendar.delete', '2026-02-28'))[0]!.detail).toMatchObject({ previous: { kind: 'workday', name: '春节调休上班' } });
    const again = await admin.send('DELETE', '/api/v1/calendar/days/2026-02-28');
    expect(again.statusCode).toBe(404);
    expect(problemCode(again)).toBe('calendar.day_not_found');

    const outbox = await db.selectFrom('outbox').select('topic').where('aggregate_type', '=', 'calendar_day').execute();
    expect(outbox.map((e) => e.topic).sort()).toEqual(['calendar.delete', 'calendar.set', 'calendar.set']);
  });
  it('an administrator may edit too; a failed edit changes nothing', async () => {
    const admin = await loginAs(ctx, { role: 'admin', scopeCode: county });
    expect((await admin.send('PUT', '/api/v1/calendar/days/2026-12-31', { kind: 'holiday', name: '跨年' })).statusCode).toBe(200);
    const count = async () => (await ctx.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', 'like', 'calendar.%').executeTakeFirstOrThrow()).n;
    const n = Number(await count());
    expect((await admin.send('PUT', '/api/v1/calendar/days/2026-12-26', { kind: 'holiday', name: '周六' })).statusCode).toBe(400);
    expect(Number(await count())).toBe(n);
    expect((await loadCalendar(ctx.database.db)).isWorkingDay('2026-12-31')).toBe(false);
  });
});
