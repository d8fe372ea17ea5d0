import { z } from 'zod';

/** Automatic classification of a citizen's message (自动分类): which label, how sure, which unit. */
export const classifyMaxLength = 2000;

export const classifyRequest = z.object({
  text: z.string().trim().min(1, { message: 'classify.text_empty' }).max(classifyMaxLength, { message: 'classify.text_too_long' }),
});
export type ClassifyRequest = z.input<typeof classifyRequest>;

const scoredLabel = z.object({
  label: z.string(),
  /** The model's probability of this label, 0–1. */
  confidence: z.number().min(0).max(1),
});

export const classifyResponse = z.object({
  label: z.string(),
  confidence: z.number().min(0).max(1),
  /** The unit this label is dispatched to (unit key as in unit codes `370303-ZJ`, and its short name); null when the label has no unit. */
  unit: z.object({ key: z.string(), name: z.string() }).nullable(),
  /** The next most likely labels after `label`, most likely first (up to 3). */
  alternatives: z.array(scoredLabel),
  /** The model that answered (a classifier_models id). */
  modelId: z.string().uuid(),
});
export type ClassifyResponse = z.infer<typeof classifyResponse>;

/** 智能分拨设置: automatic dispatch above a confidence, and when the model retrains on dispatchers' choices. */
export const classifierSettings = z.object({
  /** Reports read with at least this confidence are registered and dispatched without a person; null = never. */
  autoDispatchThreshold: z.number().min(0.5).max(1).nullable(),
  /** The scheduled retraining runs when this many hours have passed since the last model … */
  retrainIntervalHours: z.number().int().min(1).max(8760),
  /** … and dispatchers have corrected the model at least this many times since. */
  retrainMinCorrections: z.number().int().min(1).max(100_000),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type ClassifierSettings = z.infer<typeof classifierSettings>;

export const classifierSettingsUpdate = z
  .object({
    autoDispatchThreshold: z.number({ message: 'classifier.threshold' }).min(0.5, { message: 'classifier.threshold' }).max(1, { message: 'classifier.threshold' }).nullable(),
    retrainIntervalHours: z.number().int().min(1, { message: 'classifier.interval' }).max(8760, { message: 'classifier.interval' }),
    retrainMinCorrections: z.number().int().min(1, { message: 'classifier.min_corrections' }).max(100_000, { message: 'classifier.min_corrections' }),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'request.empty' });
export type ClassifierSettingsUpdate = z.input<typeof classifierSettingsUpdate>;

export const classifierModel = z.object({
  id: z.string().uuid(),
  createdAt: z.string(),
  trainedBy: z.string(),
  source: z.string(),
  current: z.boolean(),
  labels: z.array(z.string()),
  trainedOn: z.number().int(),
  /** dispatchers' choices among the examples: trained on, and held out */
  corrections: z.object({ train: z.number().int(), heldOut: z.number().int() }),
  heldOutCount: z.number().int(),
  heldOutMacroF1: z.number(),
  rawLikeMacroF1: z.number(),
  /** the model it was compared with, on the same held-out messages (retrainings only) */
  previousMacroF1: z.number().nullable(),
  perLabelF1: z.record(z.string(), z.number()),
});
export type ClassifierModel = z.infer<typeof classifierModel>;

export const classifierModelList = z.object({
  items: z.array(classifierModel),
  /** dispatchers' choices that disagreed with the model since the current one was trained */
  correctionsSinceCurrent: z.number().int(),
  /** all dispatchers' choices kept for training */
  choicesKept: z.number().int(),
  training: z.boolean(),
});
export type ClassifierModelList = z.infer<typeof classifierModelList>;
