import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import type { PiiKeys } from './pii.js';

/** What every module's route registration receives. */
export interface RouteDeps {
  db: Kysely<DB>;
  config: Config;
  /** Keys of personal data at rest (encrypted identity numbers and phones, their search hashes). */
  pii: PiiKeys;
}
