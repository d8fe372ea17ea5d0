-- 驾驶舱 and 综合评价 (issue 5): rollups of the cases, maintained incrementally by a job and equal to a recount.
--
-- Every figure is a count over cases attributed to the day the case was reported (a cohort): "closed"
-- for March is how many of March's reports are closed now. A case's contribution is a row of 0/1 facts
-- (stats/metrics.ts), kept in case_stat_snapshots as last counted; when the case changes, the job adds
-- (now − then) to every rollup row the case belongs to. A recount from the cases gives the same numbers.

-- a stage that ended after its deadline is remembered (按期立案, 按期处置 need it after the clock moved on)
alter table cases add column late_stages text[] not null default '{}';

-- Cases whose figures changed since the job last counted them. A trigger marks every update, so no code
-- path that changes a case can forget; the job clears the mark in the same transaction as it counts.
alter table cases add column stats_dirty boolean not null default true;
create index cases_stats_dirty on cases (id) where stats_dirty;

create function cases_mark_stats_dirty() returns trigger language plpgsql as $$
begin
  -- the job itself sets the mark false; any other update leaves it as it was, and is marked here
  if new.stats_dirty is not distinct from old.stats_dirty then
    new.stats_dirty := true;
  end if;
  return new;
end $$;
create trigger cases_stats_dirty before update on cases for each row execute function cases_mark_stats_dirty();

-- What each case contributed when it was last counted: its keys and its facts.
create table case_stat_snapshots (
  case_id uuid primary key references cases (id),
  day date not null,
  county_code text not null,
  street_code text not null,
  community_code text not null,
  category_code text not null,
  source text not null,
  unit_id uuid,
  reporter_id uuid,
  reported int not null, registered int not null, registered_on_time int not null, rejected int not null, merged int not null,
  dispatched int not null, returned int not null, handled int not null, handled_on_time int not null,
  closed int not null, closed_on_time int not null, due int not null, suspended_due int not null,
  reworked int not null, extended int not null, overdue int not null, escalated int not null, reopened int not null,
  open int not null, open_overdue int not null,
  rated int not null, satisfied int not null, basically_satisfied int not null, dissatisfied int not null,
  handle_minutes bigint not null
);

-- The rollups, only where counting the cases themselves would be too slow for a dashboard. bucket: a day
-- ('d'), a month ('m') or a year ('y') starting on bucket_start, so that any period is a handful of rows per
-- key (stats/periods.ts). level: the region the row counts, by its code's significant prefix — a city (4
-- digits), a county (6), a street (12) or a community (12). dim: 'all', or a breakdown by category, source
-- or lead unit, kept for cities and counties only: a street holds few enough cases to be counted directly
-- (stats/figures.service.ts), and so do grid workers' rankings, which are per street and below.
create table case_stats (
  level text not null check (level in ('city', 'county', 'street', 'community')),
  dim text not null check (dim in ('all', 'category', 'source', 'unit')),
  bucket char(1) not null check (bucket in ('d', 'm', 'y')),
  bucket_start date not null,
  region_code text not null,
  dim_value text not null,
  reported bigint not null default 0, registered bigint not null default 0, registered_on_time bigint not null default 0,
  rejected bigint not null default 0, merged bigint not null default 0, dispatched bigint not null default 0,
  returned bigint not null default 0, handled bigint not null default 0, handled_on_time bigint not null default 0,
  closed bigint not null default 0, closed_on_time bigint not null default 0, due bigint not null default 0,
  suspended_due bigint not null default 0, reworked bigint not null default 0, extended bigint not null default 0,
  overdue bigint not null default 0, escalated bigint not null default 0, reopened bigint not null default 0,
  open bigint not null default 0, open_overdue bigint not null default 0, rated bigint not null default 0,
  satisfied bigint not null default 0, basically_satisfied bigint not null default 0, dissatisfied bigint not null default 0,
  handle_minutes bigint not null default 0,
  primary key (level, dim, bucket, bucket_start, region_code, dim_value)
);
-- the primary key serves wide regions (a city's counties in one range per bucket); a narrow one — a
-- community's trend over two years — reads its own rows first
create index case_stats_region on case_stats (level, dim, region_code, bucket, bucket_start);

-- 综合评价: the indicators are formulas over the summed facts (stats/formula.ts), kept as data an
-- administrator edits; `unit` says how to show the value.
create table indicator_definitions (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name text not null,
  name_en text not null,
  formula text not null,
  unit text not null check (unit in ('ratio', 'hours', 'count')),
  -- true: higher is better (rankings sort by it descending)
  higher_is_better boolean not null,
  sort int not null,
  updated_by_name text,
  updated_at timestamptz not null default now()
);
insert into indicator_definitions (code, name, name_en, formula, unit, higher_is_better, sort) values
  ('reports', '上报数', 'Reports', 'reported', 'count', true, 10),
  ('registration_rate', '立案率', 'Registration rate', 'registered / reported', 'ratio', true, 20),
  ('on_time_registration_rate', '按期立案率', 'On-time registration rate', 'registered_on_time / registered', 'ratio', true, 30),
  ('dispatch_accuracy', '派遣准确率', 'Dispatch accuracy', '(dispatched - returned) / dispatched', 'ratio', true, 40),
  ('closure_rate', '结案率', 'Closure rate', 'closed / registered', 'ratio', true, 50),
  ('on_time_handling_rate', '按期处置率', 'On-time handling rate', 'handled_on_time / handled', 'ratio', true, 60),
  ('on_time_closure_rate', '按期结案率', 'On-time closure rate', 'closed_on_time / (due - suspended_due)', 'ratio', true, 70),
  ('rework_rate', '返工率', 'Rework rate', 'reworked / closed', 'ratio', false, 80),
  ('extension_rate', '延期率', 'Extension rate', 'extended / dispatched', 'ratio', false, 90),
  ('overdue_rate', '超期率', 'Overdue rate', 'overdue / registered', 'ratio', false, 100),
  ('satisfaction_rate', '满意率', 'Satisfaction rate', '(satisfied + basically_satisfied) / rated', 'ratio', true, 110),
  ('average_handling_hours', '平均处置时长', 'Average handling time', 'handle_minutes / closed / 60', 'hours', false, 120),
  ('valid_report_rate', '有效上报率', 'Valid report rate', 'registered / reported', 'ratio', true, 130);

-- what the live tiles count as it happens: closures and escalations today
create index cases_closed_at on cases (closed_at) where closed_at is not null;
create index case_events_escalations on case_events (at) where action in ('escalate', 'auto_escalate');
