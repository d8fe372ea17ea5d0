-- The work calendar (工作日历): the exceptions to the Monday–Friday rule, by Asia/Shanghai date.
--   holiday  a Monday–Friday that is a day off (法定节假日 and the weekdays of its block)
--   workday  a Saturday or Sunday that is a working day (调休上班)
-- Only exceptions are stored: the Saturdays and Sundays inside a holiday block are days off anyway,
-- so a holiday block is stored as its weekdays only (the service refuses a holiday on a weekend).
create table work_calendar_days (
  day date primary key,
  kind text not null check (kind in ('holiday', 'workday')),
  name text not null,
  updated_at timestamptz not null default now()
);

-- 2026, from the State Council notice (国务院办公厅关于2026年部分节假日安排的通知, 国办发明电〔2025〕).
insert into work_calendar_days (day, kind, name) values
  ('2026-01-01', 'holiday', '元旦'),
  ('2026-01-02', 'holiday', '元旦'),
  ('2026-01-04', 'workday', '元旦调休上班'),
  ('2026-02-14', 'workday', '春节调休上班'),
  ('2026-02-16', 'holiday', '春节'),
  ('2026-02-17', 'holiday', '春节'),
  ('2026-02-18', 'holiday', '春节'),
  ('2026-02-19', 'holiday', '春节'),
  ('2026-02-20', 'holiday', '春节'),
  ('2026-02-23', 'holiday', '春节'),
  ('2026-02-28', 'workday', '春节调休上班'),
  ('2026-04-06', 'holiday', '清明节'),
  ('2026-05-01', 'holiday', '劳动节'),
  ('2026-05-04', 'holiday', '劳动节'),
  ('2026-05-05', 'holiday', '劳动节'),
  ('2026-05-09', 'workday', '劳动节调休上班'),
  ('2026-06-19', 'holiday', '端午节'),
  ('2026-09-20', 'workday', '国庆节调休上班'),
  ('2026-09-25', 'holiday', '中秋节'),
  ('2026-10-01', 'holiday', '国庆节'),
  ('2026-10-02', 'holiday', '国庆节'),
  ('2026-10-05', 'holiday', '国庆节'),
  ('2026-10-06', 'holiday', '国庆节'),
  ('2026-10-07', 'holiday', '国庆节'),
  ('2026-10-10', 'workday', '国庆节调休上班');

-- 2027 is PROVISIONAL (预排): the notice was not published when this was written. It follows the
-- statutory days (元旦 1, 春节 4 incl. 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3; 13 in all) on the
-- 2027 lunar dates (除夕 Feb 5, 春节 Feb 6, 清明 Apr 5, 端午 Jun 9, 中秋 Sep 15), with bridging days
-- made up on weekends, no more than six working days in a row. 248 working days, as in 2026.
-- An administrator checks these rows against the official notice and edits them (PUT /calendar/days/:day).
insert into work_calendar_days (day, kind, name) values
  ('2027-01-01', 'holiday', '元旦（预排）'),
  ('2027-01-31', 'workday', '春节调休上班（预排）'),
  ('2027-02-05', 'holiday', '春节（预排）'),
  ('2027-02-08', 'holiday', '春节（预排）'),
  ('2027-02-09', 'holiday', '春节（预排）'),
  ('2027-02-10', 'holiday', '春节（预排）'),
  ('2027-02-11', 'holiday', '春节（预排）'),
  ('2027-02-12', 'holiday', '春节（预排）'),
  ('2027-02-14', 'workday', '春节调休上班（预排）'),
  ('2027-04-05', 'holiday', '清明节（预排）'),
  ('2027-05-03', 'holiday', '劳动节（预排）'),
  ('2027-05-04', 'holiday', '劳动节（预排）'),
  ('2027-05-05', 'holiday', '劳动节（预排）'),
  ('2027-05-08', 'workday', '劳动节调休上班（预排）'),
  ('2027-06-09', 'holiday', '端午节（预排）'),
  ('2027-09-15', 'holiday', '中秋节（预排）'),
  ('2027-09-26', 'workday', '国庆节调休上班（预排）'),
  ('2027-10-01', 'holiday', '国庆节（预排）'),
  ('2027-10-04', 'holiday', '国庆节（预排）'),
  ('2027-10-05', 'holiday', '国庆节（预排）'),
  ('2027-10-06', 'holiday', '国庆节（预排）'),
  ('2027-10-07', 'holiday', '国庆节（预排）'),
  ('2027-10-09', 'workday', '国庆节调休上班（预排）');
