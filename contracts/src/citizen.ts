import { z } from 'zod';
import { caseStates, lat, lng, timelineActions } from './cases.js';

/**
 * The citizen channel: anonymous reports with a follow-up code (查询码), following an open case
 * instead of reporting it again, and the public map of recent reports.
 */

/** A follow-up code: 8 characters of 32 without look-alikes (no 0, 1, I or O). */
export const lookupCodePattern = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/;
export const caseNumberPattern = /^\d{6}-\d{8}-\d{5}$/;

export const publicReportRequest = z.object({
  categoryCode: z.string().trim().regex(/^[CES]\d{4}$/, { message: 'similar.category_code' }),
  description: z.string().trim().min(5, { message: 'description.too_short' }).max(2000),
  lng,
  lat,
  address: z.string().trim().max(200).optional(),
  /** Photos uploaded with the same Idempotency-Key (POST /public/photos). */
  photoIds: z.array(z.string().uuid()).max(9).default([]),
});
export type PublicReportRequest = z.input<typeof publicReportRequest>;
export type PublicReport = z.output<typeof publicReportRequest>;

export const publicReportResponse = z.object({
  number: z.string(),
  /** Shown once: with the number it opens the report's status (GET /public/reports/lookup). */
  code: z.string(),
  reportedAt: z.string(),
});
export type PublicReportResponse = z.infer<typeof publicReportResponse>;

export const publicLookupQuery = z.object({
  number: z.string().trim().regex(caseNumberPattern, { message: 'case_number.format' }),
  code: z.string().trim().toUpperCase().regex(lookupCodePattern, { message: 'lookup_code.format' }),
});

/** What the holder of a follow-up code sees: state and steps, unit names only, never a person's name. */
export const publicLookupResponse = z.object({
  number: z.string(),
  categoryName: z.string(),
  state: z.enum(caseStates),
  stateName: z.string(),
  closed: z.boolean(),
  reportedAt: z.string(),
  closedAt: z.string().nullable(),
  streetName: z.string(),
  communityName: z.string(),
  leadUnit: z.string().nullable(),
  timeline: z.array(z.object({ at: z.string(), action: z.enum(timelineActions), unit: z.string().nullable(), toState: z.enum(caseStates).nullable() })),
});
export type PublicLookupResponse = z.infer<typeof publicLookupResponse>;

export const publicCategory = z.object({ code: z.string(), name: z.string(), nameEn: z.string(), parentName: z.string(), parentNameEn: z.string() });
export const publicCategoriesResponse = z.object({ items: z.array(publicCategory) });
export type PublicCategory = z.infer<typeof publicCategory>;

/** The citizen's position while writing the report: only cases near it can be followed. */
export const followRequest = z.object({ lng, lat });
export const followResponse = z.object({ number: z.string(), following: z.boolean() });

/** bbox=minLng,minLat,maxLng,maxLat (WGS84), at most 0.5° a side. */
export const publicMapQuery = z.object({
  bbox: z
    .string()
    .transform((s) => s.split(',').map((v) => (v.trim() === '' ? Number.NaN : Number(v))))
    .refine((b) => b.length === 4 && b.every(Number.isFinite), { message: 'bbox.format' })
    .refine(([x1, y1, x2, y2]) => x1! >= -180 && x2! <= 180 && y1! >= -90 && y2! <= 90 && x1! < x2! && y1! < y2!, { message: 'bbox.format' })
    .refine(([x1, y1, x2, y2]) => x2! - x1! <= 0.5 && y2! - y1! <= 0.5, { message: 'bbox.too_large' })
    .transform((b) => b as [number, number, number, number]),
});

export const publicMapFeature = z.object({
  type: z.literal('Feature'),
  geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
  properties: z.object({
    categoryName: z.string(),
    categoryNameEn: z.string(),
    status: z.enum(['open', 'closed']),
    /** The day it was reported (Asia/Shanghai), no time. */
    reportedOn: z.string(),
    /** True when the point is the centre of a ~500 m cell, not the place (sensitive categories). */
    blurred: z.boolean(),
  }),
});
export const publicMapResponse = z.object({ type: z.literal('FeatureCollection'), features: z.array(publicMapFeature) });
export type PublicMapResponse = z.infer<typeof publicMapResponse>;
