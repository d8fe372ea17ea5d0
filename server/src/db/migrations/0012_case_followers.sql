-- The citizen channel: citizens follow an open case instead of reporting it a second time; anonymous
-- reporters get a follow-up code (查询码) to look their report up; anonymous requests are rate-limited
-- per client address from a ledger in the database (no in-memory state, so limits hold across processes).
create table case_followers (
  case_id uuid not null references cases (id),
  user_id uuid not null references users (id),
  created_at timestamptz not null default now(),
  primary key (case_id, user_id)
);
create index case_followers_user on case_followers (user_id, created_at desc);

-- an anonymous report's follow-up code, kept only as a keyed hash (HMAC of case id and code)
create table case_lookup_codes (
  case_id uuid primary key references cases (id),
  code_hash text not null,
  created_at timestamptz not null default now()
);

-- what anonymous callers did, per client address: reports, photo uploads and failed look-ups
create table public_requests (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('report', 'photo', 'lookup_failed')),
  ip text not null,
  at timestamptz not null default now()
);
create index public_requests_ip on public_requests (ip, kind, at desc);
