import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Records a domain event in the outbox, inside the caller's transaction. */
export async function emitEvent(
  db: Kysely<DB>,
  event: { topic: string; aggregateType: string; aggregateId: string; payload: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('outbox')
    .values({
      topic: event.topic,
      aggregate_type: event.aggregateType,
      aggregate_id: event.aggregateId,
      payload: JSON.stringify(event.payload),
    })
    .execute();
}
