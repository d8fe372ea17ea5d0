import type { ColumnType, Generated } from 'kysely';

/** Timestamps are written as Date or ISO text and read back as Date. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** Geometry columns are only read and written through PostGIS functions in raw SQL. */
type Geometry = ColumnType<string, string, string>;

export interface AuditLogTable {
  id: Generated<string>;
  at: Generated<Date>;
  actor_kind: 'user' | 'api_key' | 'anonymous' | 'system';
  actor_id: string | null;
  actor_name: string | null;
  actor_scope: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface OutboxTable {
  id: Generated<string>;
  at: Generated<Date>;
  topic: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  published_at: NullableTimestamp;
}

export interface UnitsTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: 'department' | 'office';
  region_code: string;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  scope_code: string;
  unit_id: string | null;
  phone: string | null;
  disabled: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: NullableTimestamp;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiKeysTable {
  id: Generated<string>;
  name: string;
  prefix: string;
  secret_hash: string;
  scope_code: string;
  permissions: string[];
  created_by: string | null;
  created_at: Generated<Date>;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface RegionsTable {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'township' | 'village';
  parent_code: string | null;
  geom: Geometry | null;
  boundary_source: Generated<'imported' | 'generated' | 'uploaded'>;
  updated_at: Generated<Date>;
}

export interface GridsTable {
  id: Generated<string>;
  code: string;
  community_code: string;
  county_code: string;
  name: string;
  type: 'comprehensive' | 'dedicated';
  dedicated_kind: string | null;
  geom: Geometry;
  area_m2: number;
  geometry_source: 'generated' | 'drawn' | 'uploaded';
  retired_at: NullableTimestamp;
  retired_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface GridStaffTable {
  grid_id: string;
  user_id: string;
  duty: 'head' | 'worker';
}

/** Exceptions to the Monday–Friday rule: weekdays off (holiday) and weekend days made working days (调休). */
export interface WorkCalendarDaysTable {
  day: string; // YYYY-MM-DD, a date in Asia/Shanghai
  kind: 'holiday' | 'workday';
  name: string;
  updated_at: Generated<Date>;
}

export interface CaseCategoriesTable {
  code: string;
  parent_code: string | null;
  kind: 'component' | 'event' | 'social';
  name: string;
  name_en: string;
  priority: 'normal' | 'urgent' | 'critical';
  default_level: 'community' | 'street' | 'district';
  limit_register: number;
  limit_dispatch: number;
  limit_handle: number;
  limit_verify: number;
  sensitive: Generated<boolean>;
  active: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface RoutingRulesTable {
  id: Generated<string>;
  category_code: string;
  region_code: string;
  unit_id: string;
  created_at: Generated<Date>;
}

export interface FilesTable {
  id: Generated<string>;
  owner_id: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  created_at: Generated<Date>;
}

export interface CaseNumberCountersTable {
  county_code: string;
  day: string;
  last: number;
}

export interface CasesTable {
  id: Generated<string>;
  number: string;
  county_code: string;
  street_code: string;
  community_code: string;
  grid_code: string | null;
  location: Geometry;
  address: string | null;
  category_code: string;
  description: string;
  priority: 'normal' | 'urgent' | 'critical';
  source: string;
  reporter_id: string | null;
  reporter_name: string | null;
  first_receiver_id: string | null;
  first_receiver_name: string | null;
  state: string;
  level: 'community' | 'street' | 'district';
  lead_unit_id: string | null;
  version: Generated<number>;
  stage: 'register' | 'dispatch' | 'handle' | 'verify' | null;
  stage_started_at: NullableTimestamp;
  stage_warn_at: NullableTimestamp;
  stage_due_at: NullableTimestamp;
  warned_at: NullableTimestamp;
  overdue_at: NullableTimestamp;
  suspended_minutes_left: number | null;
  ever_overdue: Generated<boolean>;
  returned_count: Generated<number>;
  rework_count: Generated<number>;
  reopened_count: Generated<number>;
  escalation_count: Generated<number>;
  extension_days: Generated<number>;
  merged_into: string | null;
  rating: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | null;
  rating_note: string | null;
  rated_at: NullableTimestamp;
  reported_at: Timestamp;
  registered_at: NullableTimestamp;
  dispatched_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  updated_at: Timestamp;
  intake_key: string | null;
  intake_principal: string | null;
}

export interface CaseUnitsTable {
  case_id: string;
  unit_id: string;
  role: 'lead' | 'assist';
  state: 'dispatched' | 'signed' | 'done' | 'returned';
  dispatched_at: Timestamp;
}

export interface CaseEventsTable {
  id: Generated<string>;
  case_id: string;
  at: Timestamp;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  unit_id: string | null;
  from_state: string | null;
  to_state: string | null;
  note: string | null;
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
  photo_ids: ColumnType<string[], string[] | undefined, string[]>;
}

export interface CaseRequestsTable {
  id: Generated<string>;
  case_id: string;
  kind: 'extension' | 'suspension';
  working_days: number | null;
  reason: string;
  unit_id: string | null;
  requested_by: string | null;
  requested_by_name: string;
  requested_at: Timestamp;
  decision: 'approved' | 'refused' | 'lapsed' | null;
  decided_by_name: string | null;
  decided_at: NullableTimestamp;
  decision_note: string | null;
}

export interface CaseFilesTable {
  case_id: string;
  file_id: string;
  stage: 'report' | 'feedback' | 'verify';
}

export interface DB {
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  regions: RegionsTable;
  grids: GridsTable;
  grid_staff: GridStaffTable;
  work_calendar_days: WorkCalendarDaysTable;
  case_categories: CaseCategoriesTable;
  routing_rules: RoutingRulesTable;
  files: FilesTable;
  case_number_counters: CaseNumberCountersTable;
  cases: CasesTable;
  case_units: CaseUnitsTable;
  case_events: CaseEventsTable;
  case_requests: CaseRequestsTable;
  case_files: CaseFilesTable;
}
