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
}
