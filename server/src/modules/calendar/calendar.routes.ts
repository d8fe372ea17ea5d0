import { calendarDay, calendarDayParams, calendarQuery, calendarResponse, setCalendarDayRequest } from '@gongzhi/contracts';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { deleteCalendarDay, listCalendarDays, setCalendarDay } from './calendar.service.js';

const tags = ['calendar 工作日历'];

export function calendarRoutes(app: App, { db }: RouteDeps) {
  const r = typed(app);
  r.get(
    '/calendar',
    { schema: { tags, summary: '工作日历 Holidays and make-up working days of a year, with the working hours', querystring: calendarQuery, response: { 200: calendarResponse } } },
    (req) => listCalendarDays(db, req.principal, req.query.year),
  );
  r.put(
    '/calendar/days/:day',
    { schema: { tags, summary: '设置节假日或调休上班日 Set a holiday (weekday off) or a make-up working day (weekend worked)', params: calendarDayParams, body: setCalendarDayRequest, response: { 200: calendarDay } } },
    (req) => setCalendarDay(db, req.principal, req.params.day, req.body, clientIp(req)),
  );
  r.delete(
    '/calendar/days/:day',
    { schema: { tags, summary: '删除特殊安排 Remove the exception of a day (back to the Monday–Friday rule)', params: calendarDayParams } },
    async (req, reply) => {
      await deleteCalendarDay(db, req.principal, req.params.day, clientIp(req));
      return reply.status(204).send();
    },
  );
}
