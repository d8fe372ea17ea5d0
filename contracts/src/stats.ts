import { z } from 'zod';

/** 驾驶舱 and 综合评价: figures of a region over a period, with indicators and a breakdown. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'stats.day' });
export const statsBreakdowns = ['region', 'category', 'source', 'unit', 'reporter', 'day'] as const;

export const statsFiguresQuery = z.object({
  /** A division code (12 digits) or a grid code (15); the reader's jurisdiction when absent. */
  region: z.string().regex(/^\d{12}(\d{3})?$/, { message: 'stats.region' }).optional(),
  from: day,
  to: day,
  by: z.enum(statsBreakdowns).optional(),
});
export type StatsFiguresQuery = z.infer<typeof statsFiguresQuery>;

export const statsLiveQuery = z.object({ region: statsFiguresQuery.shape.region });
export const statsLiveResponse = z.object({
  region: z.string(),
  at: z.string(),
  newToday: z.number().int(),
  openNow: z.number().int(),
  overdueNow: z.number().int(),
  closedToday: z.number().int(),
  escalatedToday: z.number().int(),
});
export type StatsLiveResponse = z.infer<typeof statsLiveResponse>;

const metrics = z.record(z.string(), z.number());
const indicators = z.record(z.string(), z.number().nullable());

export const indicatorDefinition = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** Arithmetic over the summed facts (reported, registered, closed_on_time …). */
  formula: z.string(),
  unit: z.enum(['ratio', 'hours', 'count']),
  higherIsBetter: z.boolean(),
  updatedBy: z.string().nullable(),
});
export type IndicatorDefinitionItem = z.infer<typeof indicatorDefinition>;

export const statsFiguresResponse = z.object({
  region: z.string(),
  from: z.string(),
  to: z.string(),
  previousPeriod: z.object({ from: z.string(), to: z.string() }),
  totals: metrics,
  indicators,
  previous: z.object({ totals: metrics, indicators }),
  definitions: z.array(indicatorDefinition),
  /** With `by`: one row per child region, category, source, unit, grid worker or day (the key is its code, id or YYYY-MM-DD; days in order). */
  rows: z.array(z.object({ key: z.string(), name: z.string().nullable(), metrics, indicators })),
});
export type StatsFiguresResponse = z.infer<typeof statsFiguresResponse>;

export const updateIndicatorRequest = z
  .object({
    name: z.string().trim().min(1).max(40).optional(),
    nameEn: z.string().trim().min(1).max(80).optional(),
    formula: z.string().trim().min(1).max(300).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'request.empty' });

/** One event of GET /events/cases (Server-Sent Events, event `case`): a new or escalated case in the reader's jurisdiction. */
export interface CaseFeedEvent {
  kind: 'reported' | 'escalated';
  id: string;
  number: string;
  categoryName: string;
  /** where: the codes let a dashboard that drilled down keep only its region's events */
  streetCode: string;
  communityCode: string;
  gridCode: string | null;
  streetName: string;
  communityName: string;
  /** the first 120 characters */
  description: string;
  at: string;
}
