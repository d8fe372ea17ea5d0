import type { ClassifierModel, ClassifierModelList, ClassifierSettings, ClassifierSettingsUpdate } from '@gongzhi/contracts';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../platform/audit.js';
import { forbidden, conflict } from '../../platform/errors.js';
import { requirePermission, significantPrefix, type Principal } from '../../platform/access.js';
import { correctionsSince, dispatcherExamples } from './corrections.service.js';
import { trainModel, type TrainedModel, type Trainer } from './models.service.js';
import { defaultTrainingFile, readTrainingCsv } from './training-data.js';
import type { TrainingMetrics, TrainingOptions } from './training.js';

/**
 * The classifier settings are one for the platform, so only an administrator of a county or wider may
 * change them or retrain (a street's administrator would change every street's dispatch).
 */
function requireManager(actor: Principal | null): Principal {
  const p = requirePermission(actor, 'classify:manage');
  if (significantPrefix(p.scopeCode).length > 6) throw forbidden();
  return p;
}

export async function classifierSettings(db: Kysely<DB>): Promise<ClassifierSettings> {
  const row = await db.selectFrom('classifier_settings').selectAll().executeTakeFirstOrThrow();
  return {
    autoDispatchThreshold: row.auto_dispatch_threshold === null ? null : Math.round(row.auto_dispatch_threshold * 1000) / 1000,
    retrainIntervalHours: row.retrain_interval_hours,
    retrainMinCorrections: row.retrain_min_corrections,
    updatedBy: row.updated_by_name,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function readClassifierSettings(db: Kysely<DB>, actor: Principal | null): Promise<ClassifierSettings> {
  requireManager(actor);
  return classifierSettings(db);
}

export async function updateClassifierSettings(db: Kysely<DB>, actor: Principal | null, change: ClassifierSettingsUpdate, ip: string): Promise<ClassifierSettings> {
  const p = requireManager(actor);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('classifier_settings')
      .set({
        ...(change.autoDispatchThreshold !== undefined ? { auto_dispatch_threshold: change.autoDispatchThreshold } : {}),
        ...(change.retrainIntervalHours !== undefined ? { retrain_interval_hours: change.retrainIntervalHours } : {}),
        ...(change.retrainMinCorrections !== undefined ? { retrain_min_corrections: change.retrainMinCorrections } : {}),
        updated_by_name: p.displayName,
        updated_at: new Date(),
      })
      .execute();
    await writeAudit(tx, { action: 'classifier.settings', actor: p, targetType: 'classifier_settings', ip, detail: change });
  });
  return classifierSettings(db);
}

// One retraining at a time per database in this process; the advisory lock in storeModel guards the rest.
const training = new WeakMap<Kysely<DB>, Promise<TrainedModel>>();

/**
 * Retrains on the repository's labelled messages and every dispatcher's latest choice per case. The
 * new model answers only if it scores at least as well as the current one on the same held-out
 * messages; either way it is kept.
 */
export function retrain(db: Kysely<DB>, trainer: Trainer, options: Partial<TrainingOptions> = {}): Promise<TrainedModel> {
  if (training.has(db)) throw conflict('classifier.training_busy');
  const run = (async () => {
    const corrections = await dispatcherExamples(db);
    return trainModel(db, readTrainingCsv(defaultTrainingFile), trainer, { source: `${path.basename(defaultTrainingFile)} + ${corrections.length} 条派遣记录`, corrections, training: options });
  })().finally(() => training.delete(db));
  training.set(db, run);
  return run;
}

export async function retrainByRequest(db: Kysely<DB>, actor: Principal | null, ip: string): Promise<ClassifierModel> {
  const p = requireManager(actor);
  const trained = await retrain(db, { id: p.kind === 'user' ? p.id : null, name: p.name });
  await writeAudit(db, { action: 'classifier.retrain', actor: p, targetType: 'classifier_model', targetId: trained.id, ip, detail: { current: trained.current, reason: trained.choice.reason } });
  return (await listModels(db, 1, trained.id))[0]!;
}

/**
 * The scheduled retraining: when the interval has passed since the current model was trained and
 * dispatchers have corrected it often enough since. Returns the new model, or null when not due.
 */
export async function retrainIfDue(db: Kysely<DB>, now = new Date()): Promise<TrainedModel | null> {
  const [settings, current] = await Promise.all([
    classifierSettings(db),
    db.selectFrom('classifier_models').select('created_at').where('is_current', '=', true).executeTakeFirst(),
  ]);
  if (!current || training.has(db)) return null;
  const since = new Date(current.created_at);
  if (now.getTime() - since.getTime() < settings.retrainIntervalHours * 3600_000) return null;
  if ((await correctionsSince(db, since)) < settings.retrainMinCorrections) return null;
  return retrain(db, { id: null, name: 'system' });
}

export async function modelList(db: Kysely<DB>, actor: Principal | null): Promise<ClassifierModelList> {
  requireManager(actor);
  const items = await listModels(db, 50);
  const current = items.find((m) => m.current);
  const [sinceCurrent, kept] = await Promise.all([
    correctionsSince(db, current ? new Date(current.createdAt) : null),
    db.selectFrom('classifier_corrections').select((eb) => eb.fn.count<string>('case_id').distinct().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, correctionsSinceCurrent: sinceCurrent, choicesKept: Number(kept.n), training: training.has(db) };
}

async function listModels(db: Kysely<DB>, limit: number, id?: string): Promise<ClassifierModel[]> {
  let q = db.selectFrom('classifier_models').select(['id', 'created_at', 'trained_by', 'source', 'is_current', 'labels', 'metrics']).orderBy('created_at', 'desc').limit(limit);
  if (id) q = q.where('id', '=', id);
  const rows = await q.execute();
  return rows.map((r) => {
    const m = (typeof r.metrics === 'string' ? JSON.parse(r.metrics) : r.metrics) as TrainingMetrics;
    return {
      id: r.id, createdAt: new Date(r.created_at).toISOString(), trainedBy: r.trained_by, source: r.source, current: r.is_current, labels: r.labels,
      trainedOn: m.trainedOn, corrections: m.corrections ?? { train: 0, heldOut: 0 }, heldOutCount: m.heldOut.count,
      heldOutMacroF1: m.heldOut.macroF1, rawLikeMacroF1: m.rawLike.macroF1, previousMacroF1: m.previousHeldOut?.macroF1 ?? null,
      perLabelF1: Object.fromEntries(Object.entries(m.heldOut.perLabel).map(([label, s]) => [label, s.f1])),
    };
  });
}
