-- Extra fields of a case category (类别附加字段): what a reporter is asked beyond the description, such as the
-- kind of a missing manhole cover. Open311 publishes them as a service definition; the answers of a report are
-- kept in the detail of its first timeline row, so a category can gain or lose fields without touching cases.
create table case_category_attributes (
  category_code text not null references case_categories (code) on delete cascade,
  code text not null check (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  datatype text not null check (datatype in ('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist')),
  required boolean not null default false,
  -- false: the attribute only informs the reporter (Open311 "variable"), it takes no answer
  variable boolean not null default true,
  description text not null,
  datatype_description text,
  -- the order in which a form shows the attributes, 1 first (unique within a category, as Open311 asks)
  "order" int not null check ("order" > 0),
  -- the options of a list: [{"key": "...", "name": "..."}]; empty for the other datatypes
  "values" jsonb not null default '[]',
  primary key (category_code, code),
  unique (category_code, "order"),
  check (jsonb_typeof("values") = 'array'),
  check ((datatype in ('singlevaluelist', 'multivaluelist')) = (jsonb_array_length("values") > 0))
);
