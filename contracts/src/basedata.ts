import { z } from 'zod';
import { divisionCode, gridCode, scopeCode } from './codes.js';

/** Base data of people, housing and organisations (人房企). Personal numbers travel masked unless revealed. */
export const baseEntities = ['person', 'dwelling', 'organisation'] as const;
export type BaseEntityName = (typeof baseEntities)[number];
export const personTypeValues = ['huji', 'changzhu', 'liudong', 'jingwai'] as const;
export const dwellingUsageValues = ['owner_occupied', 'rented', 'vacant', 'commercial'] as const;
export const residenceRelationValues = ['owner', 'family', 'tenant', 'collective', 'other'] as const;
export const orgTypeValues = ['enterprise', 'individual', 'social', 'public'] as const;
export const fieldTypes = ['text', 'number', 'date', 'choice', 'boolean'] as const;

const uuid = z.string().uuid();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const reason = z.string().trim().min(2, { message: 'reason.required' }).max(200);
/** Flat field values as forms and files carry them: core fields and defined extra fields, by key. */
export const fieldValues = z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), z.string().max(2000).nullable());

export const fieldDefinition = z.object({
  id: uuid.nullable(),
  entity: z.enum(baseEntities),
  key: z.string(),
  label: z.string(),
  labelEn: z.string(),
  type: z.enum(fieldTypes),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })),
  pattern: z.string().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  maxLength: z.number().int().nullable(),
  core: z.boolean(),
  scopeCode: z.string().nullable(),
  authority: z.string().nullable(),
  active: z.boolean(),
});
export type FieldDefinition = z.infer<typeof fieldDefinition>;
export const fieldListQuery = z.object({ entity: z.enum(baseEntities), grid: gridCode.optional() });
export const fieldListResponse = z.object({ items: z.array(fieldDefinition) });
export const createFieldRequest = z.object({
  entity: z.enum(baseEntities),
  scopeCode: scopeCode.optional(),
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'field_key.format' }),
  label: z.string().trim().min(1).max(40),
  labelEn: z.string().trim().max(80).default(''),
  type: z.enum(fieldTypes),
  required: z.boolean().default(false),
  options: z.array(z.object({ value: z.string().trim().min(1).max(40), label: z.string().trim().min(1).max(40) })).max(200).default([]),
  pattern: z.string().max(200).nullable().default(null),
  min: z.number().nullable().default(null),
  max: z.number().nullable().default(null),
  maxLength: z.number().int().min(1).max(2000).nullable().default(null),
  sort: z.number().int().default(0),
});
export const updateFieldRequest = createFieldRequest.omit({ entity: true, key: true, scopeCode: true }).partial().extend({ active: z.boolean().optional() });
export const idParams = z.object({ id: uuid });

export const sourceInfo = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });
export const provenanceEntry = z.object({ source: z.string(), sourceName: z.string(), at: z.string(), by: z.string().nullable() });
export const sourcesResponse = z.object({
  items: z.array(sourceInfo),
  authorities: z.array(z.object({ entity: z.enum(baseEntities), field: z.string(), source: z.string() })),
});
export const setAuthorityRequest = z.object({ entity: z.enum(baseEntities), field: z.string().min(1).max(40), source: z.string().nullable() });

export const tagType = z.object({ code: z.string(), name: z.string(), nameEn: z.string(), focus: z.boolean(), sort: z.number().int(), active: z.boolean() });
export const tagListResponse = z.object({ items: z.array(tagType) });
export const tagCodeParams = z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,29}$/) });
export const upsertTagRequest = z.object({ name: z.string().trim().min(1).max(20), nameEn: z.string().trim().max(40).default(''), focus: z.boolean().default(false), sort: z.number().int().default(0), active: z.boolean().default(true) });
export const setPersonTagsRequest = z.object({ codes: z.array(z.string()).max(30) });

export const personListItem = z.object({
  id: uuid,
  name: z.string(),
  gender: z.enum(['1', '2']).nullable(),
  birthDate: z.string().nullable(),
  idMasked: z.string(),
  phoneMasked: z.string().nullable(),
  personType: z.enum(personTypeValues),
  gridCode: z.string(),
  address: z.string().nullable(),
  tags: z.array(z.string()),
});
export type PersonListItem = z.infer<typeof personListItem>;
export const personListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  region: scopeCode.optional(),
  type: z.enum(personTypeValues).optional(),
  tag: z.string().max(30).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
