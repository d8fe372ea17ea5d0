-- 人机协同: every report gets the text classifier's reading soon after intake (kept on the case), a case
-- read with enough confidence is registered and dispatched without a person, and what dispatchers do
-- instead of the suggestion is kept for the next training.

-- The classifier's reading of the report, written by the auto-dispatch job (cases/auto-dispatch-job.ts)
-- rather than by intake, which stays one statement. classified_at is null until the job has read it.
alter table cases
  add column suggested_label text,
  add column suggested_confidence real,
  add column suggested_unit_id uuid references units (id),
  add column classifier_model_id uuid references classifier_models (id),
  add column classified_at timestamptz;
-- what the job still has to read: new reports only, so the index stays small however many cases there are
create index cases_unclassified on cases (reported_at) where classified_at is null and state = 'reported';

-- Every human dispatch whose lead unit is one a label goes to: the text, what the model said and what the
-- dispatcher chose. `agreed` rows confirm the model; the others correct it. Training reads the latest
-- choice per case.
create table classifier_corrections (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  text text not null,
  suggested_label text,
  chosen_label text not null,
  agreed boolean not null,
  model_id uuid references classifier_models (id),
  chosen_by uuid,
  chosen_by_name text not null,
  chosen_at timestamptz not null default now()
);
create index classifier_corrections_case on classifier_corrections (case_id, chosen_at desc);
create index classifier_corrections_at on classifier_corrections (chosen_at);

-- One row: the administrator's threshold for automatic dispatch (null = every report waits for a
-- person) and when the scheduled retraining runs.
create table classifier_settings (
  id boolean primary key default true check (id),
  auto_dispatch_threshold real check (auto_dispatch_threshold is null or (auto_dispatch_threshold >= 0.5 and auto_dispatch_threshold <= 1)),
  retrain_interval_hours integer not null default 168 check (retrain_interval_hours between 1 and 8760),
  retrain_min_corrections integer not null default 20 check (retrain_min_corrections between 1 and 100000),
  updated_by_name text,
  updated_at timestamptz not null default now()
);
insert into classifier_settings (id) values (true);
