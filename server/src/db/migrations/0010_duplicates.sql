-- Likely-duplicate flagging: per category, how far (metres) and how long back (hours) a new report
-- looks for an open case of the same category. Null means the default of the category's class
-- (duplicateDefaults in category-defaults.ts); categories seeded before this migration get them here.
alter table case_categories
  add column duplicate_radius_m int check (duplicate_radius_m between 1 and 5000),
  add column duplicate_window_hours int check (duplicate_window_hours between 1 and 8760);

update case_categories set
  duplicate_radius_m = case
    when code like 'C%' then 50
    when code like 'E03%' or code like 'E04%' or code like 'S05%' then 200
    when code like 'S01%' then 50
    else 100 end,
  duplicate_window_hours = case
    when code like 'C%' then 720
    when code like 'E04%' then 24
    when code like 'S05%' then 48
    when code like 'E03%' or code like 'E02%' or code like 'S02%' then 168
    when code like 'S%' then 336
    else 72 end;