/** No total: counting a million-row match costs more than the page; `hasMore` says whether another page exists. */
export const personListResponse = z.object({ items: z.array(personListItem), page: z.number().int(), pageSize: z.number().int(), hasMore: z.boolean() });

export const residenceEntry = z.object({
  dwellingId: uuid,
  address: z.string(),
  addressCode: z.string(),
  relation: z.enum(residenceRelationValues),
  movedIn: z.string(),
  movedOut: z.string().nullable(),
});
export const visitEntry = z.object({ id: uuid, at: z.string(), workerName: z.string(), notes: z.string(), lng: z.number().nullable(), lat: z.number().nullable() });
export const personDetail = personListItem.extend({
  idType: z.enum(['resident', 'passport', 'permit']),
  values: z.record(z.string(), z.string().nullable()),
  provenance: z.record(z.string(), provenanceEntry),
  residences: z.array(residenceEntry),
  visits: z.array(visitEntry),
  cases: z.array(z.object({ id: uuid, number: z.string(), state: z.string(), description: z.string(), reportedAt: z.string() })),
  version: z.number().int(),
});
export type PersonDetail = z.infer<typeof personDetail>;
export const writeRecordRequest = z.object({ values: fieldValues, source: z.string().max(30).optional() });
export const updateRecordRequest = writeRecordRequest.extend({ version: z.number().int().min(1) });
export const writeOutcome = z.object({ id: uuid, status: z.enum(['inserted', 'updated', 'unchanged']), discrepancies: z.number().int() });

export const revealRequest = z.object({ field: z.enum(['id_number', 'phone']), reason });
export const revealResponse = z.object({ field: z.string(), value: z.string().nullable() });
export const revealLogResponse = z.object({ items: z.array(z.object({ at: z.string(), actorName: z.string(), field: z.string(), reason: z.string() })) });

export const dwellingListItem = z.object({
  id: uuid,
  addressCode: z.string(),
  address: z.string(),
  unitNo: z.string(),
  roomNo: z.string(),
  usage: z.enum(dwellingUsageValues),
  residents: z.number().int(),
  gridCode: z.string(),
});
export const dwellingDetail = dwellingListItem.extend({
  buildingId: uuid,
  areaM2: z.number().nullable(),
  landlord: z.object({ id: uuid, name: z.string() }).nullable(),
  leaseStart: z.string().nullable(),
  leaseEnd: z.string().nullable(),
  occupants: z.array(z.object({ personId: uuid, name: z.string(), personType: z.enum(personTypeValues), relation: z.enum(residenceRelationValues), movedIn: z.string(), movedOut: z.string().nullable() })),
  values: z.record(z.string(), z.string().nullable()),
  provenance: z.record(z.string(), provenanceEntry),
  visits: z.array(visitEntry),
  version: z.number().int(),
});
export const setLandlordRequest = z.object({ version: z.number().int().min(1), landlordId: uuid.nullable() });

