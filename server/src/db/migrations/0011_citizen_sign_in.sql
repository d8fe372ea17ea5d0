-- Citizens sign in with a mobile number and a one-time code sent by SMS. The number is personal data:
-- sealed (AES-256-GCM) with a keyed hash beside it for look-up, like base data's phones. The codes
-- are kept only as keyed hashes, with the tries spent on them, and serve as the rate-limit ledger too.
alter table users add column phone_hash text;
alter table users add column phone_cipher bytea;
create unique index users_phone_hash on users (phone_hash) where phone_hash is not null;

create table otp_codes (
  id uuid primary key default gen_random_uuid(),
  phone_hash text not null,
  code_hash text not null,
  ip text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  attempts int not null default 0,
  -- set when the code signs someone in, is burnt by too many wrong tries, or could not be sent
  used_at timestamptz
);
create index otp_codes_phone on otp_codes (phone_hash, created_at desc);
create index otp_codes_ip on otp_codes (ip, created_at desc);
