export { calendarRoutes } from './calendar.routes.js';
export { loadCalendar } from './calendar.service.js';
export {
  addWorkingMinutes, calendarFrom, shanghaiDay, workingHours, workingMinutesBetween, workingMinutesPerDay,
  type CalendarException, type WorkCalendar,
} from './working-time.js';
