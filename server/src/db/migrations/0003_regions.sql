-- Jurisdictions (national 12-digit division codes, hierarchy = code prefix) and unit grids.
create table regions (
  code char(12) primary key check (code ~ '^\d{12}$'),
  name text not null,
  level text not null check (level in ('province', 'city', 'county', 'township', 'village')),
  parent_code char(12) references regions (code),
  geom geometry(MultiPolygon, 4326),
  boundary_source text not null default 'imported' check (boundary_source in ('imported', 'generated', 'uploaded')),
  updated_at timestamptz not null default now()
);
create index regions_parent on regions (parent_code);
create index regions_geom on regions using gist (geom);

create table grids (
  id uuid primary key default gen_random_uuid(),
  code char(15) not null unique check (code ~ '^\d{15}$'),
  community_code char(12) not null references regions (code),
  -- kept in every large table so the schema can be distributed by county later
  county_code char(6) not null,
  name text not null,
  type text not null check (type in ('comprehensive', 'dedicated')),
  dedicated_kind text,
  geom geometry(MultiPolygon, 4326) not null check (st_isvalid(geom)),
  area_m2 double precision not null,
  geometry_source text not null check (geometry_source in ('generated', 'drawn', 'uploaded')),
  retired_at timestamptz,
  retired_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (substr(code, 1, 12) = community_code),
  check (substr(code, 1, 6) = county_code)
);
create index grids_community on grids (community_code);
create index grids_geom on grids using gist (geom) where retired_at is null;

create table grid_staff (
  grid_id uuid not null references grids (id) on delete cascade,
  user_id uuid not null references users (id),
  duty text not null check (duty in ('head', 'worker')),
  primary key (grid_id, user_id)
);
create unique index grid_staff_one_head on grid_staff (grid_id) where duty = 'head';
create index grid_staff_user on grid_staff (user_id);
