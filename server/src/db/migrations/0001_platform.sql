-- Platform tables: PostGIS, audit log, outbox of domain events, sessions and API keys.
create extension if not exists postgis;

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_kind text not null check (actor_kind in ('user', 'api_key', 'anonymous', 'system')),
  actor_id uuid,
  -- the account name at the time; for a failed login, the name that was tried
  actor_name text,
  action text not null,
  target_type text,
  target_id text,
  ip text,
  detail jsonb not null default '{}'
);
create index audit_log_at on audit_log (at desc);
create index audit_log_actor on audit_log (actor_id, at desc);

-- Domain events leave through this outbox, written in the same transaction as the change.
create table outbox (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  topic text not null,
  aggregate_type text not null,
  aggregate_id text not null,
  payload jsonb not null,
  published_at timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;
