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
