-- Accounts: units (departments and offices), users with one role and one jurisdiction scope,
-- browser sessions and API keys for other systems.
create table units (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  kind text not null check (kind in ('department', 'office')),
  region_code char(12) not null check (region_code ~ '^\d{12}$'),
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  role text not null check (role in ('admin', 'leader', 'dispatcher', 'handler', 'verifier', 'grid_worker', 'data_admin', 'citizen')),
  -- a 12-digit division code or a 15-digit grid code
  scope_code varchar(15) not null check (scope_code ~ '^(\d{12}|\d{15})$'),
  unit_id uuid references units (id),
  phone text,
  disabled boolean not null default false,
  failed_attempts int not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index users_scope on users (scope_code text_pattern_ops);

create table sessions (
  -- sha-256 of the cookie's token: a leaked table does not leak live sessions
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id);

create table api_keys (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  prefix text not null,
  secret_hash text not null unique,
  scope_code varchar(15) not null check (scope_code ~ '^(\d{12}|\d{15})$'),
  permissions text[] not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
