import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';

/** What every module's route registration receives. */
export interface RouteDeps {
  db: Kysely<DB>;
  config: Config;
}
