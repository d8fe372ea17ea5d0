import { openCaseStates } from '@gongzhi/contracts';

/**
 * The facts one case contributes to the figures, each a SQL expression over its row (alias c) that
 * depends on nothing else — not on the time of day — so a recount gives what the job maintained.
 * They are counted on the day the case was reported (a cohort): "closed" for March is how many of
 * March's reports are closed now. Indicators (indicators.ts) are ratios of their sums.
 */
const open = `c.state in (${openCaseStates.map((s) => `'${s}'`).join(', ')})`;
const flag = (condition: string) => `(case when ${condition} then 1 else 0 end)`;

export const metricDefinitions = {
  reported: '1',
  registered: flag('c.registered_at is not null'),
  registered_on_time: flag(`c.registered_at is not null and not ('register' = any (c.late_stages))`),
  rejected: flag(`c.state = 'rejected'`),
  merged: flag(`c.state = 'merged'`),
  dispatched: flag('c.dispatched_at is not null'),
  // 派遣不准确: a unit sent it back as not theirs
  returned: flag('c.dispatched_at is not null and c.returned_count > 0'),
  handled: flag(`c.state in ('feedback', 'closed')`),
  handled_on_time: flag(`c.state in ('feedback', 'closed') and not ('handle' = any (c.late_stages))`),
  closed: flag(`c.state = 'closed'`),
  closed_on_time: flag(`c.state = 'closed' and not c.ever_overdue`),
  // 应结案: closed, or still open after a deadline passed
  due: flag(`c.state = 'closed' or (${open} and c.ever_overdue)`),
  // of those, suspended now (the clock stopped with the handling allowed)
  suspended_due: flag(`c.state = 'suspended' and c.ever_overdue`),
  reworked: flag('c.rework_count > 0'),
  extended: flag('c.extension_days > 0'),
  overdue: flag('c.ever_overdue'),
  escalated: flag('c.escalation_count > 0'),
  reopened: flag('c.reopened_count > 0'),
  open: flag(open),
  open_overdue: flag(`${open} and c.overdue_at is not null`),
  // each rated case once, by its latest rating: 不满意 reopens a case and clears its rating until it
  // is rated again, so a reopened case without a rating counts as dissatisfied
  rated: flag('c.rating is not null or c.reopened_count > 0'),
  satisfied: flag(`c.rating = 'satisfied'`),
  basically_satisfied: flag(`c.rating = 'basically_satisfied'`),
  dissatisfied: flag(`c.rating = 'dissatisfied' or (c.rating is null and c.reopened_count > 0)`),
  // wall-clock minutes from dispatch to closure, for 平均处置时长
  handle_minutes: `(case when c.state = 'closed' and c.dispatched_at is not null then round(extract(epoch from c.closed_at - c.dispatched_at) / 60)::bigint else 0 end)`,
} as const;

export type MetricName = keyof typeof metricDefinitions;
export const metricNames = Object.keys(metricDefinitions) as MetricName[];
export type Metrics = Record<MetricName, number>;

export const zeroMetrics = (): Metrics => Object.fromEntries(metricNames.map((m) => [m, 0])) as Metrics;
