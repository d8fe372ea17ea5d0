-- 一张报表 (issue 5): weekly, monthly and custom reports of a jurisdiction, generated as Excel workbooks on
-- demand and by a schedule, and kept for download. The workbook's bytes live in the row (tens of KB each):
-- they are backed up and removed with it, and read the same on PGlite and PostgreSQL.
create table stat_reports (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('weekly', 'monthly', 'custom')),
  region_code text not null,
  region_name text not null,
  period_from date not null,
  period_to date not null check (period_to >= period_from),
  title text not null,
  -- null: made by the schedule ('system')
  generated_by uuid,
  generated_by_name text not null,
  scheduled boolean not null default false,
  generated_at timestamptz not null default now(),
  content bytea not null,
  size int not null,
  sheet_count int not null
);
-- the schedule makes one report per kind, region and period however often it runs
create unique index stat_reports_scheduled on stat_reports (kind, region_code, period_from) where scheduled;
create index stat_reports_region on stat_reports (region_code, generated_at desc);
