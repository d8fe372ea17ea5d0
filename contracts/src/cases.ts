import { z } from 'zod';
import { divisionCode, scopeCode } from './codes.js';

/**
 * The closed loop (受理 → 立案 → 派遣 → 处置 → 反馈 → 核查 → 结案 → 评价).
 * `reported` waits for a dispatcher; `registered` waits to be dispatched (again, after a return or an
 * escalation); `dispatched` waits for the lead unit to sign; `feedback` waits for a verifier.
 */
export const caseStates = ['reported', 'registered', 'dispatched', 'handling', 'suspended', 'feedback', 'closed', 'rejected', 'merged'] as const;
export type CaseState = (typeof caseStates)[number];
export const openCaseStates = ['reported', 'registered', 'dispatched', 'handling', 'suspended', 'feedback'] as const;

export const caseActions = [
  'register', // 立案
  'reject', // 不予立案
  'merge', // 合并重复
  'dispatch', // 派遣
  'urge', // 催办
  'sign', // 签收
  'return', // 退回
  'feedback', // 处置反馈
  'assist_done', // 协办完成
  'request_extension', // 申请延期
  'request_suspension', // 申请挂起
  'decide_request', // 审批延期/挂起
  'resume', // 恢复（解除挂起）
  'escalate', // 上报上级（超出权限）
  'close', // 核查结案
  'rework', // 返工
  'rate', // 评价
] as const;
export type CaseAction = (typeof caseActions)[number];

/** Timeline entries also record what the system did. */
export const timelineActions = [...caseActions, 'report', 'remind', 'overdue', 'auto_escalate', 'reopen', 'merged_in'] as const;
export type TimelineAction = (typeof timelineActions)[number];

export const caseLevels = ['community', 'street', 'district'] as const;
export type CaseLevel = (typeof caseLevels)[number];
export const casePriorities = ['normal', 'urgent', 'critical'] as const;
export type CasePriority = (typeof casePriorities)[number];
export const caseSources = ['grid_worker', 'hotline', 'citizen', 'dispatcher', 'leader', 'api', 'open311', 'sensor'] as const;
export type CaseSource = (typeof caseSources)[number];
export const ratings = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof ratings)[number];
export const caseStages = ['register', 'dispatch', 'handle', 'verify'] as const;
export type CaseStage = (typeof caseStages)[number];

const uuid = z.string().uuid();
const note = z.string().trim().max(1000);
const reason = z.string().trim().min(2, { message: 'reason.required' }).max(500);
const photoIds = z.array(uuid).max(9).default([]);
/** Every action names the version it acted on: a case that moved on answers 409 case.stale. */
const versioned = { version: z.number().int().min(1) };

export const lng = z.coerce.number().min(-180).max(180);
export const lat = z.coerce.number().min(-90).max(90);

export const reportCaseRequest = z.object({
  categoryCode: z.string().trim().min(1).max(20),
  description: z.string().trim().min(5, { message: 'description.too_short' }).max(2000),
  lng,
  lat,
  address: z.string().trim().max(200).optional(),
  photoIds,
  /** A dispatcher entering a 12345 call sets hotline; other sources follow from who reports. */
  source: z.enum(['hotline']).optional(),
  callerName: z.string().trim().max(40).optional(),
  /** Answers to the category's extra fields (上报附加项) by code: a list's keys, other answers as text. Absent = not asked. */
  attributes: z.record(z.string().max(40), z.union([z.string().max(2000), z.array(z.string().max(200)).max(50)])).optional(),
});
export type ReportCaseRequest = z.input<typeof reportCaseRequest>;
export type ReportCase = z.output<typeof reportCaseRequest>;

export const caseActionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('register'), ...versioned, note: note.optional(), categoryCode: z.string().max(20).optional() }),
  z.object({ action: z.literal('reject'), ...versioned, reason }),
  z.object({ action: z.literal('merge'), ...versioned, targetNumber: z.string().regex(/^\d{6}-\d{8}-\d{5}$/, { message: 'case_number.format' }), note: note.optional() }),
  z.object({ action: z.literal('dispatch'), ...versioned, leadUnitId: uuid, assistUnitIds: z.array(uuid).max(10).default([]), note: note.optional() }),
  z.object({ action: z.literal('urge'), ...versioned, note }),
  z.object({ action: z.literal('sign'), ...versioned, note: note.optional() }),
  z.object({ action: z.literal('return'), ...versioned, reason }),
  z.object({ action: z.literal('feedback'), ...versioned, note: z.string().trim().min(2, { message: 'note.required' }).max(1000), photoIds }),
  z.object({ action: z.literal('assist_done'), ...versioned, note: z.string().trim().min(2, { message: 'note.required' }).max(1000) }),
  z.object({ action: z.literal('request_extension'), ...versioned, workingDays: z.number().int().min(1).max(30), reason }),
  z.object({ action: z.literal('request_suspension'), ...versioned, reason }),
  z.object({ action: z.literal('decide_request'), ...versioned, requestId: uuid, approve: z.boolean(), note: note.optional() }),
  z.object({ action: z.literal('resume'), ...versioned, note: note.optional() }),
  z.object({ action: z.literal('escalate'), ...versioned, reason }),
  z.object({ action: z.literal('close'), ...versioned, note: note.optional(), photoIds }),
  z.object({ action: z.literal('rework'), ...versioned, reason, photoIds }),
  z.object({ action: z.literal('rate'), ...versioned, rating: z.enum(ratings), note: note.optional() }),
]);
export type CaseActionRequest = z.input<typeof caseActionRequest>;
export type CaseActionBody = z.output<typeof caseActionRequest>;

