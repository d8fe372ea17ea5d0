import { z } from 'zod';
import { arealGeometry } from './geo.js';
import { divisionCode } from './codes.js';

export const gridTypes = ['comprehensive', 'dedicated'] as const;
export const gridStates = ['active', 'retired'] as const;

export const staffMember = z.object({ id: z.string().uuid(), displayName: z.string(), phone: z.string().nullable() });

export const gridListItem = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(gridTypes),
  communityCode: z.string(),
  communityName: z.string(),
  streetCode: z.string(),
  streetName: z.string(),
  areaM2: z.number(),
  state: z.enum(gridStates),
  headName: z.string().nullable(),
  workerCount: z.number().int(),
});
export type GridListItem = z.infer<typeof gridListItem>;

export const gridListQuery = z.object({
  region: divisionCode.optional(),
  q: z.string().trim().max(50).optional(),
  type: z.enum(gridTypes).optional(),
  state: z.enum(gridStates).default('active'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const gridListResponse = z.object({
  items: z.array(gridListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type GridListResponse = z.infer<typeof gridListResponse>;

export const gridDetail = gridListItem.extend({
  dedicatedKind: z.string().nullable(),
  geometry: arealGeometry,
  head: staffMember.nullable(),
  workers: z.array(staffMember),
  retiredAt: z.string().nullable(),
  retiredReason: z.string().nullable(),
  updatedAt: z.string(),
});
export type GridDetail = z.infer<typeof gridDetail>;

export const createGridRequest = z.object({
  communityCode: divisionCode,
  name: z.string().trim().min(1).max(60),
  type: z.enum(gridTypes).default('comprehensive'),
  dedicatedKind: z.string().trim().max(30).optional(),
  geometry: arealGeometry,
});
export const updateGridRequest = z
  .object({
    name: z.string().trim().min(1).max(60).optional(),
    type: z.enum(gridTypes).optional(),
    dedicatedKind: z.string().trim().max(30).nullable().optional(),
    geometry: arealGeometry.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'request.empty' });
export const retireGridRequest = z.object({ reason: z.string().trim().min(2).max(200) });
export const assignStaffRequest = z.object({
  headUserId: z.string().uuid().nullable(),
  workerUserIds: z.array(z.string().uuid()).max(20),
});

export const locateQuery = z.object({
  lng: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
});
const placeRef = z.object({ code: z.string(), name: z.string() });
export const locateResponse = z.object({
  lng: z.number(),
  lat: z.number(),
  district: placeRef,
  street: placeRef,
  community: placeRef,
  grid: placeRef.nullable(),
});
export type LocateResponse = z.infer<typeof locateResponse>;

export interface GridFeatureProps {
  code: string;
  name: string;
  type: string;
  communityCode: string;
}

/** A community's grids replaced by real polygons: a GeoJSON FeatureCollection (properties name and type optional). */
export const replaceCommunityGridsRequest = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        geometry: arealGeometry,
        properties: z.object({ name: z.string().trim().min(1).max(60).optional(), type: z.enum(gridTypes).optional() }).nullish(),
      }),
    )
    .min(1)
    .max(300),
});
export const replaceCommunityGridsResponse = z.object({ retired: z.array(z.string()), created: z.array(z.string()) });
