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
  /** Citizens who sign in by phone (0011): keyed hash for look-up, AES-GCM for the number itself. */
  phone_hash: string | null;
  phone_cipher: Buffer | null;
}

/** One-time sign-in codes sent by SMS (0011): only a keyed hash of the code is kept. */
export interface OtpCodesTable {
  id: Generated<string>;
  phone_hash: string;
  code_hash: string;
  ip: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  attempts: Generated<number>;
  used_at: NullableTimestamp;
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
  /** Likely-duplicate search (migration 0010); null: the class default (duplicateDefaults). */
  duplicate_radius_m: ColumnType<number | null, number | null | undefined, number | null>;
  duplicate_window_hours: ColumnType<number | null, number | null | undefined, number | null>;
}

/** Extra fields a category asks of a reporter (Open311 service definition attributes). */
export interface CaseCategoryAttributesTable {
  category_code: string;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: Generated<boolean>;
  variable: Generated<boolean>;
  description: string;
  datatype_description: string | null;
  order: number;
  values: ColumnType<Array<{ key: string; name: string }>, string | undefined, string>;
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
  suggested_label: string | null;
  suggested_confidence: number | null;
  suggested_unit_id: string | null;
  classifier_model_id: string | null;
  classified_at: NullableTimestamp;
  late_stages: ColumnType<string[], string[] | undefined, string[]>;
  stats_dirty: Generated<boolean>;
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

/** Which write set each field: `*` for every field the record was created with, then per-field overrides. */
type Provenance = ColumnType<Record<string, number>, string | undefined, string>;
type Extra = ColumnType<Record<string, unknown>, string | undefined, string>;
export type BaseEntity = 'person' | 'dwelling' | 'organisation';

export interface DataSourcesTable {
  code: string;
  name: string;
  name_en: string;
}

export interface FieldAuthoritiesTable {
  entity: BaseEntity;
  field: string;
  source_code: string;
}

export interface DataWritesTable {
  id: Generated<number>;
  source_code: string;
  at: Generated<Date>;
  actor_id: string | null;
  actor_name: string | null;
  import_id: string | null;
}

export interface EstatesTable {
  id: Generated<string>;
  name: string;
  kind: 'estate' | 'road' | 'village';
  community_code: string;
}

export interface BuildingsTable {
  id: Generated<string>;
  estate_id: string;
  code: string;
  name: string;
  grid_code: string;
  floors: number | null;
  location: Geometry;
}

export interface DwellingsTable {
  id: Generated<string>;
  building_id: string;
  address_code: string;
  unit_no: Generated<string>;
  room_no: string;
  grid_code: string;
  usage: Generated<'owner_occupied' | 'rented' | 'vacant' | 'commercial'>;
  area_m2: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  landlord_id: string | null;
  lease_start: ColumnType<string | null, string | null | undefined, string | null>;
  lease_end: ColumnType<string | null, string | null | undefined, string | null>;
  extra: Extra;
  provenance: Provenance;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface PeopleTable {
  id: Generated<string>;
  id_type: Generated<'resident' | 'passport' | 'permit'>;
  id_hash: string;
  id_cipher: Buffer;
  id_masked: string;
  name: string;
  name_grams: string[];
  gender: '1' | '2' | null;
  birth_date: ColumnType<string | null, string | null | undefined, string | null>;
  phone_hash: string | null;
  phone_cipher: Buffer | null;
  phone_masked: string | null;
  person_type: 'huji' | 'changzhu' | 'liudong' | 'jingwai';
  grid_code: string;
  dwelling_id: string | null;
  extra: Extra;
  provenance: Provenance;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ResidenciesTable {
  id: Generated<string>;
  person_id: string;
  dwelling_id: string;
  relation: 'owner' | 'family' | 'tenant' | 'collective' | 'other';
  moved_in: ColumnType<string, string, string>;
  moved_out: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TagTypesTable {
  code: string;
  name: string;
  name_en: string;
  focus: Generated<boolean>;
  sort: Generated<number>;
  active: Generated<boolean>;
}

export interface PersonTagsTable {
  person_id: string;
  tag_code: string;
  since: ColumnType<string | null, string | null | undefined, string | null>;
  write_id: number | null;
}

export interface OrganisationsTable {
  id: Generated<string>;
  uscc: string | null;
  name: string;
  name_grams: string[];
  org_type: 'enterprise' | 'individual' | 'social' | 'public';
  industry: string | null;
  grid_code: string;
  building_id: string | null;
  address: string;
  legal_rep: string | null;
  phone_hash: string | null;
  phone_cipher: Buffer | null;
  phone_masked: string | null;
  head_count: number | null;
  extra: Extra;
  provenance: Provenance;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface VisitsTable {
  id: string;
  worker_id: string;
  worker_name: string;
  grid_code: string;
  target_type: BaseEntity;
  target_id: string;
  visited_at: Timestamp;
  location: Geometry | null;
  notes: Generated<string>;
  created_at: Generated<Date>;
}

export interface FieldDefinitionsTable {
  id: Generated<string>;
  entity: BaseEntity;
  scope_code: string;
  key: string;
  label: string;
  label_en: Generated<string>;
  type: 'text' | 'number' | 'date' | 'choice' | 'boolean';
  required: Generated<boolean>;
  options: ColumnType<{ value: string; label: string }[], string | undefined, string>;
  pattern: string | null;
  min_value: ColumnType<string | null, number | null | undefined, number | null>;
  max_value: ColumnType<string | null, number | null | undefined, number | null>;
  max_length: number | null;
  sort: Generated<number>;
  active: Generated<boolean>;
}

export interface DiscrepanciesTable {
  id: Generated<string>;
  entity: BaseEntity;
  record_id: string;
  grid_code: string;
  field: string;
  current_value: string | null;
  current_write_id: number | null;
  proposed_value: string | null;
  proposed_write_id: number;
  status: Generated<'open' | 'kept' | 'accepted'>;
  resolved_by_name: string | null;
  resolved_at: NullableTimestamp;
  created_at: Generated<Date>;
}

export interface ImportsTable {
  id: Generated<string>;
  entity: BaseEntity;
  source_code: string;
  file_name: string;
  file_sha256: string;
  file_key: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  headers: ColumnType<string[], string, string>;
  mapping: ColumnType<Record<string, string>, string, string>;
  dry_run: boolean;
  state: Generated<'queued' | 'running' | 'done' | 'failed'>;
  total_bytes: number;
  bytes_read: Generated<number>;
  rows_read: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  failed: Generated<number>;
  discrepancies: Generated<number>;
  error: string | null;
  created_by: string;
  created_by_name: string;
  scope_code: string;
  created_at: Generated<Date>;
  finished_at: NullableTimestamp;
}

export interface ImportRowErrorsTable {
  import_id: string;
  row_no: number;
  cells: ColumnType<string[], string, string>;
  errors: ColumnType<{ column: string; message: string }[], string, string>;
}

export interface CasePartiesTable {
  case_id: string;
  person_id: string;
  role: Generated<'party' | 'reporter' | 'subject'>;
}

export interface ClassifierModelsTable {
  id: Generated<string>;
  created_at: Generated<Date>;
  trained_by: string;
  trained_by_id: string | null;
  source: string;
  labels: string[];
  metrics: ColumnType<Record<string, unknown>, string, string>;
  /** Read back as a Uint8Array (PGlite) or a Buffer (node-postgres). */
  model: ColumnType<Uint8Array, Buffer, Buffer>;
  is_current: Generated<boolean>;
}

export interface ClassifierLabelUnitsTable {
  label: string;
  unit_key: string;
  unit_short_name: string;
}

export interface ClassifierCorrectionsTable {
  id: Generated<string>;
  case_id: string;
  text: string;
  suggested_label: string | null;
  chosen_label: string;
  agreed: boolean;
  model_id: string | null;
  chosen_by: string | null;
  chosen_by_name: string;
  chosen_at: Timestamp;
}

export interface ClassifierSettingsTable {
  id: Generated<boolean>;
  auto_dispatch_threshold: number | null;
  retrain_interval_hours: Generated<number>;
  retrain_min_corrections: Generated<number>;
  updated_by_name: string | null;
  updated_at: Timestamp;
}

export interface CaseFollowersTable {
  case_id: string;
  user_id: string;
  created_at: Generated<Date>;
}

export interface CaseLookupCodesTable {
  case_id: string;
  code_hash: string;
  created_at: Generated<Date>;
}

export interface PublicRequestsTable {
  id: Generated<string>;
  kind: 'report' | 'photo' | 'lookup_failed';
  ip: string;
  at: Generated<Date>;
}

export interface IndicatorDefinitionsTable {
  code: string;
  name: string;
  name_en: string;
  formula: string;
  unit: 'ratio' | 'hours' | 'count';
  higher_is_better: boolean;
  sort: number;
  updated_by_name: string | null;
  updated_at: Timestamp;
}

export interface StatReportsTable {
  id: Generated<string>;
  kind: 'weekly' | 'monthly' | 'custom';
  region_code: string;
  region_name: string;
  /** date columns, written and compared as YYYY-MM-DD */
  period_from: ColumnType<string, string, string>;
  period_to: ColumnType<string, string, string>;
  title: string;
  generated_by: string | null;
  generated_by_name: string;
  scheduled: Generated<boolean>;
  generated_at: Generated<Date>;
  /** Read back as a Uint8Array (PGlite) or a Buffer (node-postgres). */
  content: ColumnType<Uint8Array, Buffer, Buffer>;
  size: number;
  sheet_count: number;
}

export interface DB {
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  units: UnitsTable;
  users: UsersTable;
  otp_codes: OtpCodesTable;
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
  case_category_attributes: CaseCategoryAttributesTable;
  cases: CasesTable;
  case_units: CaseUnitsTable;
  case_events: CaseEventsTable;
  case_requests: CaseRequestsTable;
  case_files: CaseFilesTable;
  case_followers: CaseFollowersTable;
  case_lookup_codes: CaseLookupCodesTable;
  public_requests: PublicRequestsTable;
  data_sources: DataSourcesTable;
  field_authorities: FieldAuthoritiesTable;
  data_writes: DataWritesTable;
  estates: EstatesTable;
  buildings: BuildingsTable;
  dwellings: DwellingsTable;
  people: PeopleTable;
  residencies: ResidenciesTable;
  tag_types: TagTypesTable;
  person_tags: PersonTagsTable;
  organisations: OrganisationsTable;
  visits: VisitsTable;
  field_definitions: FieldDefinitionsTable;
  discrepancies: DiscrepanciesTable;
  imports: ImportsTable;
  import_row_errors: ImportRowErrorsTable;
  case_parties: CasePartiesTable;
  classifier_models: ClassifierModelsTable;
  classifier_label_units: ClassifierLabelUnitsTable;
  classifier_corrections: ClassifierCorrectionsTable;
  classifier_settings: ClassifierSettingsTable;
  indicator_definitions: IndicatorDefinitionsTable;
  stat_reports: StatReportsTable;
}
