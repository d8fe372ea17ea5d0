export { reportRoutes } from './reports.routes.js';
export { createReport, listReports, makeScheduledReports, reportFile, requestedPeriod } from './reports.service.js';
export { startReportsJob } from './job.js';
export { isoWeek, lastMonth, lastWeek, monthOf, periodLabel, weekOf, type ReportPeriod } from './periods.js';
