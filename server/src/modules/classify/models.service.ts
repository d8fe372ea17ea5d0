import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { TextClassifier } from './classifier.js';
import { chooseCurrentModel, type ModelChoice } from './model-choice.js';
import type { Example } from './split.js';
import { defaultTrainingFile, readTrainingCsv } from './training-data.js';
import { trainInWorker } from './train-in-worker.js';
import type { TrainingMetrics, TrainingOptions } from './training.js';

/** Who trained a model: an account or key (name and id), or the system on first use. */
export interface Trainer {
  id: string | null;
  name: string;
}
const system: Trainer = { id: null, name: 'system' };

export interface LoadedClassifier {
  id: string;
  classifier: TextClassifier;
}

// One deserialised model per database (a test process may open several); reloaded when another
// model becomes current, which every call checks with one indexed look-up.
const loaded = new WeakMap<Kysely<DB>, LoadedClassifier>();
// First-use training in progress per database, so that concurrent first requests train once.
const firstTraining = new WeakMap<Kysely<DB>, Promise<void>>();

/**
 * The classifier that answers now. A database without a model (first start, a test database) gets
 * one trained from the repository's labelled messages on first use; that request waits for it.
 */
export async function currentClassifier(db: Kysely<DB>): Promise<LoadedClassifier> {
  let current = await currentModelId(db);
  if (!current) {
    if (!firstTraining.has(db)) firstTraining.set(db, trainDefaultModel(db).finally(() => firstTraining.delete(db)));
    await firstTraining.get(db);
    current = await currentModelId(db);
    if (!current) throw new Error('no current classifier after training one');
  }
  return loadModel(db, current);
}

/** The model `id`, deserialised once per database while it stays current. */
async function loadModel(db: Kysely<DB>, id: string): Promise<LoadedClassifier> {
  const cached = loaded.get(db);
  if (cached?.id === id) return cached;
  const row = await db.selectFrom('classifier_models').select('model').where('id', '=', id).executeTakeFirstOrThrow();
  const fresh = { id, classifier: TextClassifier.deserialise(row.model) };
  loaded.set(db, fresh);
  return fresh;
}

/**
 * The current classifier when the database has one, else null — for pages that show a suggestion in
 * passing (a case page must not wait 20 s for a first training; `gongzhi start` trains a new demo's).
 */
export async function readyClassifier(db: Kysely<DB>): Promise<LoadedClassifier | null> {
  const current = await currentModelId(db);
  return current ? loadModel(db, current) : null;
}

async function currentModelId(db: Kysely<DB>): Promise<string | null> {
  const row = await db.selectFrom('classifier_models').select('id').where('is_current', '=', true).executeTakeFirst();
  return row?.id ?? null;
}

// Training on the repository's file is deterministic, so a process that opens several databases
// (tests, the bench) trains it once and stores the same model in each.
let defaultTraining: ReturnType<typeof trainInWorker> | null = null;

async function trainDefaultModel(db: Kysely<DB>): Promise<void> {
  defaultTraining ??= trainInWorker({ examples: readTrainingCsv(defaultTrainingFile) });
  defaultTraining.catch(() => (defaultTraining = null)); // a failed training is tried again on the next request
  await storeModel(db, await defaultTraining, system, path.basename(defaultTrainingFile));
}

export interface TrainedModel {
  id: string;
  current: boolean;
  choice: ModelChoice;
  metrics: TrainingMetrics;
}

/**
 * Trains a model on `examples` and the dispatchers' `corrections` (each with its own hold-out,
 * training.ts) and stores it. The current model is scored on the same held-out messages, and the new
 * one becomes current only if it scores at least as well (model-choice.ts); otherwise it is kept for
 * the record and the current model keeps answering.
 */
export async function trainModel(
  db: Kysely<DB>,
  examples: readonly Example[],
  trainer: Trainer,
  options: { source?: string; training?: Partial<TrainingOptions>; corrections?: readonly Example[] } = {},
): Promise<TrainedModel> {
  const previous = await db.selectFrom('classifier_models').select(['id', 'model']).where('is_current', '=', true).executeTakeFirst();
  const trained = await trainInWorker({ examples, options: options.training, corrections: options.corrections, previous: previous ?? null });
  return storeModel(db, trained, trainer, options.source ?? 'examples');
}

/** `trainModel` on a CSV with `text` and `label` columns (UTF-8). */
export async function trainFromCsv(db: Kysely<DB>, file: string, trainer: Trainer, training?: Partial<TrainingOptions>): Promise<TrainedModel> {
  return trainModel(db, readTrainingCsv(file), trainer, { source: path.basename(file), ...(training ? { training } : {}) });
}

async function storeModel(db: Kysely<DB>, trained: Awaited<ReturnType<typeof trainInWorker>>, trainer: Trainer, source: string): Promise<TrainedModel> {
  const { classifier, metrics } = trained;
  return db.transaction().execute(async (tx) => {
    // two processes finishing a training at once must not both make theirs current
    await sql`select pg_advisory_xact_lock(7317008)`.execute(tx);
    const current = await tx.selectFrom('classifier_models').select(['id', sql<number>`(metrics -> 'heldOut' ->> 'macroF1')::float8`.as('f1')]).where('is_current', '=', true).executeTakeFirst();
    // the fair comparison is on the same held-out messages; a model made current meanwhile falls back to its own figure
    const currentScore = current && metrics.previousHeldOut?.modelId === current.id ? metrics.previousHeldOut.macroF1 : current ? Number(current.f1) : null;
    const choice = chooseCurrentModel({ heldOutMacroF1: metrics.heldOut.macroF1 }, currentScore === null ? null : { heldOutMacroF1: currentScore });
    if (choice.makeCurrent) await tx.updateTable('classifier_models').set({ is_current: false }).where('is_current', '=', true).execute();
    const row = await tx
      .insertInto('classifier_models')
      .values({
        trained_by: trainer.name,
        trained_by_id: trainer.id,
        source,
        labels: [...classifier.labels],
        metrics: JSON.stringify(metrics),
        model: classifier.serialise(),
        is_current: choice.makeCurrent,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, current: choice.makeCurrent, choice, metrics };
  });
}

export interface LabelUnit {
  /** The department key of unit codes (370303-ZJ → ZJ). */
  key: string;
  /** 住建, 生态环境, … */
  name: string;
}

/** Label → responsible unit, as the migration set it; for dispatch suggestions. */
export async function labelUnits(db: Kysely<DB>): Promise<Map<string, LabelUnit>> {
  const rows = await db.selectFrom('classifier_label_units').selectAll().execute();
  return new Map(rows.map((r) => [r.label, { key: r.unit_key, name: r.unit_short_name }]));
}

export async function unitForLabel(db: Kysely<DB>, label: string): Promise<LabelUnit | null> {
  const row = await db.selectFrom('classifier_label_units').selectAll().where('label', '=', label).executeTakeFirst();
  return row ? { key: row.unit_key, name: row.unit_short_name } : null;
}
