-- Base data of people, housing and organisations (人房企), private by default.
-- Every record lives in a grid (its jurisdiction); identity numbers and phones are stored encrypted with a
-- keyed hash for exact search and a mask for display. Each value remembers the write (source, time) that
-- set it (一数一源); a non-authoritative value that disagrees with an authoritative one becomes a discrepancy.

-- Where data comes from (公安, 人社, 网格采集 …) and which source is authoritative for which field.
create table data_sources (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{1,29}$'),
  name text not null,
  name_en text not null
);

create table field_authorities (
  entity text not null check (entity in ('person', 'dwelling', 'organisation')),
  field text not null,
  source_code text not null references data_sources (code),
  primary key (entity, field)
);

-- One row per act of writing (a form saved, an import run): the source and time every value points at.
create table data_writes (
  id bigserial primary key,
  source_code text not null references data_sources (code),
  at timestamptz not null default now(),
  actor_id uuid,
  actor_name text,
  import_id uuid
);

-- Standard addresses: 小区 / 街路巷 / 村 → 楼栋 → 户 (the unit 单元 is part of the dwelling's address).
create table estates (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  kind text not null check (kind in ('estate', 'road', 'village')),
  community_code char(12) not null,
  unique (community_code, name)
);

create table buildings (
  id uuid primary key default gen_random_uuid(),
  estate_id uuid not null references estates (id),
  -- the grid code and a sequence inside the grid: 370303001001001-007
  code text not null unique,
  name text not null,
  grid_code char(15) not null,
  floors int check (floors between 1 and 200),
  location geometry(Point, 4326) not null,
  unique (estate_id, name)
);
create index buildings_grid on buildings (grid_code);
create index buildings_location on buildings using gist (location);

create table dwellings (
  id uuid primary key default gen_random_uuid(),
  building_id uuid not null references buildings (id),
  -- 标准地址编码: building code, unit and room (370303001001001-007-2-301); imports refer to dwellings by it
  address_code text not null unique,
  unit_no text not null default '',
  room_no text not null,
  grid_code char(15) not null,
  usage text not null default 'vacant' check (usage in ('owner_occupied', 'rented', 'vacant', 'commercial')),
  area_m2 numeric(8, 2),
  landlord_id uuid,
  lease_start date,
  lease_end date,
  extra jsonb not null default '{}',
  provenance jsonb not null default '{}',
  version int not null default 1,
  updated_at timestamptz not null default now(),
  unique (building_id, unit_no, room_no)
);
create index dwellings_grid on dwellings (grid_code, usage);

create table people (
  id uuid primary key default gen_random_uuid(),
  id_type text not null default 'resident' check (id_type in ('resident', 'passport', 'permit')),
  id_hash char(64) not null unique,
  id_cipher bytea not null,
  id_masked text not null,
  name text not null,
  -- the characters and character pairs of the name, for fuzzy Chinese name search through a GIN index
  name_grams text[] not null,
  gender char(1) check (gender in ('1', '2')),
  birth_date date,
  phone_hash char(64),
  phone_cipher bytea,
  phone_masked text,
  person_type text not null check (person_type in ('huji', 'changzhu', 'liudong', 'jingwai')),
  grid_code char(15) not null,
  dwelling_id uuid references dwellings (id),
  extra jsonb not null default '{}',
  provenance jsonb not null default '{}',
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- pages of a jurisdiction in a stable order straight from the index
create index people_grid on people (grid_code, id);
create index people_name_grams on people using gin (name_grams);
create index people_phone on people (phone_hash) where phone_hash is not null;
create index people_dwelling on people (dwelling_id) where dwelling_id is not null;

alter table dwellings add constraint dwellings_landlord foreign key (landlord_id) references people (id);

-- Who lives where since when (以房管人): the history of moves in and out.
create table residencies (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people (id),
  dwelling_id uuid not null references dwellings (id),
  relation text not null check (relation in ('owner', 'family', 'tenant', 'collective', 'other')),
  moved_in date not null,
  moved_out date,
  check (moved_out is null or moved_out >= moved_in)
);
create index residencies_person on residencies (person_id, moved_in desc);
create index residencies_dwelling on residencies (dwelling_id) where moved_out is null;

-- Groups that need care or attention (独居老人, 残疾人, 低保 …): editable data.
create table tag_types (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{1,29}$'),
  name text not null,
  name_en text not null,
  -- 重点人群: counted on the map and shown only to staff
  focus boolean not null default false,
  sort int not null default 0,
  active boolean not null default true
);

create table person_tags (
  person_id uuid not null references people (id),
  tag_code text not null references tag_types (code),
  since date,
  write_id bigint references data_writes (id),
  primary key (person_id, tag_code)
);
create index person_tags_tag on person_tags (tag_code);

create table organisations (
  id uuid primary key default gen_random_uuid(),
  -- 统一社会信用代码 (GB 32100): public, so stored plain
  uscc char(18) unique,
  name text not null,
  name_grams text[] not null,
  org_type text not null check (org_type in ('enterprise', 'individual', 'social', 'public')),
  -- GB/T 4754 section letter (A–T)
  industry char(1) check (industry ~ '^[A-T]$'),
  grid_code char(15) not null,
  building_id uuid references buildings (id),
  address text not null,
  legal_rep text,
  phone_hash char(64),
  phone_cipher bytea,
  phone_masked text,
  head_count int check (head_count >= 0),
  extra jsonb not null default '{}',
  provenance jsonb not null default '{}',
  version int not null default 1,
  updated_at timestamptz not null default now()
);
create index organisations_grid on organisations (grid_code);
create index organisations_name_grams on organisations using gin (name_grams);

-- 走访: the id comes from the phone, so a visit sent twice after a network failure is stored once.
create table visits (
  id uuid primary key,
  worker_id uuid not null,
  worker_name text not null,
  grid_code char(15) not null,
  target_type text not null check (target_type in ('person', 'dwelling', 'organisation')),
  target_id uuid not null,
  visited_at timestamptz not null,
  location geometry(Point, 4326),
  notes text not null default '',
  created_at timestamptz not null default now()
);
create index visits_target on visits (target_type, target_id, visited_at desc);
create index visits_grid on visits (grid_code, visited_at desc);

-- Extra fields an administrator defines per entity type for a jurisdiction (the resident record has 143).
create table field_definitions (
  id uuid primary key default gen_random_uuid(),
  entity text not null check (entity in ('person', 'dwelling', 'organisation')),
  scope_code varchar(15) not null,
  key text not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  label text not null,
  label_en text not null default '',
  type text not null check (type in ('text', 'number', 'date', 'choice', 'boolean')),
  required boolean not null default false,
  options jsonb not null default '[]',
  pattern text,
  min_value numeric,
  max_value numeric,
  max_length int check (max_length between 1 and 2000),
  sort int not null default 0,
  active boolean not null default true,
  unique (entity, scope_code, key)
);

-- 比对: a value from a non-authoritative source that disagrees with the authoritative one.
create table discrepancies (
  id uuid primary key default gen_random_uuid(),
  entity text not null check (entity in ('person', 'dwelling', 'organisation')),
  record_id uuid not null,
  grid_code char(15) not null,
  field text not null,
  current_value text,
  current_write_id bigint,
  proposed_value text,
  proposed_write_id bigint not null references data_writes (id),
  status text not null default 'open' check (status in ('open', 'kept', 'accepted')),
  resolved_by_name text,
  resolved_at timestamptz,
  created_at timestamptz not null default now()
);
create index discrepancies_open on discrepancies (grid_code, created_at desc) where status = 'open';
create unique index discrepancies_one_open on discrepancies (entity, record_id, field, proposed_value) where status = 'open';

create table imports (
  id uuid primary key default gen_random_uuid(),
  entity text not null check (entity in ('person', 'dwelling', 'organisation')),
  source_code text not null references data_sources (code),
  file_name text not null,
  file_sha256 text not null,
  file_key text not null,
  format text not null check (format in ('csv', 'xlsx')),
  encoding text,
  -- the file's headings, for the row report (reading them again from a big .xlsx takes seconds)
  headers jsonb not null,
  mapping jsonb not null,
  dry_run boolean not null,
  state text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed')),
  total_bytes bigint not null,
  bytes_read bigint not null default 0,
  rows_read int not null default 0,
  inserted int not null default 0,
  updated int not null default 0,
  unchanged int not null default 0,
  failed int not null default 0,
  discrepancies int not null default 0,
  error text,
  created_by uuid not null,
  created_by_name text not null,
  scope_code varchar(15) not null,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index imports_scope on imports (scope_code, created_at desc);

create table import_row_errors (
  import_id uuid not null references imports (id),
  row_no int not null,
  cells jsonb not null,
  errors jsonb not null,
  primary key (import_id, row_no)
);

-- 当事人: the people a case is about (the parties of a dispute, the person a grid worker reported for),
-- owned by the cases module; the base data shows a person's cases through it.
create table case_parties (
  case_id uuid not null references cases (id),
  person_id uuid not null references people (id),
  role text not null default 'party' check (role in ('party', 'reporter', 'subject')),
  primary key (case_id, person_id)
);
create index case_parties_person on case_parties (person_id);

-- who looked at a record (the full ID number of a person, say) is read from the audit log by target
create index audit_log_target on audit_log (target_type, target_id, id desc) where target_id is not null;

-- Default sources, authorities and group tags; all of them editable data.
insert into data_sources (code, name, name_en) values
  ('gongan', '公安（户籍）', 'Public security (household registration)'),
  ('renshe', '人力资源和社会保障', 'Human resources and social security'),
  ('minzheng', '民政', 'Civil affairs'),
  ('zhujian', '住房和城乡建设', 'Housing and urban-rural development'),
  ('shichang', '市场监督管理', 'Market regulation'),
  ('weijian', '卫生健康', 'Health'),
  ('tuijun', '退役军人事务', 'Veterans affairs'),
  ('canlian', '残疾人联合会', 'Disabled persons'' federation'),
  ('sifa', '司法行政', 'Justice'),
  ('wangge', '网格采集', 'Grid workers'),
  ('manual', '人工核定', 'Decided by an administrator');

insert into field_authorities (entity, field, source_code) values
  ('person', 'name', 'gongan'), ('person', 'gender', 'gongan'), ('person', 'birth_date', 'gongan'),
  ('person', 'ethnicity', 'gongan'), ('person', 'native_place', 'gongan'), ('person', 'huji_address', 'gongan'),
  ('person', 'person_type', 'gongan'),
  ('person', 'grid_code', 'wangge'), ('person', 'address_code', 'wangge'), ('person', 'phone', 'wangge'),
  ('person', 'employer', 'renshe'), ('person', 'occupation', 'renshe'), ('person', 'pension_insurance', 'renshe'),
  ('person', 'medical_insurance', 'renshe'), ('person', 'employment_status', 'renshe'),
  ('person', 'subsistence_allowance', 'minzheng'), ('person', 'disability_category', 'canlian'), ('person', 'disability_grade', 'canlian'),
  ('person', 'veteran', 'tuijun'),
  ('dwelling', 'area_m2', 'zhujian'), ('dwelling', 'usage', 'wangge'),
  ('organisation', 'name', 'shichang'), ('organisation', 'uscc', 'shichang'), ('organisation', 'legal_rep', 'shichang'),
  ('organisation', 'org_type', 'shichang'), ('organisation', 'industry', 'shichang'),
  ('organisation', 'head_count', 'renshe'), ('organisation', 'grid_code', 'wangge'), ('organisation', 'address', 'wangge');

insert into tag_types (code, name, name_en, focus, sort) values
  ('elderly_alone', '独居老人', 'Elderly living alone', false, 10),
  ('empty_nest', '空巢老人', 'Empty-nest elderly', false, 20),
  ('disabled', '残疾人', 'Person with a disability', false, 30),
  ('low_income', '低保对象', 'Minimum living allowance', false, 40),
  ('veteran', '退役军人', 'Veteran', false, 50),
  ('left_behind_child', '留守儿童', 'Left-behind child', false, 60),
  ('severe_mental', '严重精神障碍患者', 'Severe mental disorder', true, 70),
  ('community_correction', '社区矫正对象', 'Under community correction', true, 80),
  ('released_prisoner', '刑满释放人员', 'Released from prison', true, 90),
  ('drug_rehab', '社区戒毒康复人员', 'Drug rehabilitation', true, 100),
  ('petitioner', '重点信访人员', 'Persistent petitioner', true, 110),
  ('focus', '重点关注', 'Needs attention', true, 120);

-- The extra fields of a record are a few kilobytes of jsonb: lz4 compresses them about three times faster
-- than the default pglz, which decides how fast a million-row import runs. The embedded database is built
-- without lz4 and keeps pglz.
do $$
begin
  alter table people alter column extra set compression lz4;
  alter table organisations alter column extra set compression lz4;
  alter table dwellings alter column extra set compression lz4;
exception when feature_not_supported or invalid_parameter_value then
  null;
end $$;
