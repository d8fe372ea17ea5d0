import type { ClassifyResponse } from '@gongzhi/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requirePermission, type Principal } from '../../platform/access.js';
import { currentClassifier, labelUnits, readyClassifier, unitForLabel, type LabelUnit } from './models.service.js';

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** POST /classify: the current model's label for a text, its unit, and the runners-up. */
export async function classifyText(db: Kysely<DB>, actor: Principal | null, text: string): Promise<ClassifyResponse> {
  requirePermission(actor, 'case:classify');
  const { id, classifier } = await currentClassifier(db);
  const result = classifier.classify(text);
  return {
    label: result.label,
    confidence: round(result.confidence),
    unit: await unitForLabel(db, result.label),
    alternatives: result.ranked.slice(1, 4).map((r) => ({ label: r.label, confidence: round(r.confidence) })),
    modelId: id,
  };
}

/**
 * A dispatcher's second opinion on a report: the current model's label, confidence and unit for its
 * description, or null while no model is ready (the caller has checked who may see the case).
 */
export async function suggestionForText(db: Kysely<DB>, text: string): Promise<{ label: string; confidence: number; unit: LabelUnit | null } | null> {
  const ready = await readyClassifier(db);
  if (!ready) return null;
  const result = ready.classifier.classify(text);
  return { label: result.label, confidence: round(result.confidence), unit: await unitForLabel(db, result.label) };
}

export interface TextReading {
  label: string;
  confidence: number;
  /** the department key the label goes to (ZJ), null when none */
  unitKey: string | null;
}

/** The current model's reading of many texts at once (the auto-dispatch job), or null while no model is ready. */
export async function readTexts(db: Kysely<DB>, texts: readonly string[]): Promise<{ modelId: string; readings: TextReading[] } | null> {
  const ready = await readyClassifier(db);
  if (!ready) return null;
  const units = await labelUnits(db);
  const readings = texts.map((text) => {
    const { label, confidence } = ready.classifier.classify(text);
    return { label, confidence: round(confidence), unitKey: units.get(label)?.key ?? null };
  });
  return { modelId: ready.id, readings };
}
