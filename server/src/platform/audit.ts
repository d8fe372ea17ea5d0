import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Principal } from './access.js';

export interface AuditEntry {
  action: string;
  actor?: Principal | null;
  /** When there is no principal yet (a failed login), who it claimed to be. */
  actorName?: string;
  actorId?: string | null;
  /** The jurisdiction of an actor known only by id (a failed login of an existing account). */
  actorScope?: string | null;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

/** Writes one audit row; pass the transaction so the row commits or rolls back with the change. */
export async function writeAudit(db: Kysely<DB>, entry: AuditEntry): Promise<void> {
  const actor = entry.actor ?? null;
  await db
    .insertInto('audit_log')
    .values({
      actor_kind: actor ? actor.kind : entry.actorId ? 'user' : 'anonymous',
      actor_id: actor?.id ?? entry.actorId ?? null,
      actor_name: actor?.name ?? entry.actorName ?? null,
      actor_scope: actor?.scopeCode ?? entry.actorScope ?? null,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      ip: entry.ip ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

/** The audit rows of one action on one record, newest first (who looked at a person's full ID number). */
export async function auditOfTarget(db: Kysely<DB>, action: string, targetType: string, targetId: string, limit = 100) {
  return db
    .selectFrom('audit_log')
    .select(['at', 'actor_name', 'detail'])
    .where('action', '=', action)
    .where('target_type', '=', targetType)
    .where('target_id', '=', targetId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
