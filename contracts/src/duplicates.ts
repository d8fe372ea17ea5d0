import { z } from 'zod';
import { caseStates, lat, lng } from './cases.js';

/**
 * Likely duplicates (疑似重复): before reporting, a citizen or grid worker asks whether a similar open
 * case is already nearby (“已有人反映，可关注此事项”); dispatchers see the flag in their inbox
 * (`likelyDuplicateOf` on case list items, defined in cases.ts).
 */
export const similarCasesQuery = z.object({
  categoryCode: z.string().trim().regex(/^[CES]\d{4}$/, { message: 'similar.category_code' }),
  lng,
  lat,
  description: z.string().trim().min(2, { message: 'similar.description' }).max(2000),
});
export type SimilarCasesQuery = z.input<typeof similarCasesQuery>;

/**
 * A similar open case. Citizens get a public-safe view: no id, no reporter, no coordinates, the
 * description cut to 40 characters, and nothing at all of sensitive categories.
 */
export const similarCase = z.object({
  id: z.string().uuid().nullable(),
  number: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  state: z.enum(caseStates),
  /** 待受理, 处置中 … */
  stateName: z.string(),
  reportedAt: z.string(),
  description: z.string(),
  distanceM: z.number(),
  similarity: z.number(),
});
export type SimilarCase = z.infer<typeof similarCase>;

export const similarCasesResponse = z.object({
  items: z.array(similarCase),
  /** The search used: metres and hours of the category. */
  radiusM: z.number().int(),
  windowHours: z.number().int(),
});
export type SimilarCasesResponse = z.infer<typeof similarCasesResponse>;