export const estateItem = z.object({ id: uuid, name: z.string(), kind: z.enum(['estate', 'road', 'village']), communityCode: z.string(), buildings: z.number().int() });
export const estateListQuery = z.object({ community: divisionCode.optional(), q: z.string().trim().max(40).optional() });
export const estateListResponse = z.object({ items: z.array(estateItem) });
export const buildingItem = z.object({ id: uuid, estateId: uuid, name: z.string(), address: z.string(), gridCode: z.string(), floors: z.number().int().nullable(), lng: z.number(), lat: z.number(), dwellings: z.number().int() });
export const buildingListQuery = z.object({ estate: uuid.optional(), grid: gridCode.optional() });
export const buildingListResponse = z.object({ items: z.array(buildingItem) });
export const buildingDetail = buildingItem.extend({ dwellings: z.number().int(), units: z.array(dwellingListItem) });
export const createBuildingRequest = z.object({
  estateName: z.string().trim().min(2).max(40),
  estateKind: z.enum(['estate', 'road', 'village']).default('estate'),
  name: z.string().trim().min(1).max(20),
  floors: z.number().int().min(1).max(200).nullable().default(null),
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export const createDwellingRequest = z.object({ unitNo: z.string().trim().max(10).default(''), roomNo: z.string().trim().min(1).max(10), values: fieldValues.default({}) });

export const orgListItem = z.object({
  id: uuid,
  name: z.string(),
  uscc: z.string().nullable(),
  orgType: z.enum(orgTypeValues),
  industry: z.string().nullable(),
  address: z.string(),
  legalRep: z.string().nullable(),
  headCount: z.number().int().nullable(),
  phoneMasked: z.string().nullable(),
  gridCode: z.string(),
});
export const orgListQuery = z.object({ q: z.string().trim().max(50).optional(), region: scopeCode.optional(), type: z.enum(orgTypeValues).optional(), page: z.coerce.number().int().min(1).max(500).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) });
export const orgListResponse = z.object({ items: z.array(orgListItem), page: z.number().int(), pageSize: z.number().int(), hasMore: z.boolean() });
export const orgDetail = orgListItem.extend({ values: z.record(z.string(), z.string().nullable()), provenance: z.record(z.string(), provenanceEntry), visits: z.array(visitEntry), version: z.number().int() });

export const createVisitRequest = z.object({
  /** Made by the phone, so a visit sent again after a network failure is stored once. */
  id: uuid,
  targetType: z.enum(baseEntities),
  targetId: uuid,
  visitedAt: z.string().datetime({ offset: true }),
  lng: z.number().min(-180).max(180).nullable().default(null),
  lat: z.number().min(-90).max(90).nullable().default(null),
  notes: z.string().trim().max(2000).default(''),
});
export const visitResponse = visitEntry.extend({ targetType: z.enum(baseEntities), targetId: uuid, created: z.boolean() });

export const discrepancyItem = z.object({
  id: uuid,
  entity: z.enum(baseEntities),
  recordId: uuid,
  recordName: z.string(),
  gridCode: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  currentValue: z.string().nullable(),
  currentSource: z.string().nullable(),
  proposedValue: z.string().nullable(),
  proposedSource: z.string(),
  createdAt: z.string(),
  status: z.enum(['open', 'kept', 'accepted']),
});
export const discrepancyListQuery = z.object({ status: z.enum(['open', 'kept', 'accepted']).default('open'), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) });
export const discrepancyListResponse = z.object({ items: z.array(discrepancyItem), total: z.number().int() });
export const resolveDiscrepancyRequest = z.object({ decision: z.enum(['keep', 'accept']) });

export const importItem = z.object({
  id: uuid,
  entity: z.enum(baseEntities),
  source: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  dryRun: z.boolean(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  totalBytes: z.number(),
  bytesRead: z.number(),
  rowsRead: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  discrepancies: z.number().int(),
  error: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportItem = z.infer<typeof importItem>;
export const importListResponse = z.object({ items: z.array(importItem) });
export const importPreview = z.object({
  /** The uploaded file, kept for the dry run and the import that follow. */
  uploadId: uuid,
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  /** Heading → field key, guessed from labels and aliases; unknown headings map to nothing. */
  mapping: z.record(z.string(), z.string()),
});
export const startImportRequest = z.object({
  uploadId: uuid,
  entity: z.enum(baseEntities),
  source: z.string().min(1).max(30),
  mapping: z.record(z.string().max(100), z.string().max(40)),
  dryRun: z.boolean().default(false),
});
export const importErrorsQuery = z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) });
export const importErrorsResponse = z.object({ items: z.array(z.object({ rowNo: z.number().int(), errors: z.array(z.object({ column: z.string(), message: z.string() })) })), total: z.number().int() });

export const exportQuery = personListQuery.omit({ page: true, pageSize: true }).extend({
  entity: z.literal('person').default('person'),
  /** Full ID numbers and phones instead of masks: needs basedata:reveal and a reason, and is audited. */
  full: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  reason: z.string().trim().max(200).optional(),
});
export const gridStatsQuery = z.object({ region: scopeCode.optional() });
export const gridStatsResponse = z.object({
  items: z.array(z.object({ gridCode: z.string(), residents: z.number().int(), floating: z.number().int(), focus: z.number().int(), rented: z.number().int() })),
});
export const buildingPointsQuery = z.object({ region: scopeCode.optional(), limit: z.coerce.number().int().min(1).max(50000).default(20000) });
