import { z } from 'zod';

/** 一张报表: weekly, monthly and custom reports of a jurisdiction as Excel workbooks, kept for download. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'stats.day' });
const regionCode = z.string().regex(/^\d{12}$/, { message: 'report.region' });
export const reportKinds = ['weekly', 'monthly', 'custom'] as const;
export type ReportKind = (typeof reportKinds)[number];

/**
 * weekly: the Monday–Sunday week holding `from` (default: last week); monthly: the calendar month holding
 * `from` (default: last month); custom: from–to, both needed. Days are Asia/Shanghai calendar days.
 */
export const createReportRequest = z
  .object({
    kind: z.enum(reportKinds),
    /** A 12-digit division code; the reader's jurisdiction when absent. */
    region: regionCode.optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .strict();
export type CreateReportRequest = z.infer<typeof createReportRequest>;

export const reportItem = z.object({
  id: z.string(),
  kind: z.enum(reportKinds),
  region: z.string(),
  regionName: z.string(),
  from: z.string(),
  to: z.string(),
  title: z.string(),
  /** The account's name, or 'system' for the schedule's reports. */
  generatedBy: z.string(),
  scheduled: z.boolean(),
  generatedAt: z.string(),
  size: z.number().int(),
  sheetCount: z.number().int(),
  /** .xlsx file name for the download */
  fileName: z.string(),
});
export type ReportItem = z.infer<typeof reportItem>;

export const reportListQuery = z.object({
  /** Reports of this region and the regions inside it; the reader's jurisdiction when absent. */
  region: regionCode.optional(),
  kind: z.enum(reportKinds).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const reportList = z.object({ items: z.array(reportItem) });
export type ReportList = z.infer<typeof reportList>;
