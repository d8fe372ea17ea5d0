-- Automatic case classification (自动分类): the text classifiers trained in-process, one of them current,
-- and the unit each label of the training data goes to.

-- Every trained model is kept: a retrained model becomes current only when it scores at least as well on
-- its held-out messages as the current one (classify/model-choice.ts), so the previous one stays available.
create table classifier_models (
  id uuid primary key default gen_random_uuid(),
  created_at timestamptz not null default now(),
  -- who trained it: an account's or API key's name, or 'system' for the model trained on first use
  trained_by text not null,
  trained_by_id uuid,
  -- where the examples came from (a file name), for the record
  source text not null,
  labels text[] not null,
  -- held-out macro-F1 and per-label precision/recall/F1, the same on raw-like text, training time, options
  metrics jsonb not null,
  -- the serialised model (gzipped JSON with float32 arrays, classify/classifier.ts), a few MB
  model bytea not null,
  is_current boolean not null default false
);
-- at most one current model
create unique index classifier_models_current on classifier_models (is_current) where is_current;

-- Label → responsible unit, for dispatch. A unit is named by its department key, the suffix of the
-- district's unit codes (370303-ZJ → ZJ; accounts/seed.ts), so one table serves every county: the unit of
-- a case is `<county code>-<unit_key>`. The short name is what people read next to a suggestion.
create table classifier_label_units (
  label text primary key,
  unit_key text not null check (unit_key ~ '^[A-Z]{2,8}$'),
  unit_short_name text not null
);

insert into classifier_label_units (label, unit_key, unit_short_name) values
  ('城乡建设', 'ZJ', '住建'),
  ('环境保护', 'HB', '生态环境'),
  ('交通运输', 'JT', '交通运输'),
  ('教育文体', 'JY', '教育体育'),
  ('劳动和社会保障', 'RS', '人社'),
  ('商贸旅游', 'SW', '商务'),
  ('卫生计生', 'WJ', '卫健');
