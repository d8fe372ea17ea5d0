-- The closed loop of reported problems: categories (data, modelled on GB/T 30428.2), routing rules,
-- cases with their stage clocks, the units working on them, the timeline, requests for more time,
-- photos, and the per-county daily counter behind readable case numbers.

create table case_categories (
  -- C.. components (部件), E.. events (事件), S.. social governance; two digits per level
  code text primary key check (code ~ '^[CES]\d{2}(\d{2})?$'),
  parent_code text references case_categories (code),
  kind text not null check (kind in ('component', 'event', 'social')),
  name text not null,
  name_en text not null,
  priority text not null default 'normal' check (priority in ('normal', 'urgent', 'critical')),
  default_level text not null default 'district' check (default_level in ('community', 'street', 'district')),
  -- working minutes allowed per stage
  limit_register int not null check (limit_register > 0),
  limit_dispatch int not null check (limit_dispatch > 0),
  limit_handle int not null check (limit_handle > 0),
  limit_verify int not null check (limit_verify > 0),
  -- locations of sensitive categories are blurred on public maps
  sensitive boolean not null default false,
  active boolean not null default true,
  updated_at timestamptz not null default now(),
  check ((length(code) = 3) = (parent_code is null))
);

-- category × jurisdiction → responsible unit; the most specific rule wins (see routing.ts)
create table routing_rules (
  id uuid primary key default gen_random_uuid(),
  category_code text not null references case_categories (code),
  region_code char(12) not null check (region_code ~ '^\d{12}$'),
  unit_id uuid not null references units (id),
  created_at timestamptz not null default now(),
  unique (category_code, region_code)
);

create table files (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null,
  content_type text not null,
  size int not null,
  sha256 text not null,
  storage_key text not null,
  created_at timestamptz not null default now()
);

create table case_number_counters (
  county_code char(6) not null,
  day date not null,
  last int not null,
  primary key (county_code, day)
);

create table cases (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  county_code char(6) not null,
  street_code char(12) not null,
  community_code char(12) not null,
  grid_code char(15),
  location geometry(Point, 4326) not null,
  address text,
  category_code text not null references case_categories (code),
  description text not null,
  priority text not null check (priority in ('normal', 'urgent', 'critical')),
  source text not null check (source in ('grid_worker', 'hotline', 'citizen', 'dispatcher', 'leader', 'api', 'open311', 'sensor')),
  reporter_id uuid,
  reporter_name text,
  -- 首问负责: the first person at the command centre who received the report
  first_receiver_id uuid,
  first_receiver_name text,
  state text not null check (state in ('reported', 'registered', 'dispatched', 'handling', 'suspended', 'feedback', 'closed', 'rejected', 'merged')),
  level text not null check (level in ('community', 'street', 'district')),
  lead_unit_id uuid references units (id),
  version int not null default 1,
  -- the clock of the current stage; null when none runs (suspended, closed)
  stage text check (stage in ('register', 'dispatch', 'handle', 'verify')),
  stage_started_at timestamptz,
  stage_warn_at timestamptz,
  stage_due_at timestamptz,
  warned_at timestamptz,
  overdue_at timestamptz,
  -- working minutes of the handling limit left when the case was suspended
  suspended_minutes_left int,
  ever_overdue boolean not null default false,
  returned_count int not null default 0,
  rework_count int not null default 0,
  reopened_count int not null default 0,
  escalation_count int not null default 0,
  extension_days int not null default 0,
  merged_into uuid references cases (id),
  rating text check (rating in ('satisfied', 'basically_satisfied', 'dissatisfied')),
  rating_note text,
  rated_at timestamptz,
  reported_at timestamptz not null default now(),
  registered_at timestamptz,
  dispatched_at timestamptz,
  closed_at timestamptz,
  updated_at timestamptz not null default now(),
  -- a phone retrying on a bad network sends the same key: one case
  intake_key text,
  intake_principal uuid,
  check (substr(street_code, 1, 6) = county_code and substr(community_code, 1, 9) = substr(street_code, 1, 9)),
  check (grid_code is null or substr(grid_code, 1, 12) = community_code)
);
create unique index cases_intake on cases (intake_principal, intake_key) where intake_key is not null;
create index cases_community on cases (community_code, reported_at desc);
create index cases_grid on cases (grid_code, reported_at desc);
create index cases_state on cases (state, level, reported_at desc);
create index cases_reported on cases (reported_at desc);
create index cases_lead_unit on cases (lead_unit_id, state);
create index cases_reporter on cases (reporter_id, reported_at desc);
create index cases_location on cases using gist (location);
-- what the deadline job scans: open cases whose clock runs
create index cases_due on cases (stage_due_at) where stage_due_at is not null and overdue_at is null;
create index cases_warn on cases (stage_warn_at) where stage_warn_at is not null and warned_at is null;

create table case_units (
  case_id uuid not null references cases (id),
  unit_id uuid not null references units (id),
  role text not null check (role in ('lead', 'assist')),
  state text not null check (state in ('dispatched', 'signed', 'done', 'returned')),
  dispatched_at timestamptz not null default now(),
  primary key (case_id, unit_id)
);
create index case_units_unit on case_units (unit_id, state);

create table case_events (
  id bigint generated always as identity primary key,
  case_id uuid not null references cases (id),
  at timestamptz not null default now(),
  action text not null,
  actor_id uuid,
  actor_name text,
  actor_role text,
  unit_id uuid references units (id),
  from_state text,
  to_state text,
  note text,
  detail jsonb not null default '{}',
  photo_ids uuid[] not null default '{}'
);
create index case_events_case on case_events (case_id, id);

create table case_requests (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  kind text not null check (kind in ('extension', 'suspension')),
  working_days int,
  reason text not null,
  unit_id uuid references units (id),
  requested_by uuid,
  requested_by_name text not null,
  requested_at timestamptz not null default now(),
  -- lapsed: the case left handling (returned, escalated, reported back) before anyone decided
  decision text check (decision in ('approved', 'refused', 'lapsed')),
  decided_by_name text,
  decided_at timestamptz,
  decision_note text
);
create unique index case_requests_one_pending on case_requests (case_id) where decision is null;

create table case_files (
  case_id uuid not null references cases (id),
  file_id uuid not null references files (id) unique,
  stage text not null check (stage in ('report', 'feedback', 'verify')),
  primary key (case_id, file_id)
);