export const unitRef = z.object({ id: uuid, name: z.string() });

/** A new report that likely repeats an older open case nearby (see duplicates.ts); only on reported cases, in a dispatcher's lists and case page. */
export const likelyDuplicate = z.object({ id: uuid, number: z.string(), distanceM: z.number(), similarity: z.number() });
export type LikelyDuplicate = z.infer<typeof likelyDuplicate>;

export const caseListItem = z.object({
  id: uuid,
  number: z.string(),
  state: z.enum(caseStates),
  level: z.enum(caseLevels),
  priority: z.enum(casePriorities),
  source: z.enum(caseSources),
  categoryCode: z.string(),
  categoryName: z.string(),
  description: z.string(),
  address: z.string().nullable(),
  gridCode: z.string().nullable(),
  communityCode: z.string(),
  communityName: z.string(),
  streetCode: z.string(),
  streetName: z.string(),
  leadUnit: unitRef.nullable(),
  reportedAt: z.string(),
  stage: z.enum(caseStages).nullable(),
  stageDueAt: z.string().nullable(),
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  rating: z.enum(ratings).nullable(),
  lng: z.number(),
  lat: z.number(),
  likelyDuplicateOf: likelyDuplicate.nullable().optional(),
  /** For dispatchers, on a report not yet dispatched: the text classifier's reading kept on the case (null until read). */
  reading: z.object({ label: z.string(), confidence: z.number(), unitName: z.string().nullable() }).nullable().optional(),
});
export type CaseListItem = z.infer<typeof caseListItem>;

/** What a report answers: the case as a list shows it, and the version to act on. */
export const caseCreated = caseListItem.extend({ version: z.number().int() });
export type CaseCreated = z.infer<typeof caseCreated>;

/** Inboxes are the lists a role works from; they are filters over the same search. */
export const caseInboxes = ['dispatch', 'handle', 'verify', 'mine', 'requests'] as const;
export type CaseInbox = (typeof caseInboxes)[number];

