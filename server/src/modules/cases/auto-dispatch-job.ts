import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../platform/errors.js';
import { startPeriodicJob } from '../../platform/jobs.js';
import { unitByCode, type UnitRow } from '../accounts/index.js';
import { classifierSettings, readTexts } from '../classify/index.js';
import { applySystemAction } from './actions.service.js';
import { dispatchable } from './routing.service.js';

const batch = 200;

export interface AutoDispatchResult {
  /** reports the classifier read */
  read: number;
  /** of those, registered and dispatched without a person */
  dispatched: number;
}

/**
 * 人机协同: reads every new report with the current classifier (kept on the case for the dispatcher and
 * for the record of corrections), and registers and dispatches those read with at least the
 * administrator's confidence to the label's department, when the case's level lets that department
 * take it (a community-level case stays with its community). Everything else waits for a person.
 * Rows are claimed with SKIP LOCKED and marked read in the same transaction, so a restart or a second
 * process reads nothing twice; a dispatcher who acts first simply wins (the system step then finds
 * the case moved on and leaves it).
 */
export async function autoDispatchScan(db: Kysely<DB>, now = new Date()): Promise<AutoDispatchResult> {
  const result: AutoDispatchResult = { read: 0, dispatched: 0 };
  const { autoDispatchThreshold: threshold } = await classifierSettings(db);
  for (;;) {
    const candidates: { id: string; unit: UnitRow; confidence: number; label: string }[] = [];
    const n = await db.transaction().execute(async (tx) => {
      const rows = await tx.selectFrom('cases').select(['id', 'description', 'county_code', 'level', 'category_code', 'street_code', 'community_code'])
        .where('classified_at', 'is', null).where('state', '=', 'reported').orderBy('reported_at').limit(batch).forUpdate().skipLocked().execute();
      if (rows.length === 0) return 0;
      const read = await readTexts(tx, rows.map((r) => r.description));
      if (!read) return 0; // no model yet: read them once one is trained
      const units = new Map<string, UnitRow | null>();
      for (const [i, row] of rows.entries()) {
        const reading = read.readings[i]!;
        const code = reading.unitKey ? `${row.county_code}-${reading.unitKey}` : null;
        if (code && !units.has(code)) units.set(code, await unitByCode(tx, code));
        const unit = code ? units.get(code)! : null;
        await tx.updateTable('cases')
          .set({ suggested_label: reading.label, suggested_confidence: reading.confidence, suggested_unit_id: unit?.id ?? null, classifier_model_id: read.modelId, classified_at: now })
          .where('id', '=', row.id).execute();
        const place = { categoryCode: row.category_code, level: row.level, countyCode: row.county_code, streetCode: row.street_code, communityCode: row.community_code };
        if (threshold !== null && unit && reading.confidence >= threshold && dispatchable(unit, place)) candidates.push({ id: row.id, unit, confidence: reading.confidence, label: reading.label });
      }
      return rows.length;
    });
    result.read += n;
    for (const c of candidates) if (await dispatchAutomatically(db, c, threshold!, now)) result.dispatched++;
    if (n < batch) break;
  }
  return result;
}

async function dispatchAutomatically(db: Kysely<DB>, c: { id: string; unit: UnitRow; confidence: number; label: string }, threshold: number, now: Date): Promise<boolean> {
  const why = `自动分拨：“${c.label}”置信度 ${c.confidence.toFixed(2)} ≥ 阈值 ${threshold.toFixed(2)}`;
  try {
    const version = await db.selectFrom('cases').select('version').where('id', '=', c.id).where('state', '=', 'reported').executeTakeFirst();
    if (!version) return false;
    await applySystemAction(db, c.id, { action: 'register', version: version.version, note: why }, now);
    await applySystemAction(db, c.id, { action: 'dispatch', version: version.version + 1, leadUnitId: c.unit.id, assistUnitIds: [], note: why }, now);
    return true;
  } catch (error) {
    // a person acted between the read and this step: theirs stands
    if (error instanceof AppError && error.status === 409) return false;
    throw error;
  }
}

/** Runs the scan every `seconds` in this process; returns a stop function. */
export function startAutoDispatchJob(db: Kysely<DB>, logger: Logger, seconds: number): () => Promise<void> {
  return startPeriodicJob('auto-dispatch', seconds, () => autoDispatchScan(db), logger, (r) => r.dispatched > 0);
}
