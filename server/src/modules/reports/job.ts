import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../db/schema.js';
import { startPeriodicJob } from '../../platform/jobs.js';
import { makeScheduledReports } from './reports.service.js';

/** Every hour: last week's and last month's reports for the county and its streets, when not made yet. */
export function startReportsJob(db: Kysely<DB>, logger: Logger): () => Promise<void> {
  return startPeriodicJob('scheduled reports', 3600, () => makeScheduledReports(db), logger, (made) => made > 0);
}