export const caseListQuery = z.object({
  inbox: z.enum(caseInboxes).optional(),
  state: z.union([z.enum(caseStates), z.array(z.enum(caseStates))]).optional(),
  category: z.string().max(20).optional(),
  unit: uuid.optional(),
  /** the account that reported (a grid worker's cases, from a ranking) */
  reporter: uuid.optional(),
  region: scopeCode.optional(),
  source: z.enum(caseSources).optional(),
  from: z.string().date().optional(),
  to: z.string().date().optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CaseListQuery = z.input<typeof caseListQuery>;
/** The case list's search without paging: what 导出 Excel takes (GET /cases/export). */
export const caseExportQuery = caseListQuery.omit({ page: true, pageSize: true });
export const caseListResponse = z.object({ items: z.array(caseListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type CaseListResponse = z.infer<typeof caseListResponse>;

export const caseMapQuery = z.object({ region: divisionCode.optional(), state: z.enum(['open', 'closed', 'overdue', 'all']).default('open'), limit: z.coerce.number().int().min(1).max(20000).default(5000) });

export const timelineEntry = z.object({
  id: z.string(),
  at: z.string(),
  action: z.enum(timelineActions),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  unit: unitRef.nullable(),
  fromState: z.enum(caseStates).nullable(),
  toState: z.enum(caseStates).nullable(),
  note: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  photoIds: z.array(uuid),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const caseRequestItem = z.object({
  id: uuid,
  kind: z.enum(['extension', 'suspension']),
  workingDays: z.number().int().nullable(),
  reason: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decision: z.enum(['approved', 'refused', 'lapsed']).nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export const caseDetail = caseListItem.extend({
  version: z.number().int(),
  categoryPath: z.array(z.string()),
  reporterName: z.string().nullable(),
  firstReceiverName: z.string().nullable(),
  units: z.array(unitRef.extend({ role: z.enum(['lead', 'assist']), state: z.enum(['dispatched', 'signed', 'done', 'returned']) })),
  requests: z.array(caseRequestItem),
  timeline: z.array(timelineEntry),
  photoIds: z.array(uuid),
  /** Working minutes left in the current stage (negative when overdue); null when no clock runs. */
  stageMinutesLeft: z.number().nullable(),
  returnedCount: z.number().int(),
  reworkCount: z.number().int(),
  reopenedCount: z.number().int(),
  escalationCount: z.number().int(),
  mergedInto: z.string().nullable(),
  suggestedUnit: unitRef.extend({ rule: z.string() }).nullable(),
  /** The text classifier's reading of the description, beside the routing rule's unit (dispatchers, before dispatch). */
  textSuggestion: z.object({ label: z.string(), confidence: z.number(), unit: unitRef.nullable() }).nullable(),
  /** What the signed-in principal may do now; the UI shows exactly these. */
  allowedActions: z.array(z.enum(caseActions)),
  ratedAt: z.string().nullable(),
  ratingNote: z.string().nullable(),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const photoUploadResponse = z.object({ id: uuid, contentType: z.string(), size: z.number().int() });

export const categoryItem = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  kind: z.enum(['component', 'event', 'social']),
  name: z.string(),
  nameEn: z.string(),
  priority: z.enum(casePriorities),
  defaultLevel: z.enum(caseLevels),
  /** Working minutes allowed per stage. */
  limits: z.object({ register: z.number().int(), dispatch: z.number().int(), handle: z.number().int(), verify: z.number().int() }),
  sensitive: z.boolean(),
  active: z.boolean(),
  /** Likely-duplicate search: a new report looks this far (metres) and this long back (hours) for an open case of the category. */
  duplicates: z.object({ radiusM: z.number().int(), windowHours: z.number().int() }).optional(),
});
export type CategoryItem = z.infer<typeof categoryItem>;
export const upsertCategoryRequest = categoryItem.omit({ code: true }).extend({
  limits: z.object({ register: z.number().int().min(10).max(14400), dispatch: z.number().int().min(10).max(14400), handle: z.number().int().min(30).max(144000), verify: z.number().int().min(10).max(14400) }),
  duplicates: z.object({ radiusM: z.number().int().min(1).max(5000), windowHours: z.number().int().min(1).max(8760) }).optional(),
});

export const routingRuleItem = z.object({ id: uuid, categoryCode: z.string(), categoryName: z.string(), regionCode: z.string(), regionName: z.string(), unit: unitRef });
export const createRoutingRuleRequest = z.object({ categoryCode: z.string().max(20), regionCode: divisionCode, unitId: uuid });

/** Extra fields of a category (上报附加项), asked when it is reported; Open311 publishes them as the service definition. */
export const attributeDatatypes = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export const attributeListDatatypes = ['singlevaluelist', 'multivaluelist'] as const;
export const attributeValue = z.object({
  key: z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, { message: 'attribute_key.format' }),
  name: z.string().trim().min(1).max(100),
});
export const categoryAttributeItem = z.object({
  code: z.string(),
  datatype: z.enum(attributeDatatypes),
  required: z.boolean(),
  /** False when the attribute only informs the reporter and takes no answer. */
  variable: z.boolean(),
  description: z.string(),
  datatypeDescription: z.string().nullable(),
  order: z.number().int(),
  values: z.array(z.object({ key: z.string(), name: z.string() })),
});
export type CategoryAttributeItem = z.infer<typeof categoryAttributeItem>;
export const attributeCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'attribute_code.format' });
/** PUT body (edit); `order` places the field at that position (the others move), absent = where it is, or last. */
export const updateCategoryAttributeRequest = z.object({
  datatype: z.enum(attributeDatatypes, { message: 'attribute.datatype' }),
  required: z.boolean().default(false),
  variable: z.boolean().default(true),
  description: z.string().trim().min(1).max(200),
  datatypeDescription: z.string().trim().max(200).nullable().optional(),
  order: z.number().int().min(1).max(100).optional(),
  values: z.array(attributeValue).max(100).default([]),
});
export type CategoryAttributeInput = z.output<typeof updateCategoryAttributeRequest>;
export const createCategoryAttributeRequest = updateCategoryAttributeRequest.extend({ code: attributeCode });
export type CreateCategoryAttributeRequest = z.input<typeof createCategoryAttributeRequest>;
/** The category's attribute codes in their new order: every code once. */
export const reorderCategoryAttributesRequest = z.object({ codes: z.array(z.string().max(40)).min(1).max(100) });
