import type { CaseLevel, CasePriority, CaseStage, CaseState, TimelineAction } from '@gongzhi/contracts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { staffName } from '../../seed/names.js';
import { officeCode, unitIdsByCode, unitsByIds, type UnitRow } from '../accounts/index.js';
import { addWorkingMinutes, loadCalendar, shanghaiDay, workingMinutesBetween, type WorkCalendar } from '../calendar/index.js';
import { demoCounty, regionNames } from '../regions/index.js';
import { seededRandom } from '../regions/partition/random.js';
import { extendStage, minimumLimit, stageLimit, startStage, workingDayMinutes, type StageLimits } from './deadlines.js';
import { autoEscalatingStates, levelAbove } from './levels.js';
import { dispatchable, suggestUnit, type CasePlace } from './routing.service.js';
import { pickRule } from './routing.js';

/**
 * Six months of history for the demo district: ~100 reports a day, each taken through the loop the
 * way people and the deadline job would have taken it (the same transitions, stage clocks, reminders,
 * overdue marks and escalations), written in bulk. History, not live events: no outbox rows, no photos.
 * The simulation (`simulateCase`) is a pure function; `seedDemoCases` places, names and writes.
 */

type Rng = () => number;

// ---- the mix -------------------------------------------------------------------------------------

const historyDays = 183;
const perDay = 100;
/** Shares of what happens to a case (of all cases unless noted). */
const odds = {
  reject: 0.04, duplicate: 0.02, return: 0.055, extension: 0.03, extensionApproved: 0.85, suspension: 0.01, rework: 0.06,
  rated: 0.78, dissatisfied: 0.05, basically: 0.15, assist: 0.4, slowHandle: 0.038, slowVerify: 0.015, slowIntake: 0.006,
  /** community cases sent up to the street, street cases sent up to the district (by people, not the job) */
  escalateCommunity: 0.14, escalateStreet: 0.1, urgeAfterOverdue: 0.5, urgeAfterRemind: 0.1,
  /** recent cases that wait at the command centre for more information */
  stall: 0.02,
};
/** Reports within this many days may stall at the command centre. */
const openHorizonDays = 14;

/** Daily weight of the everyday leaf categories; others get `rareWeight`. */
const categoryWeight: Record<string, number> = {
  E0101: 12, E0103: 6, E0201: 8, E0502: 7, E0501: 5, E0504: 6, E0505: 3, C0101: 3, C0103: 4, C0205: 3, S0101: 4, S0103: 4,
  C0302: 3, E0102: 2, E0303: 1.5, E0301: 2, E0302: 1.5, E0503: 1.5, C0102: 1.5, C0202: 0.8, C0203: 1, C0204: 0.5, C0201: 0.8,
  C0301: 0.8, C0303: 0.8, C0401: 0.4, C0402: 1.5, C0403: 1, C0501: 0.3, C0502: 0.5, C0503: 0.3, E0104: 0.5, E0105: 1,
  E0202: 1.2, E0203: 1, E0304: 0.8, E0401: 0.05, E0402: 0.15, E0403: 0.05, E0404: 0.4, E0405: 0.5, S0102: 1.5, S0104: 1,
  S0105: 0.5, S0201: 0.8, S0202: 1.5, S0203: 1.5, S0301: 1.2, S0302: 0.5, S0303: 0.3, S0401: 1, S0402: 0.6, S0403: 0.4,
  S0404: 0.5, S0405: 1, S0406: 2, S0501: 2, S0502: 0.6, S0503: 0.3, S0601: 0.6, S0602: 0.1, S0701: 0.8, S0702: 1.5, S0703: 0.3,
};
const rareWeight = 0.3;
/** Rural grids see more burning and land disputes, urban ones more street trading and parking. */
const ruralFactor: Record<string, number> = { E0105: 4, S0105: 5, E0102: 1.5, E0502: 0.4, E0501: 0.6, E0504: 0.3, E0505: 0.5, C0204: 0.3, S0406: 0.3, S0103: 0.4 };

export type Reporting = 'grid_worker' | 'hotline' | 'citizen' | 'dispatcher' | 'leader';
const sourceShares: Record<'work' | 'off', Record<Reporting, number>> = {
  work: { grid_worker: 50, hotline: 27, citizen: 12, dispatcher: 8, leader: 3 },
  off: { grid_worker: 30, hotline: 38, citizen: 22, dispatcher: 9, leader: 1 },
};
/** Reports per hour of the day (Asia/Shanghai), by source. */
const hourProfile: Record<Reporting, number[]> = {
  grid_worker: [0, 0, 0, 0, 0, 0, 0.2, 1, 4, 6, 6, 5, 2, 2, 4, 6, 6, 4, 1, 0.3, 0.1, 0, 0, 0],
  hotline: [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 3, 4, 4, 3.5, 2.5, 2.5, 3.5, 4, 3.5, 3, 2.5, 2.5, 2.5, 2, 1.2, 0.6],
  citizen: [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 1.5, 2.5, 3, 3, 2.5, 2, 2, 2.5, 2.5, 2.5, 2.5, 3, 3.5, 3.5, 3, 2, 1],
  dispatcher: [0.5, 0.4, 0.3, 0.3, 0.3, 0.4, 1, 2, 3, 3, 3, 3, 2, 2, 3, 3, 3, 2.5, 2, 1.5, 1.5, 1, 0.8, 0.6],
  leader: [0, 0, 0, 0, 0, 0, 0, 0.5, 3, 4, 4, 2, 0.5, 1, 3, 4, 3, 1, 0, 0, 0, 0, 0, 0],
};
/** Patrols find components and events; callers complain about what touches their homes. */
const classAffinity: Record<Reporting, Record<'C' | 'E' | 'S', number>> = {
  grid_worker: { C: 1.3, E: 1.3, S: 0.6 },
  hotline: { C: 0.8, E: 0.8, S: 1.8 },
  citizen: { C: 1.1, E: 0.9, S: 1.4 },
  dispatcher: { C: 1.2, E: 1.4, S: 0.3 },
  leader: { C: 1, E: 1, S: 1 },
};
/** Units that often help the lead unit (district level): a unit code, or the street office. */
const assistOf: Record<string, string> = { E0303: 'JT', E0401: 'GA', E0402: 'street', E0403: 'YJ', E0404: 'street', E0302: 'ZF', E0503: 'ZF', S0602: 'GA', S0601: 'street' };

// ---- small helpers -------------------------------------------------------------------------------

const MINUTE = 60_000;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
function weighted<T>(rng: Rng, items: readonly T[], weight: (t: T) => number): T {
  let total = 0;
  for (const i of items) total += weight(i);
  let r = rng() * total;
  for (const i of items) if ((r -= weight(i)) < 0) return i;
  return items[items.length - 1]!;
}
/** Draws from a fixed weighted list by binary search (for the hot loops). */
function sampler<T>(items: readonly T[], weights: readonly number[]): (rng: Rng) => T {
  const cumulative: number[] = [];
  weights.reduce((sum, w) => (cumulative.push(sum + w), sum + w), 0);
  const total = cumulative[cumulative.length - 1]!;
  return (rng) => {
    const r = rng() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}
/** A log-normal draw around `median` (spread `sigma`), for human delays. */
function lognormal(rng: Rng, median: number, sigma = 0.8): number {
  const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return median * Math.exp(sigma * z);
}
const later = (t: Date, ms: number) => new Date(t.getTime() + ms);
const maxDate = (a: Date, b: Date) => (a > b ? a : b);

// ---- the simulation ------------------------------------------------------------------------------

export interface Party {
  id: string | null;
  name: string;
  role: string;
  unitId: string | null;
}
export interface SimUnit {
  id: string;
  name: string;
}

export interface Step {
  at: Date;
  action: TimelineAction;
  actor: Party | null;
  unitId: string | null;
  from: CaseState | null;
  to: CaseState | null;
  note: string | null;
  detail: Record<string, unknown>;
}

/** Who takes part in a case; the seeder resolves them from the place and the routing rules. */
export interface Cast {
  /** The dispatcher who coordinates at a level. */
  dispatcher(level: CaseLevel): Party;
  /** The suggested lead unit at a level. */
  lead(level: CaseLevel): SimUnit;
  /** Who takes a case its lead unit returned: the office of the place; null when no one else may. */
  fallback(level: CaseLevel, returned: SimUnit): SimUnit | null;
  /** A unit that helps the lead unit at district level, if the category has one. */
  assist: SimUnit | null;
  handler(unit: SimUnit): Party;
  verifier: Party;
  reporter: Party;
}

export type NoteKind =
  | 'register' | 'reject' | 'merge' | 'dispatch' | 'return' | 'feedback' | 'refeedback' | 'assist' | 'extension' | 'extensionYes'
  | 'extensionNo' | 'suspension' | 'suspensionYes' | 'resume' | 'escalateCommunity' | 'escalateStreet' | 'urge' | 'urgeOverdue'
  | 'close' | 'rework' | 'satisfied' | 'basically_satisfied' | 'dissatisfied';

export interface CaseStory {
  reportedAt: Date;
  now: Date;
  cal: WorkCalendar;
  categoryCode: string;
  source: Reporting;
  /** The reporter's account (a grid worker, the dispatcher, the leader); null for callers. */
  reporterId: string | null;
  level: CaseLevel;
  priority: CasePriority;
  limits: StageLimits;
  cast: Cast;
  say: (kind: NoteKind, rng: Rng) => string | null;
  rng: Rng;
  /** A second report of an open case: merged into it at intake when it is still open then. */
  duplicateOf: { number: string; openAt(at: Date): boolean } | null;
  /** No stalls at the command centre (for old reports: what waits there is recent). */
  calm: boolean;
}

interface Clock {
  stage: CaseStage;
  startedAt: Date;
  warnAt: Date;
  dueAt: Date;
  warnedAt: Date | null;
  overdueAt: Date | null;
  /** When the clock was last set: the deadline job notices a passed time on its next scan after this. */
  since: Date;
}

export interface SimRequest {
  kind: 'extension' | 'suspension';
  workingDays: number | null;
  reason: string;
  unitId: string;
  by: Party;
  at: Date;
  decision: { approved: boolean; by: Party; at: Date; note: string | null } | null;
}

type Rating = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

export interface Lifecycle {
  steps: Step[];
  /** The duplicate was merged: this step goes on the target's timeline (its detail gets the number). */
  mergedIn: Step | null;
  state: CaseState;
  level: CaseLevel;
  version: number;
  lead: SimUnit | null;
  clock: Omit<Clock, 'since'> | null;
  suspendedMinutesLeft: number | null;
  everOverdue: boolean;
  returned: number;
  reworked: number;
  reopened: number;
  escalated: number;
  extensionDays: number;
  firstReceiver: Party | null;
  registeredAt: Date | null;
  dispatchedAt: Date | null;
  closedAt: Date | null;
  rating: { rating: Rating; note: string | null; at: Date } | null;
  updatedAt: Date;
  units: Array<{ unit: SimUnit; role: 'lead' | 'assist'; state: 'dispatched' | 'signed' | 'done' | 'returned'; dispatchedAt: Date }>;
  requests: SimRequest[];
}

/** What happens to a case, drawn up front so the draws do not depend on the path taken. */
function drawFate(s: CaseStory) {
  const r = s.rng;
  const rating = r() < odds.dissatisfied ? 'dissatisfied' : r() < odds.basically / (1 - odds.dissatisfied) ? 'basically_satisfied' : 'satisfied';
  return {
    reject: r() < odds.reject,
    ret: r() < odds.return,
    extension: r() < odds.extension,
    extensionApproved: r() < odds.extensionApproved,
    suspension: r() < odds.suspension,
    rework: r() < odds.rework,
    escalate: r() < (s.level === 'community' ? odds.escalateCommunity : s.level === 'street' ? odds.escalateStreet : 0),
    escalateAgain: r() < 0.25,
    slowHandle: r() < odds.slowHandle,
    slowVerify: r() < odds.slowVerify,
    slowIntake: r() < odds.slowIntake,
    // only the district centre lets a case wait: a station's overdue case goes up a level at once
    stall: !s.calm && s.level === 'district' && r() < odds.stall ? (r() < 0.5 ? 'reported' : 'registered') : null,
    assist: s.cast.assist !== null && r() < odds.assist,
    rated: r() < odds.rated,
    rating: rating as Rating,
    // after 重办 people are mostly content, though less than the first time
    secondRating: (r() < 0.2 ? 'dissatisfied' : r() < 0.45 ? 'basically_satisfied' : 'satisfied') as Rating,
  };
}

class Story {
  readonly steps: Step[] = [];
  mergedIn: Step | null = null;
  state: CaseState = 'reported';
  level: CaseLevel;
  version = 1;
  lead: SimUnit | null = null;
  clock: Clock | null = null;
  suspendedMinutesLeft: number | null = null;
  everOverdue = false;
  returned = 0;
  reworked = 0;
  reopened = 0;
  escalated = 0;
  extensionDays = 0;
  firstReceiver: Party | null = null;
  registeredAt: Date | null = null;
  dispatchedAt: Date | null = null;
  closedAt: Date | null = null;
  rating: Lifecycle['rating'] = null;
  updatedAt: Date;
  readonly units = new Map<string, Lifecycle['units'][number]>();
  readonly requests: SimRequest[] = [];
  /** The time of the last thing that happened. */
  t: Date;
  going = true;
  private readonly fate: ReturnType<typeof drawFate>;
  /** Per handling episode: what has been done already. */
  private episode = { kind: 'first' as 'first' | 'again', extension: false, suspension: false, escalation: false };
  private escalationsPlanned: number;
  /** The unit that returned the case, until it is dispatched again. */
  private returnedBy: SimUnit | null = null;

  constructor(private readonly s: CaseStory) {
    this.level = s.level;
    this.t = s.reportedAt;
    this.updatedAt = s.reportedAt;
    this.fate = drawFate(s);
    this.escalationsPlanned = this.fate.escalate ? (this.fate.escalateAgain ? 2 : 1) : 0;
  }

  run(): Lifecycle {
    const s = this.s;
    const receivedByDispatcher = s.source === 'hotline' || s.source === 'dispatcher';
    this.steps.push({ at: s.reportedAt, action: 'report', actor: s.cast.reporter, unitId: s.cast.reporter.unitId, from: null, to: 'reported', note: null, detail: { source: s.source, categoryCode: s.categoryCode } });
    if (receivedByDispatcher) this.firstReceiver = s.cast.reporter;
    this.startClock('register', s.reportedAt);
    for (let guard = 0; this.going && guard < 80; guard++) {
      if (this.state === 'reported') this.intake();
      else if (this.state === 'registered') this.dispatch();
      else if (this.state === 'dispatched') this.sign();
      else if (this.state === 'handling') this.handle();
      else if (this.state === 'suspended') this.resume();
      else if (this.state === 'feedback') this.verify();
      else if (this.state === 'closed') this.rate();
      else this.going = false;
    }
    return {
      steps: this.steps, mergedIn: this.mergedIn, state: this.state, level: this.level, version: this.version, lead: this.lead,
      clock: this.clock && { stage: this.clock.stage, startedAt: this.clock.startedAt, warnAt: this.clock.warnAt, dueAt: this.clock.dueAt, warnedAt: this.clock.warnedAt, overdueAt: this.clock.overdueAt },
      suspendedMinutesLeft: this.suspendedMinutesLeft, everOverdue: this.everOverdue, returned: this.returned, reworked: this.reworked,
      reopened: this.reopened, escalated: this.escalated, extensionDays: this.extensionDays, firstReceiver: this.firstReceiver,
      registeredAt: this.registeredAt, dispatchedAt: this.dispatchedAt, closedAt: this.closedAt, rating: this.rating, updatedAt: this.updatedAt,
      units: [...this.units.values()], requests: this.requests,
    };
  }

  // -- time --

  private get rng() {
    return this.s.rng;
  }
  private limit(stage: CaseStage) {
    return stageLimit(this.s.limits, stage, this.s.priority);
  }
  /** Office hours: `median` working minutes after `from` (at least one). */
  private office(from: Date, median: number, sigma = 0.8): Date {
    return addWorkingMinutes(this.s.cal, from, Math.max(1, lognormal(this.rng, median, sigma)));
  }
  /** The command centre works round the clock, slower at night. */
  private centre(from: Date, median: number): Date {
    const hour = (from.getUTCHours() + 8) % 24;
    const night = hour >= 22 || hour < 7 ? 2.5 : 1;
    return later(from, Math.max(1, lognormal(this.rng, median * night, 0.7)) * MINUTE);
  }
  /**
   * When the coordinating dispatcher of the current level acts: the district centre round the clock
   * (`median` wall-clock minutes), street and community stations in office hours, well inside the stage's limit.
   */
  private dispatcherTime(from: Date, median: number, stage: CaseStage): Date {
    const urgent = this.s.priority === 'normal' ? 1 : 0.4;
    return this.level === 'district' ? this.centre(from, median * urgent) : this.office(from, this.limit(stage) * 0.2, 0.6);
  }
  /** The instant `share` of the running clock's limit has been used. */
  private intoClock(share: number): Date {
    const c = this.clock!;
    const total = workingMinutesBetween(this.s.cal, c.startedAt, c.dueAt);
    return addWorkingMinutes(this.s.cal, c.startedAt, Math.max(1, total * share));
  }

  private startClock(stage: CaseStage, at: Date, minutes?: number) {
    const c = startStage(this.s.cal, stage, at, minutes ?? this.limit(stage));
    this.clock = { ...c, warnedAt: null, overdueAt: null, since: at };
  }

  /** The deadline job's scan that first sees a passed time. */
  private jobTime(trigger: Date, since: Date): Date {
    return maxDate(later(maxDate(trigger, since), (5 + this.rng() * 50) * 1000), later(this.t, 1000));
  }

  /**
   * Lets time run until `at`, when someone means to act: the deadline job reminds, marks overdue or
   * escalates on the way. False when the story stops (at is after now) or the job escalated the case.
   */
  private waitFor(at: Date): boolean {
    const until = at < this.s.now ? at : this.s.now;
    const c = this.clock;
    if (c && !c.warnedAt && c.warnAt <= until) {
      const when = this.jobTime(c.warnAt, c.since);
      if (when <= until) {
        c.warnedAt = when;
        this.system('remind', when, { stage: c.stage, dueAt: c.dueAt.toISOString() });
        if (this.rng() < odds.urgeAfterRemind) this.urge(when, until, 'urge');
      }
    }
    if (c && !c.overdueAt && c.dueAt <= until) {
      const when = this.jobTime(c.dueAt, c.since);
      if (when <= until) {
        if (levelAbove(this.level) && (autoEscalatingStates as readonly string[]).includes(this.state)) {
          this.escalate(when, null, null);
          return false;
        }
        c.overdueAt = when;
        this.everOverdue = true;
        this.system('overdue', when, { stage: c.stage, dueAt: c.dueAt.toISOString() });
        if (this.rng() < odds.urgeAfterOverdue) this.urge(when, until, 'urgeOverdue');
      }
    }
    if (this.next(at) > this.s.now) {
      this.going = false;
      return false;
    }
    return true;
  }

  /** Steps follow each other: an action meant for `at` happens no earlier than a second after the last step. */
  private next(at: Date): Date {
    return at > this.t ? at : later(this.t, 1000);
  }

  private urge(after: Date, before: Date, kind: 'urge' | 'urgeOverdue') {
    if (!['dispatched', 'handling', 'feedback'].includes(this.state)) return;
    const at = this.dispatcherTime(after, 20, 'dispatch');
    if (at >= before) return;
    this.act('urge', at, this.s.cast.dispatcher(this.level), this.state, { note: this.s.say(kind, this.rng), unitId: this.lead?.id ?? null });
  }

  private system(action: TimelineAction, at: Date, detail: Record<string, unknown>) {
    this.steps.push({ at, action, actor: null, unitId: this.lead?.id ?? null, from: null, to: null, note: null, detail });
    this.t = maxDate(this.t, at);
  }

  private act(action: TimelineAction, at: Date, actor: Party | null, to: CaseState, extra: { note?: string | null; detail?: Record<string, unknown>; unitId?: string | null } = {}) {
    const at2 = this.next(at);
    this.steps.push({ at: at2, action, actor, unitId: extra.unitId !== undefined ? extra.unitId : (actor?.unitId ?? null), from: this.state, to, note: extra.note ?? null, detail: extra.detail ?? {} });
    this.state = to;
    this.version++;
    this.t = at2;
    this.updatedAt = at2;
    return at2;
  }

  private receive(actor: Party) {
    if (!this.firstReceiver) this.firstReceiver = actor;
  }

  private setUnit(unit: SimUnit, state: 'dispatched' | 'signed' | 'done' | 'returned') {
    const u = this.units.get(unit.id);
    if (u) u.state = state;
  }

  // -- the stages --

  private intake() {
    const s = this.s;
    const stalled = this.fate.stall === 'reported';
    const at = stalled ? this.office(this.t, 900, 0.6) : this.dispatcherTime(this.t, this.fate.slowIntake ? 240 : 12, 'register');
    if (!this.waitFor(at)) return;
    const dispatcher = s.cast.dispatcher(this.level);
    if (s.duplicateOf && this.escalated === 0 && s.duplicateOf.openAt(at)) {
      this.receive(dispatcher);
      const note = s.say('merge', this.rng)!.replace('{target}', s.duplicateOf.number);
      const when = this.act('merge', at, dispatcher, 'merged', { note, detail: { target: s.duplicateOf.number } });
      this.mergedIn = { at: when, action: 'merged_in', actor: dispatcher, unitId: null, from: null, to: null, note, detail: {} };
      return this.settle();
    }
    if (this.fate.reject && !s.duplicateOf) {
      this.receive(dispatcher);
      this.act('reject', at, dispatcher, 'rejected', { note: s.say('reject', this.rng) });
      return this.settle();
    }
    if (this.escalationsPlanned > 0 && this.level !== 'district' && this.rng() < 0.15) {
      // a dispatcher who sees at once that it is beyond the community hands it up before registering
      return this.escalate(at, dispatcher, s.say(this.level === 'community' ? 'escalateCommunity' : 'escalateStreet', this.rng));
    }
    this.receive(dispatcher);
    const when = this.act('register', at, dispatcher, 'registered', { note: s.say('register', this.rng) });
    this.registeredAt = when;
    this.startClock('dispatch', when);
  }

  private dispatch() {
    const s = this.s;
    const stalled = this.fate.stall === 'registered' && this.returned === 0 && this.escalated === 0;
    const at = stalled ? this.office(this.t, 900, 0.6) : this.dispatcherTime(this.t, this.returned ? 25 : 8, 'dispatch');
    if (!this.waitFor(at)) return;
    // after a return the case goes to the office of the place (属地), otherwise to the suggested unit
    const lead = (this.returnedBy && s.cast.fallback(this.level, this.returnedBy)) || s.cast.lead(this.level);
    this.returnedBy = null;
    const assists = this.level === 'district' && this.fate.assist && this.units.size === 0 && s.cast.assist && s.cast.assist.id !== lead.id ? [s.cast.assist] : [];
    const when = this.act('dispatch', at, s.cast.dispatcher(this.level), 'dispatched', {
      note: s.say('dispatch', this.rng),
      unitId: lead.id,
      detail: { lead: lead.name, assists: assists.map((a) => a.name) },
    });
    for (const [unit, role] of [[lead, 'lead'], ...assists.map((a) => [a, 'assist'])] as Array<[SimUnit, 'lead' | 'assist']>) {
      this.units.set(unit.id, { unit, role, state: 'dispatched', dispatchedAt: when });
    }
    this.lead = lead;
    this.dispatchedAt = when;
    this.startClock('handle', when);
    this.episode = { kind: 'first', extension: false, suspension: false, escalation: false };
  }

  private sign() {
    const s = this.s;
    const lead = this.lead!;
    const handler = s.cast.handler(lead);
    const other = s.cast.fallback(this.level, lead);
    if (this.fate.ret && this.returned === 0 && this.escalated === 0 && other && other.id !== lead.id) {
      const at = this.office(this.t, 60);
      if (!this.waitFor(at)) return;
      this.act('return', at, handler, 'registered', { note: s.say('return', this.rng) });
      this.setUnit(lead, 'returned');
      this.lead = null;
      this.returnedBy = lead;
      this.returned++;
      this.startClock('dispatch', this.t);
      return;
    }
    const at = this.office(this.t, s.priority === 'normal' ? 30 : 8);
    if (!this.waitFor(at)) return;
    this.act('sign', at, handler, 'handling');
    this.setUnit(lead, 'signed');
  }

  private handle() {
    const s = this.s;
    const lead = this.lead!;
    const handler = s.cast.handler(lead);
    const ep = this.episode;
    const first = ep.kind === 'first';
    // sent up: the community or street cannot settle it
    if (first && !ep.escalation && this.escalationsPlanned > 0 && this.level !== 'district') {
      ep.escalation = true;
      const at = maxDate(this.intoClock(0.15 + this.rng() * 0.45), later(this.t, 5 * MINUTE));
      if (!this.waitFor(at)) return;
      return this.escalate(at, handler, s.say(this.level === 'community' ? 'escalateCommunity' : 'escalateStreet', this.rng));
    }
    if (first && !ep.suspension && this.fate.suspension && this.escalated === 0) {
      ep.suspension = true;
      return this.suspend(handler);
    }
    if (first && !ep.extension && this.fate.extension) {
      ep.extension = true;
      return this.askExtension(handler);
    }
    for (const u of this.units.values()) {
      if (u.role !== 'assist' || u.state === 'done' || u.state === 'returned') continue;
      const at = this.office(this.t, 120);
      if (!this.waitFor(at)) return;
      this.act('assist_done', at, s.cast.handler(u.unit), 'handling', { note: s.say('assist', this.rng) });
      u.state = 'done';
      return;
    }
    const share = !first ? 0.05 + 0.3 * this.rng() : this.fate.slowHandle ? 1.05 + 1.2 * this.rng() : 0.1 + 0.75 * this.rng() ** 1.2;
    const at = maxDate(this.intoClock(share), this.office(this.t, 10, 0.5));
    if (!this.waitFor(at)) return;
    this.act('feedback', at, handler, 'feedback', { note: s.say(first ? 'feedback' : 'refeedback', this.rng) });
    this.setUnit(lead, 'done');
    this.startClock('verify', this.t);
  }

  private askExtension(handler: Party) {
    const s = this.s;
    const at = maxDate(this.intoClock(0.5 + this.rng() * 0.35), later(this.t, 5 * MINUTE));
    const decideAt = this.office(at, 60);
    if (this.unanswered(decideAt) || !this.waitFor(at)) return;
    const days = weighted(this.rng, [1, 2, 3, 5], (d) => ({ 1: 2, 2: 4, 3: 3, 5: 1 })[d]!);
    const reason = s.say('extension', this.rng)!;
    this.act('request_extension', at, handler, 'handling', { note: reason, detail: { workingDays: days } });
    const request: SimRequest = { kind: 'extension', workingDays: days, reason, unitId: this.lead!.id, by: handler, at: this.t, decision: null };
    this.requests.push(request);
    if (!this.waitFor(decideAt)) return;
    const approved = this.fate.extensionApproved;
    const dispatcher = s.cast.dispatcher(this.level);
    const note = s.say(approved ? 'extensionYes' : 'extensionNo', this.rng);
    const when = this.act('decide_request', decideAt, dispatcher, 'handling', { note, detail: { requestId: this.requests.length - 1, kind: 'extension', approved, workingDays: days } });
    request.decision = { approved, by: dispatcher, at: when, note };
    if (!approved) return;
    const c = this.clock!;
    const moved = extendStage(s.cal, c, days);
    c.dueAt = moved.dueAt;
    c.warnAt = moved.warnAt;
    if (moved.warnAt > when) c.warnedAt = null;
    if (moved.dueAt > when) c.overdueAt = null;
    c.since = when;
    this.extensionDays += days;
  }

  /**
   * A request the job would overtake: a community or street case escalates when its time runs out,
   * and the request would stay pending for ever (escalation does not settle it), so nobody asks.
   */
  private unanswered(decideAt: Date): boolean {
    return levelAbove(this.level) !== null && decideAt >= this.clock!.dueAt;
  }

  private suspend(handler: Party) {
    const s = this.s;
    const at = maxDate(this.intoClock(0.2 + this.rng() * 0.3), later(this.t, 5 * MINUTE));
    const decideAt = this.office(at, 120);
    if (this.unanswered(decideAt) || !this.waitFor(at)) return;
    const reason = s.say('suspension', this.rng)!;
    this.act('request_suspension', at, handler, 'handling', { note: reason });
    const request: SimRequest = { kind: 'suspension', workingDays: null, reason, unitId: this.lead!.id, by: handler, at: this.t, decision: null };
    this.requests.push(request);
    if (!this.waitFor(decideAt)) return;
    const dispatcher = s.cast.dispatcher(this.level);
    const note = s.say('suspensionYes', this.rng);
    const c = this.clock!;
    const left = Math.max(0, workingMinutesBetween(s.cal, decideAt, c.dueAt));
    const when = this.act('decide_request', decideAt, dispatcher, 'suspended', { note, detail: { requestId: this.requests.length - 1, kind: 'suspension', approved: true, workingDays: null } });
    request.decision = { approved: true, by: dispatcher, at: when, note };
    this.suspendedMinutesLeft = Math.round(left);
    this.clock = null;
  }

  private resume() {
    const s = this.s;
    const at = addWorkingMinutes(s.cal, this.t, (2 + Math.floor(this.rng() * 10)) * workingDayMinutes + this.rng() * 300);
    if (!this.waitFor(at)) return;
    this.act('resume', at, s.cast.handler(this.lead!), 'handling', { note: s.say('resume', this.rng) });
    this.startClock('handle', this.t, Math.max(minimumLimit, this.suspendedMinutesLeft ?? 0));
    this.suspendedMinutesLeft = null;
  }

  private verify() {
    const s = this.s;
    const share = this.fate.slowVerify ? 1.1 + 0.7 * this.rng() : 0.08 + 0.55 * this.rng();
    const at = maxDate(this.intoClock(share), this.office(this.t, 5, 0.5));
    if (!this.waitFor(at)) return;
    if (this.fate.rework && this.reworked === 0 && this.reopened === 0) {
      this.act('rework', at, s.cast.verifier, 'handling', { note: s.say('rework', this.rng), unitId: this.lead!.id });
      this.setUnit(this.lead!, 'signed');
      this.reworked++;
      this.startClock('handle', this.t);
      this.episode = { kind: 'again', extension: true, suspension: true, escalation: true };
      return;
    }
    const when = this.act('close', at, s.cast.verifier, 'closed', { note: s.say('close', this.rng) });
    this.closedAt = when;
    this.clock = null;
  }

  /** 不满意 reopens once; the reporter rates, or the coordinating dispatcher records a caller's rating (回访). */
  private rate() {
    const s = this.s;
    const rater = s.reporterId ? (s.source === 'grid_worker' ? s.cast.reporter : null) : s.cast.dispatcher(this.level);
    if (!rater || !this.fate.rated || this.rating) return this.settle();
    const at = this.office(this.t, 400, 0.9);
    if (!this.waitFor(at)) return;
    const rating = this.reopened === 0 ? this.fate.rating : this.fate.secondRating;
    const note = s.say(rating, this.rng);
    if (rating === 'dissatisfied' && this.reopened === 0) {
      const when = this.act('rate', at, rater, 'handling', { note, detail: { rating }, unitId: this.lead?.id ?? null });
      this.steps.push({ at: when, action: 'reopen', actor: rater, unitId: null, from: null, to: null, note: null, detail: { reason: 'dissatisfied' } });
      this.reopened++;
      this.closedAt = null;
      if (this.lead) this.setUnit(this.lead, 'signed');
      this.startClock('handle', when);
      this.episode = { kind: 'again', extension: true, suspension: true, escalation: true };
      return;
    }
    const when = this.act('rate', at, rater, 'closed', { note, detail: { rating } });
    this.rating = { rating, note, at: when };
    this.settle();
  }

  /** Up one level, back to that level's dispatcher: by a person (actor) or by the deadline job. */
  private escalate(at: Date, actor: Party | null, reason: string | null) {
    const from = this.level;
    const to = levelAbove(from)!;
    const state: CaseState = this.state === 'reported' ? 'reported' : 'registered';
    const stage = this.clock?.stage ?? null;
    const leadId = this.lead?.id ?? null;
    if (actor) this.act('escalate', at, actor, state, { note: reason, detail: { from, to } });
    else {
      this.act('auto_escalate', at, null, state, { unitId: leadId, detail: { from, to, stage } });
      this.everOverdue = true;
    }
    for (const u of this.units.values()) if (u.state === 'dispatched' || u.state === 'signed') u.state = 'returned';
    this.level = to;
    this.lead = null;
    this.escalated++;
    this.escalationsPlanned = to === 'district' ? 0 : Math.max(0, this.escalationsPlanned - 1);
    this.startClock(state === 'reported' ? 'register' : 'dispatch', this.t);
  }

  private settle() {
    this.clock = null;
    this.going = false;
  }
}

/** Takes one case through the loop up to `now`; pure apart from the random draws it is given. */
export function simulateCase(story: CaseStory): Lifecycle {
  return new Story(story).run();
}

/** The state a simulated case was in at an instant (null before it was reported). */
export function stateAt(life: Pick<Lifecycle, 'steps'>, at: Date): CaseState | null {
  let state: CaseState | null = null;
  for (const step of life.steps) {
    if (step.at > at) break;
    if (step.to) state = step.to;
  }
  return state;
}

// ---- words ---------------------------------------------------------------------------------------

/** Problem descriptions per leaf category: {p} a public place, {h} a home, {m} {d} {k} {n} {c} {t} amounts. */
const problems: Record<string, string> = {
  E0101: '{p}暴露垃圾约{m}立方米，已堆放{d}，气味较大|{p}有生活垃圾和装修垃圾混堆，无人清运|{p}垃圾散落在绿化带内，影响环境卫生',
  E0102: '{p}积存建筑渣土约{m}立方米，未覆盖防尘网|{p}有人夜间偷倒渣土，已堆积{d}',
  E0103: '{p}路面有大面积油污和泥土，行人易滑倒|{p}路面垃圾杂物较多，清扫不及时|{p}人行道上落叶和烟头较多，未及时清扫',
  E0104: '{p}附近河道水面漂浮大量垃圾和水草|{p}附近排水沟水体发黑发臭',
  E0105: '{p}有人焚烧垃圾和树叶，烟雾较大|{p}空地上有焚烧秸秆和杂物的情况',
  E0201: '{p}墙面和电线杆上张贴大量小广告|{p}有人喷涂办证、开锁类小广告约{k}处|{p}配电箱上小广告层层叠叠，影响市容',
  E0202: '{p}商户擅自设置落地广告牌，占用人行道|{p}楼顶新增大型广告牌，未见审批手续',
  E0203: '{p}有商家摆放帐篷和音响进行促销，占用人行道|{p}有人在人行道上发放传单、设置宣传展板',
  E0301: '{p}附近工地{t}仍在施工，噪音很大|{p}工地夜间渣土车进出频繁，噪音扰民',
  E0302: '{p}附近工地裸土未覆盖，刮风时扬尘严重|{p}工地出入口未设冲洗设施，车辆带泥上路',
  E0303: '{p}路面有渣土车遗撒的泥土，长约{k}米|{p}有运输车辆沿途遗撒砂石',
  E0304: '{p}有单位挖开人行道施工，未设置围挡和警示标志|{p}施工占用一条机动车道，未见占道许可公示',
  E0401: '{p}路面突然塌陷，坑深约{n}米，已有车辆受损|{p}路面出现塌陷坑，直径约{n}米，存在重大安全隐患',
  E0402: '{p}地下供水管道破裂，大量自来水涌出路面|{p}路面冒水，疑似供水管道爆裂，周边居民停水',
  E0403: '{p}附近闻到明显燃气味，疑似燃气管道泄漏|{p}餐馆门前燃气管道阀门漏气，现场有刺鼻气味',
  E0404: '{p}降雨后路面积水深约{c}厘米，车辆行人通行困难|{p}下穿通道积水严重，有车辆熄火',
  E0405: '{p}商铺门前堆放大量纸箱杂物，存在火灾隐患|{p}商铺私拉电线，电线老化裸露',
  E0501: '{p}有流动摊贩占道经营水果蔬菜|{p}早晚高峰有多名游商聚集摆摊，影响通行',
  E0502: '{p}多家商户店外摆放货物，占用人行道|{p}餐馆在店外摆桌经营，地面油污较多|{p}汽修店在人行道上维修车辆',
  E0503: '{p}有烧烤摊夜间露天烧烤，油烟扰民|{p}夜市露天烧烤摊点较多，烟雾弥漫',
  E0504: '{p}共享单车和电动车乱停乱放，堵塞盲道|{p}非机动车停放杂乱，占满人行道',
  E0505: '{p}有车辆长期占用人行道停放|{p}机动车违停占用公交站台，影响公交进站',
  C0101: '{p}井盖破损，存在安全隐患|{p}井盖缺失，已用杂物临时遮挡|{p}井盖松动，车辆经过时响声很大',
  C0102: '{p}雨水篦子被垃圾树叶堵塞，雨天排水不畅|{p}雨水篦子破损下陷',
  C0103: '{p}有{k}盏路灯不亮，夜间出行不便|{p}路灯白天常亮、夜间不亮|{p}路灯灯杆倾斜，灯罩脱落',
  C0104: '{p}消防栓被撞倒，有漏水现象|{p}消防栓阀门锈蚀，外壳破损',
  C0105: '{p}供水阀门井破损，阀门漏水|{p}燃气调压箱外壳破损，箱门无法关闭',
  C0201: '{p}交通信号灯不亮，路口通行混乱|{p}信号灯一直黄闪，车辆抢行',
  C0202: '{p}交通标志牌被撞弯，内容看不清|{p}限速标志牌倾倒在路边',
  C0203: '{p}道路隔离护栏被撞坏约{k}米|{p}护栏倾倒侵入车道',
  C0204: '{p}公交站亭玻璃破碎，存在安全隐患|{p}公交站牌信息脱落，座椅损坏',
  C0205: '{p}路面坑洼不平，有多处坑槽|{p}人行道地砖松动破损约{k}平方米|{p}路面出现裂缝和沉降',
  C0301: '{p}公共厕所冲水设施损坏，卫生状况差|{p}公厕门锁损坏、照明不亮',
  C0302: '{p}垃圾桶满溢，垃圾散落在地|{p}果皮箱破损，桶盖缺失',
  C0303: '{p}商户牌匾破损松动，有掉落危险|{p}门头牌匾字体脱落，影响市容',
  C0401: '{p}行道树被风刮倒，压在人行道上|{p}行道树严重倾斜，随时可能倒伏',
  C0402: '{p}绿地被踩踏成路，草坪损毁|{p}有人毁绿种菜，占用公共绿地',
  C0403: '{p}绿化带缺株断档约{k}米|{p}行道树树穴空缺，未补植',
  C0501: '{p}老旧房屋墙体开裂，有倒塌风险|{p}附近一处闲置危房无人看管，屋顶坍塌',
  C0502: '{h}外墙瓷砖脱落，威胁行人安全|{h}外保温层大面积脱落',
  C0503: '{p}附近闲置地块杂草丛生、垃圾遍地|{p}闲置土地围挡破损，有人倾倒垃圾',
  S0101: '{h}居民反映楼上住户{t}噪音扰民，双方多次争吵|{h}两户居民因楼道杂物堆放发生纠纷|{h}楼上住户卫生间漏水至楼下，双方就维修费用协商不成',
  S0102: '{h}一对夫妻因家庭琐事多次发生争吵，邻居反映|{h}老人反映子女不履行赡养义务，请求调解',
  S0103: '{h}居民反映电梯维修不及时，多次停运|{h}居民与物业因物业费收取问题产生纠纷|{h}所在小区物业撤场，垃圾无人清运',
  S0104: '{p}附近一家公司拖欠{k}名员工工资，员工聚集讨薪|{p}装修工人反映工程款被拖欠',
  S0105: '{h}两户村民因宅基地边界发生争执|{p}村民反映承包地被他人占用',
  S0201: '{p}夜间经常有人聚集饮酒滋事|{p}附近有闲散人员夜间徘徊，居民担心安全',
  S0202: '{h}消防通道被私家车长期占用|{h}楼道内堆放杂物，堵塞疏散通道',
  S0203: '{h}有居民从楼上拉电线给电动车充电|{h}楼道内停放电动车并充电，存在火灾隐患',
  S0301: '{p}附近一家餐馆拖欠服务员{n}个月工资|{p}工地农民工反映被拖欠工资',
  S0302: '{p}附近企业未给员工缴纳社会保险|{h}居民咨询灵活就业人员养老保险缴费问题',
  S0303: '{h}居民希望提供就业岗位信息和技能培训|{h}居民咨询就业帮扶政策',
  S0401: '{h}独居老人行动不便，希望提供助餐服务|{h}高龄老人家属咨询居家养老服务补贴',
  S0402: '{h}居民家中突发变故，生活困难，申请临时救助|{h}低保户反映救助金未按时发放',
  S0403: '{h}居民咨询子女入学划片问题|{h}随迁子女入学材料办理遇到困难',
  S0404: '{p}附近诊所疑似无证行医，卫生条件差|{h}居民反映卫生服务站疫苗接种排队时间过长',
  S0405: '{h}居民反映暖气不热，室温不达标|{h}燃气表故障，无法正常充值使用',
  S0406: '{h}楼道灯损坏多日，物业未维修|{h}门禁损坏，外来人员随意进出|{h}绿化无人修剪，杂草丛生',
  S0501: '{p}附近商户高音喇叭招揽生意，噪声扰民|{p}广场舞音响音量过大，影响居民休息|{p}附近饭店空调外机噪音很大',
  S0502: '{p}附近有企业排放刺鼻气体|{p}附近饭店油烟直排，未安装净化设施',
  S0503: '{p}附近有企业向河道偷排污水|{p}附近洗车店污水直排雨水管网',
  S0601: '{p}附近小作坊使用老旧设备，无安全防护|{p}附近仓库内违规住人，消防设施缺失',
  S0602: '{p}附近有店铺违规存放多个液化气罐|{p}有人在居民区内违规储存销售油漆稀料',
  S0701: '{p}附近小吃店卫生状况差，从业人员无健康证|{p}附近有商户销售过期食品',
  S0702: '{p}附近健身房突然关门，会员卡无法退费|{p}附近超市商品标价与结算价格不一致',
  S0703: '{p}附近农贸市场摊位管理混乱|{p}附近菜市场临时摊点占道，秩序混乱',
};
const endings: Record<'C' | 'E' | 'S', readonly string[]> = {
  C: ['，请尽快处理。', '，请相关部门维修。', '，存在安全隐患。', '。', '。'],
  E: ['，请尽快处理。', '，请相关部门处理。', '，影响居民出行。', '，居民反映强烈。', '。', '。'],
  S: ['，请求协调解决。', '，希望尽快解决。', '。', '。'],
};
const fills: Record<string, readonly string[]> = {
  m: ['1', '2', '3', '5'], d: ['两天', '三天', '四五天', '一周', '多日'], k: ['3', '5', '8', '10', '20'], n: ['1', '2', '3'],
  c: ['20', '30', '40', '50'], t: ['每晚十点以后', '深夜', '凌晨', '每天清晨'],
};

/** What people write when they act. */
const notes: Record<string, string> = {
  register: '情况属实，予以立案。|经视频核实，予以立案。',
  reject: '经核实，现场无此问题。|该诉求不属于受理范围，已告知当事人通过司法途径解决。|信息不全，无法定位，已电话告知补充后重新上报。|属私人产权范围内事务，已告知当事人自行协商解决。',
  merge: '与案件{target}为同一问题，合并办理。|重复上报，并入{target}办理。',
  dispatch: '请按时限要求处置并反馈。|请尽快到场处置。',
  return: '经核实，该问题位于小区内部，属物业管理范围，请重新派遣。|该事项不属于我单位职责，建议派至属地处理。|现场核实地址有误，请核实后重新派遣。',
  refeedback: '已按要求重新处置，问题已彻底解决。|已再次组织人员整改，现场已恢复。',
  assist: '已配合牵头单位完成现场处置。|已派员到场协助处置完毕。',
  extension: '需协调专业维修队伍和材料，申请延期。|涉及多个产权单位，协调时间较长，申请延期。|受天气影响无法施工，申请延期。|当事人不在本地，需等待其返回后处理。',
  extensionYes: '同意延期，请按期办结。',
  extensionNo: '延期理由不充分，请按原时限办理。',
  suspension: '当事人已向法院起诉，等待判决结果。|需等待产权单位出具鉴定意见。|需待施工窗口期统一处置。',
  suspensionYes: '同意挂起，条件具备后及时恢复办理。',
  resume: '相关手续已完成，恢复办理。|挂起原因已消除，恢复办理。',
  escalateCommunity: '双方分歧较大，经社区多次调解未果，提请街道协调。|涉及多个产权单位，超出社区协调能力，提请街道处理。',
  escalateStreet: '涉及区级部门职责，请区指挥中心协调相关部门。|问题涉及面广，街道层面难以解决，申请上报区级。',
  urge: '请注意办理时限，按时反馈。',
  urgeOverdue: '该案件已超期，请抓紧办理并及时反馈。|已超时限，请说明原因并尽快办结。',
  close: '经现场核查，问题已处置到位，同意结案。|核查属实，已整改到位。|现场复核无误，予以结案。',
  rework: '现场核查仍有部分问题未整改到位，请返工。|反馈照片与现场不符，问题未彻底解决。|现场复查发现问题反弹，请重新处置。',
  satisfied: '处理及时，很满意。|感谢工作人员。',
  basically_satisfied: '问题解决了，但速度有点慢。|基本解决，希望加强日常管理。',
  dissatisfied: '问题没有彻底解决，还是老样子。|处理敷衍，问题反复出现。',
};
/** What the unit reports back, per major class or leaf. */
const feedbackNotes: Record<string, string> = {
  C01: '已组织维修人员现场维修更换，设施恢复正常使用。|已联系产权单位完成维修，修复前设置了警示标志。',
  C02: '已安排养护单位修复，道路设施恢复正常。|已更换损坏设施，现场恢复通行秩序。',
  C03: '已完成维修更换，现场已清理干净。|已通知产权单位整改，牌匾已拆除加固。',
  C04: '已组织园林养护队伍清理补植，现场已恢复。|已对倒伏树木扶正加固，并清理断枝。',
  C05: '已通知产权人设置警戒区域并组织排危，现场已安全。|已约谈产权单位，完成修缮。',
  E01: '已组织环卫人员清运，现场已清理干净。|已安排保洁人员冲洗清扫，路面恢复整洁。|已对责任人进行教育并责令清理，现场已整改。',
  E02: '已组织人员清除小广告，并对周边进行巡查。|已责令商户拆除违规广告设施。',
  E03: '已约谈施工单位，责令停止夜间施工并落实降尘措施。|已督促施工单位覆盖裸土、清洗路面，现场已整改。',
  E04: '已第一时间到场处置，设置警戒并完成抢修，险情已排除。|已组织抢修队伍修复，道路恢复通行。',
  E05: '已现场劝离摊贩并教育商户退店经营，现场秩序恢复。|已组织人员规范停放车辆，清理占道物品。|已对当事人进行教育并责令整改，现场已恢复。',
  S01: '已组织双方当事人调解，达成一致意见，矛盾已化解。|经调解员和网格员多次上门协调，双方已和解。',
  S02: '已联合派出所现场检查，隐患已整改消除。|已督促清理通道杂物，并加强巡查。',
  S03: '已约谈用人单位，工资已足额发放。|已为当事人解答政策并协助办理相关手续。',
  S04: '已上门了解情况，协助申请相关服务，居民表示认可。|已协调相关单位解决，问题已处理。',
  S05: '已现场检查并责令整改，问题已消除。|已对涉事商户下达整改通知书，复查已整改到位。',
  S06: '已检查现场，责令停业整改，隐患已消除。',
  S07: '已现场检查并依法处理，责令商户整改。|已组织双方协商，消费者已获退款。',
  C0101: '已更换新井盖，现场恢复正常。|已安装井盖并加固井座，消除了安全隐患。',
  C0103: '已安排维修人员更换灯具，路灯恢复正常照明。',
  E0104: '已组织人员打捞水面漂浮物，水面已清理干净。',
  E0105: '已现场制止焚烧行为并清理灰烬，对当事人进行了教育。',
  E0201: '已组织人员清除小广告，并对周边进行巡查。',
  E0504: '已组织人员规范停放非机动车，清理了盲道。',
  S0405: '已协调供热（供气）单位上门检修，室温（使用）已恢复正常。',
};

function sayer(categoryCode: string) {
  return (kind: NoteKind, rng: Rng): string | null => {
    if (kind === 'register' || kind === 'dispatch') return rng() < 0.25 ? pick(rng, notes[kind]!.split('|')) : null;
    if (kind === 'satisfied') return rng() < 0.4 ? pick(rng, notes[kind]!.split('|')) : null;
    if (kind === 'feedback') return pick(rng, (feedbackNotes[categoryCode] ?? feedbackNotes[categoryCode.slice(0, 3)] ?? '已处置完毕。').split('|'));
    return pick(rng, notes[kind]!.split('|'));
  };
}

const roads = '华光路 人民西路 人民东路 共青团西路 共青团东路 金晶大道 柳泉路 西五路 西六路 西七路 西八路 中心路 世纪路 北京路 上海路 南京路 山泉路 新村西路 新村东路 张周路 联通路 杏园东路 昌国路 兴学街 安乐街 和平路 东一路 东二路 东三路 东四路 东五路 体育场路 鲁泰大道'.split(' ');
const estates = '华光 鲁能 金城 和美 丽景 阳光 东方 翠柳 锦绣 书香 玉龙 颐和 凯瑞 齐盛 瑞祥 怡然 康乐 泰和 明珠 桃园 兴业 文昌 紫荆 银座'.split(' ');
const estateKinds = ['小区', '花园', '家园', '苑', '新村'];
const corners = ['东北角', '西北角', '东南角', '西南角'];
const sides = ['东侧', '西侧', '南侧', '北侧'];
const villageSpots = ['东头空地', '南街路口', '村委会西侧', '文化广场旁', '村口', '北侧生产路', '西头坑塘边'];

interface GridInfo {
  code: string;
  name: string;
  communityCode: string;
  streetCode: string;
  streetName: string;
  rural: boolean;
  weight: number;
  worker: Party | null;
}

/** A place in the grid: {p} public, {h} home, and the address line. */
function placeIn(g: GridInfo, rng: Rng) {
  const h = Math.imul(Number(g.code.slice(-6)) + 7, 2654435761) >>> 0;
  const road = roads[h % roads.length]!;
  const cross = roads[(h >>> 7) % roads.length] === road ? roads[(h >>> 13) % roads.length]! : roads[(h >>> 7) % roads.length]!;
  const estate = estates[(h >>> 11) % estates.length]! + estateKinds[(h >>> 19) % estateKinds.length]!;
  const community = g.name.replace(/第\d+网格$/, '');
  if (g.rural) {
    const spot = pick(rng, villageSpots);
    const home = `${1 + Math.floor(rng() * 80)}号院`;
    return { p: `${g.name}${spot}`, h: `${g.name}${home}`, address: `${g.streetName}${community}${spot}`, homeAddress: `${g.streetName}${community}${home}` };
  }
  const no = `${2 + 2 * Math.floor(rng() * 150)}号`;
  const spots = [`${road}与${cross === road ? '中心路' : cross}交叉口${pick(rng, corners)}`, `${road}${no}门前`, `${road}${pick(rng, sides)}人行道`, `${estate}${pick(rng, ['北门', '南门', '东门', '西门'])}`];
  const spot = pick(rng, spots);
  const home = `${estate}${1 + Math.floor(rng() * 24)}号楼${rng() < 0.5 ? `${1 + Math.floor(rng() * 4)}单元` : ''}`;
  return { p: `${g.name}${spot}`, h: `${g.name}${home}`, address: `${g.streetName}${community}${spot}`, homeAddress: `${g.streetName}${community}${home}` };
}

function describeProblem(categoryCode: string, categoryName: string, source: Reporting, place: ReturnType<typeof placeIn>, rng: Rng) {
  const template = pick(rng, (problems[categoryCode] ?? `{p}发现${categoryName}问题`).split('|'));
  const home = template.includes('{h}');
  let text = template.replace(/\{(\w)\}/g, (_, k: string) => (k === 'p' ? place.p : k === 'h' ? place.h : pick(rng, fills[k] ?? [''])));
  if (!/隐患$/.test(text)) text += pick(rng, endings[categoryCode[0] as 'C' | 'E' | 'S'] ?? ['。']);
  else text += '。';
  if (source === 'hotline') text = `${pick(rng, ['市民来电反映：', '来电人反映：', '12345转办：'])}${text}`;
  else if (source === 'grid_worker' && rng() < 0.3) text = `巡查发现：${text}`;
  else if (source === 'dispatcher' && rng() < 0.6) text = `视频巡查发现：${text}`;
  return { description: text.replace(/。。$/, '。'), address: home ? place.homeAddress : place.address };
}

function callerName(rng: Rng, i: number): string {
  const name = staffName(500_000 + i);
  return rng() < 0.4 ? `${name[0]}${rng() < 0.5 ? '先生' : '女士'}` : name;
}

// ---- the seed ------------------------------------------------------------------------------------

export interface DemoCasesResult {
  cases: number;
  open: number;
  events: number;
}

interface Category {
  code: string;
  name: string;
  priority: CasePriority;
  level: CaseLevel;
  limits: StageLimits;
  weight: number;
}

/** The demo accounts' grid (the grid worker's) and its community (the community accounts') see more cases. */
const demoGrid = '370303001001001';

/** Reads what the history needs: categories, grids with their workers, units, rules, accounts, calendar. */
async function loadWorld(db: Kysely<DB>) {
  const county = demoCounty.slice(0, 6);
  const categories: Category[] = (
    await db.selectFrom('case_categories').selectAll().where('active', '=', true).where('parent_code', 'is not', null).orderBy('code').execute()
  ).map((c) => ({
    code: c.code, name: c.name, priority: c.priority, level: c.default_level,
    limits: { register: c.limit_register, dispatch: c.limit_dispatch, handle: c.limit_handle, verify: c.limit_verify },
    weight: categoryWeight[c.code] ?? rareWeight,
  }));
  const { rows: grids } = await sql<{ code: string; name: string; community_code: string; area_m2: number; worker_id: string | null; worker_name: string | null }>`
    select g.code, g.name, g.community_code, g.area_m2, w.user_id as worker_id, w.display_name as worker_name
    from grids g
    left join lateral (select s.user_id, u.display_name from grid_staff s join users u on u.id = s.user_id
                       where s.grid_id = g.id and s.duty = 'worker' order by u.username limit 1) w on true
    where g.retired_at is null and g.county_code = ${county}
    order by g.code`.execute(db);
  // the people who act: dispatchers by the scope they coordinate, handlers by unit, the verifier and the leader
  const { rows: accounts } = await sql<{ id: string; display_name: string; role: string; scope_code: string; unit_id: string | null }>`
    select id, display_name, role, scope_code, unit_id from users
    where role in ('dispatcher', 'handler', 'verifier', 'leader') and scope_code like ${`${county}%`} and not disabled
    order by username`.execute(db);
  const idsByCode = await unitIdsByCode(db);
  const units = await unitsByIds(db, [...idsByCode.values()]);
  const rules = await db.selectFrom('routing_rules').select(['id', 'category_code', 'region_code', 'unit_id']).execute();
  const names = await regionNames(db, [...new Set(grids.flatMap((g) => [g.community_code, `${g.community_code.slice(0, 9)}000`]))]);
  // the simulation asks the calendar about the same few hundred days millions of times
  const calendar = await loadCalendar(db);
  const days = new Map<string, boolean>();
  const cal: WorkCalendar = {
    isWorkingDay(day) {
      let working = days.get(day);
      if (working === undefined) days.set(day, (working = calendar.isWorkingDay(day)));
      return working;
    },
  };
  return { county, categories, grids, accounts, idsByCode, units, rules, names, cal };
}
type World = Awaited<ReturnType<typeof loadWorld>>;

/**
 * The lead unit the routing rules suggest, exactly as `suggestUnit` chooses it (same rules, same
 * `pickRule`, same dispatchability, same 属地兜底 office) but from rules and units read once: on the
 * embedded database one `suggestUnit` call costs ~20 ms, and the history has thousands of places.
 * The first place of every (category, level) is checked against `suggestUnit` itself (`checkRouting`).
 */
function makeRouter(world: World) {
  const cache = new Map<string, UnitRow>();
  const samples = new Map<string, { place: CasePlace; unitId: string }>();
  return {
    samples,
    lead(place: CasePlace): UnitRow {
      const key = `${place.categoryCode}|${place.level}|${place.communityCode}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const candidates = world.rules
        .filter((r) => (r.category_code === place.categoryCode || r.category_code === place.categoryCode.slice(0, 3)) && world.units.has(r.unit_id) && dispatchable(world.units.get(r.unit_id)!, place))
        .map((r) => ({ id: r.id, categoryCode: r.category_code, regionCode: r.region_code, unitId: r.unit_id }));
      const rule = pickRule(candidates, place.categoryCode, place.communityCode);
      const officeId = world.idsByCode.get(officeCode(place.level === 'community' ? place.communityCode : place.streetCode));
      const unit = rule ? world.units.get(rule.unitId) : officeId ? world.units.get(officeId) : undefined;
      if (!unit) throw new Error(`demo cases: no unit for ${key}`);
      cache.set(key, unit);
      if (!samples.has(`${place.categoryCode}|${place.level}`)) samples.set(`${place.categoryCode}|${place.level}`, { place, unitId: unit.id });
      return unit;
    },
  };
}

async function checkRouting(db: Kysely<DB>, samples: Map<string, { place: CasePlace; unitId: string }>) {
  for (const [key, { place, unitId }] of samples) {
    const suggested = await suggestUnit(db, place);
    if (suggested?.unit.id !== unitId) throw new Error(`demo cases: routing for ${key} differs from suggestUnit`);
  }
}

interface Planned {
  reportedAt: Date;
  source: Reporting;
  category: Category;
  grid: GridInfo;
  duplicate: boolean;
  lng: number;
  lat: number;
}

/** When, what, where and by whom: ~100 reports a day, more on working days and in office hours. */
function planReports(world: World, grids: GridInfo[], now: Date, rng: Rng): Planned[] {
  const start = now.getTime() - historyDays * 86_400_000;
  const plans: Planned[] = [];
  const pickGrid = sampler(grids, grids.map((g) => g.weight));
  const sources = (['work', 'off'] as const).map((k) => sampler(Object.keys(sourceShares[k]) as Reporting[], Object.values(sourceShares[k])));
  const hours = new Map((Object.keys(hourProfile) as Reporting[]).map((k) => [k, sampler([...Array(24).keys()], hourProfile[k])]));
  const categorySamplers = new Map<string, (rng: Rng) => Category>();
  const categoryFor = (source: Reporting, rural: boolean, month: number) => {
    const key = `${source}|${rural}|${month}`;
    let pickCategory = categorySamplers.get(key);
    if (!pickCategory) {
      const weights = world.categories.map((c) => {
        let w = c.weight * classAffinity[source][c.code[0] as 'C' | 'E' | 'S'];
        if (rural) w *= ruralFactor[c.code] ?? 1;
        if (c.code === 'E0404' && (month < 6 || month > 9)) w *= 0.1; // rainstorms are a summer thing
        if (c.code === 'S0405' && month >= 10) w *= 4; // the heating season starts in November
        return w;
      });
      categorySamplers.set(key, (pickCategory = sampler(world.categories, weights)));
    }
    return pickCategory;
  };
  for (let dayStart = Math.floor((start + 8 * 3_600_000) / 86_400_000) * 86_400_000 - 8 * 3_600_000; dayStart < now.getTime(); dayStart += 86_400_000) {
    const day = shanghaiDay(new Date(dayStart));
    const working = world.cal.isWorkingDay(day);
    const month = Number(day.slice(5, 7));
    const season = month >= 6 && month <= 8 ? 1.06 : 1;
    const count = Math.round(perDay * (working ? 1.12 : 0.72) * season * (0.9 + 0.2 * rng()));
    for (let i = 0; i < count; i++) {
      const source = sources[working ? 0 : 1]!(rng);
      const hour = hours.get(source)!(rng);
      const reportedAt = new Date(dayStart + (hour * 60 + rng() * 60) * MINUTE);
      const grid = pickGrid(rng);
      const category = categoryFor(source, grid.rural, month)(rng);
      const duplicate = rng() < odds.duplicate;
      if (reportedAt.getTime() < start || reportedAt >= now) continue;
      plans.push({ reportedAt, source, category, grid, duplicate, lng: 0, lat: 0 });
    }
  }
  return plans.sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
}

/** A random point inside each report's grid: one st_generatepoints per grid, in SQL. */
async function placePoints(db: Kysely<DB>, plans: Planned[], seed: number) {
  const byGrid = new Map<string, Planned[]>();
  for (const p of plans) byGrid.set(p.grid.code, [...(byGrid.get(p.grid.code) ?? []), p]);
  const codes = [...byGrid.keys()];
  const { rows } = await sql<{ code: string; i: number; lng: number; lat: number }>`
    select g.code, d.path[1] as i, st_x(d.geom) as lng, st_y(d.geom) as lat
    from unnest(${codes}::text[], ${codes.map((c) => byGrid.get(c)!.length)}::int[]) as w(code, n)
    join grids g on g.code = w.code
    cross join lateral st_dump(st_generatepoints(g.geom, w.n + 2, ${seed})) d`.execute(db);
  for (const r of rows) {
    const p = byGrid.get(r.code)![Number(r.i) - 1];
    if (p) Object.assign(p, { lng: Number(r.lng), lat: Number(r.lat) });
  }
  // st_generatepoints may return fewer points than asked for on thin polygons: the rest go to a point on the surface
  const short = [...new Set(plans.filter((p) => p.lng === 0).map((p) => p.grid.code))];
  if (short.length === 0) return;
  const { rows: fallback } = await sql<{ code: string; lng: number; lat: number }>`
    select code, st_x(st_pointonsurface(geom)) as lng, st_y(st_pointonsurface(geom)) as lat from grids where code in (${sql.join(short)})`.execute(db);
  for (const r of fallback) for (const p of byGrid.get(r.code)!) if (p.lng === 0) Object.assign(p, { lng: Number(r.lng), lat: Number(r.lat) });
}

/** A UUID from the seeded generator, so the same seed gives the same rows. */
function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 4 }, () => Math.floor(rng() * 2 ** 32).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16]!, 16) & 3]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Writes ~18,000 cases of the 183 days before `now` for the demo district with their timelines,
 * units, requests and numbers; deterministic for a given seed and `now`. Runs in the caller's
 * transaction, after the regions, units, categories, accounts and grid staff are seeded.
 */
export async function seedDemoCases(db: Kysely<DB>, options: { now: Date; seed: string }): Promise<DemoCasesResult> {
  const { now, seed } = options;
  const world = await loadWorld(db);
  const rng = seededRandom(seed);
  const ids = seededRandom(`${seed}:ids`);
  const party = (a: World['accounts'][number]): Party => ({ id: a.id, name: a.display_name, role: a.role, unitId: a.unit_id });
  const first = (role: string, test: (a: World['accounts'][number]) => boolean) => {
    const a = world.accounts.find((u) => u.role === role && test(u));
    return a ? party(a) : null;
  };
  const dispatcherOf = new Map(world.accounts.filter((a) => a.role === 'dispatcher').reverse().map((a) => [a.scope_code, party(a)]));
  const handlerOfUnit = new Map(world.accounts.filter((a) => a.role === 'handler' && a.unit_id).reverse().map((a) => [a.unit_id!, party(a)]));
  const centre = dispatcherOf.get(demoCounty) ?? { id: null, name: '指挥中心', role: 'dispatcher', unitId: null };
  const leader = first('leader', (a) => a.scope_code === demoCounty) ?? centre;
  const verifier = first('verifier', () => true) ?? { id: null, name: '监督员', role: 'verifier', unitId: null };
  const grids: GridInfo[] = world.grids.map((g) => {
    const streetCode = `${g.community_code.slice(0, 9)}000`;
    const rural = /村(民)?委员?会$/.test(world.names.get(g.community_code) ?? '');
    // one grid is about as many households anywhere; dense (small) grids see more problems, and the demo accounts' community more still
    const weight = (1 / (1 + g.area_m2 / 100_000)) * (g.code === demoGrid ? 10 : g.community_code === demoGrid.slice(0, 12) ? 3 : 1);
    return { code: g.code, name: g.name, communityCode: g.community_code, streetCode, streetName: world.names.get(streetCode) ?? '', rural, weight, worker: g.worker_id ? { id: g.worker_id, name: g.worker_name!, role: 'grid_worker', unitId: null } : null };
  });
  const plans = planReports(world, grids, now, rng);
  await placePoints(db, plans, 1 + (Math.floor(rng() * 2 ** 31) % 2_000_000_000));

  const router = makeRouter(world);
  const unitRef = (u: UnitRow): SimUnit => ({ id: u.id, name: u.name });
  // units and stations without an account act under a named member of staff or the station's name
  const handlerOf = (unit: SimUnit): Party => {
    let h = handlerOfUnit.get(unit.id);
    if (!h) handlerOfUnit.set(unit.id, (h = { id: null, name: staffName(800_000 + handlerOfUnit.size), role: 'handler', unitId: unit.id }));
    return h;
  };
  const station = (code: string, name: string) => {
    let p = dispatcherOf.get(code);
    if (!p) dispatcherOf.set(code, (p = { id: null, name, role: 'dispatcher', unitId: null }));
    return p;
  };

  const counters = new Map<string, number>();
  const lives: Array<{ id: string; number: string; plan: Planned; life: Lifecycle; description: string; address: string; reporterId: string | null; reporterName: string | null; place: ReturnType<typeof placeIn> }> = [];
  const extraEvents = new Map<number, Step[]>();
  const openHorizon = now.getTime() - openHorizonDays * 86_400_000;

  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i]!;
    const r = seededRandom(`${seed}#${i}`);
    // a second report of a problem already reported: same place and category, merged at intake
    let target: (typeof lives)[number] | null = null;
    let targetIndex = -1;
    if (plan.duplicate) {
      for (let j = lives.length - 1; j >= 0 && j >= lives.length - 40; j--) {
        const t = lives[j]!;
        if (plan.reportedAt.getTime() - t.plan.reportedAt.getTime() > 2 * 86_400_000) break;
        if (['reported', 'registered', 'dispatched', 'handling'].includes(stateAt(t.life, plan.reportedAt) ?? '') && r() < 0.5) {
          target = t;
          targetIndex = j;
          break;
        }
      }
      if (target) Object.assign(plan, { category: target.plan.category, grid: target.plan.grid, lng: target.plan.lng, lat: target.plan.lat });
    }
    const { category, grid, source } = plan;
    const place = target ? target.place : placeIn(grid, r);
    const { description, address } = describeProblem(category.code, category.name, source, place, r);
    const streetCode = grid.streetCode;
    const communityCode = grid.communityCode;
    const reporter: Party =
      source === 'grid_worker' && grid.worker ? grid.worker
        : source === 'hotline' || source === 'dispatcher' ? centre
          : source === 'leader' ? leader
            : { id: null, name: callerName(r, i), role: 'citizen', unitId: null };
    const reporterId = source === 'grid_worker' || source === 'dispatcher' || source === 'leader' ? reporter.id : null;
    const reporterName = source === 'hotline' ? callerName(r, i) : reporter.name;
    const communityName = grid.name.replace(/第\d+网格$/, '');
    const cast: Cast = {
      dispatcher: (level) =>
        level === 'district' ? centre
          : level === 'street' ? station(streetCode, `${grid.streetName}网格化服务中心`)
            : station(communityCode, `${communityName}网格工作站`),
      lead: (level) => unitRef(router.lead({ categoryCode: category.code, level, countyCode: world.county, streetCode, communityCode })),
      fallback: (level, returned) => {
        const code = level === 'district' ? officeCode(streetCode) : level === 'street' ? officeCode(communityCode) : null;
        const id = code ? world.idsByCode.get(code) : undefined;
        return id && id !== returned.id ? unitRef(world.units.get(id)!) : null;
      },
      assist: (() => {
        const code = assistOf[category.code];
        const id = code === 'street' ? world.idsByCode.get(officeCode(streetCode)) : code ? world.idsByCode.get(`${world.county}-${code}`) : undefined;
        return id ? unitRef(world.units.get(id)!) : null;
      })(),
      handler: handlerOf,
      verifier,
      reporter,
    };
    const number = (() => {
      const day = shanghaiDay(plan.reportedAt);
      const seq = (counters.get(day) ?? 0) + 1;
      counters.set(day, seq);
      return `${world.county}-${day.replaceAll('-', '')}-${String(seq).padStart(5, '0')}`;
    })();
    const life = simulateCase({
      reportedAt: plan.reportedAt, now, cal: world.cal, categoryCode: category.code, source, reporterId, level: category.level, priority: category.priority,
      limits: category.limits, cast, say: sayer(category.code), rng: r, calm: plan.reportedAt.getTime() < openHorizon,
      duplicateOf: target ? { number: target.number, openAt: (at) => ['reported', 'registered', 'dispatched', 'handling'].includes(stateAt(target.life, at) ?? '') } : null,
    });
    if (life.mergedIn) {
      life.mergedIn.detail = { duplicate: number };
      extraEvents.set(targetIndex, [...(extraEvents.get(targetIndex) ?? []), life.mergedIn]);
    }
    lives.push({ id: uuidFrom(ids), number, plan, life, description, address, reporterId, reporterName, place });
  }
  await checkRouting(db, router.samples);

  // ---- rows ----
  const caseRows: unknown[][] = [];
  const eventRows: unknown[][] = [];
  const unitRows: unknown[][] = [];
  const requestRows: unknown[][] = [];
  const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
  const idByNumber = new Map(lives.map((c) => [c.number, c.id]));
  lives.forEach((c, index) => {
    const l = c.life;
    const p = c.plan;
    const target = l.state === 'merged' ? idByNumber.get(l.steps.find((s) => s.action === 'merge')!.detail.target as string) : undefined;
    const clock = l.clock;
    caseRows.push([
      c.id, c.number, world.county, p.grid.streetCode, p.grid.communityCode, p.grid.code, p.lng, p.lat, c.address, p.category.code, c.description,
      p.category.priority, p.source, c.reporterId, c.reporterName, l.firstReceiver?.id ?? null, l.firstReceiver?.name ?? null, l.state, l.level,
      l.lead?.id ?? null, l.version, clock?.stage ?? (l.state === 'suspended' ? 'handle' : null), iso(clock?.startedAt), iso(clock?.warnAt), iso(clock?.dueAt),
      iso(clock?.warnedAt), iso(clock?.overdueAt), l.suspendedMinutesLeft, l.everOverdue, l.returned, l.reworked, l.reopened, l.escalated,
      l.extensionDays, target ?? null, l.rating?.rating ?? null, l.rating?.note ?? null, iso(l.rating?.at), iso(p.reportedAt), iso(l.registeredAt),
      iso(l.dispatchedAt), iso(l.closedAt), iso(l.updatedAt),
    ]);
    const requestIds = l.requests.map(() => uuidFrom(ids));
    const steps = [...l.steps, ...(extraEvents.get(index) ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const s of steps) {
      // the simulation names a request by its index; the row by its id
      const detail = s.action === 'decide_request' ? { ...s.detail, requestId: requestIds[s.detail.requestId as number] } : s.detail;
      eventRows.push([c.id, iso(s.at), s.action, s.actor?.id ?? null, s.actor?.name ?? '系统', s.actor?.role ?? 'system', s.unitId, s.from, s.to, s.note, detail]);
    }
    for (const u of l.units) unitRows.push([c.id, u.unit.id, u.role, u.state, iso(u.dispatchedAt)]);
    l.requests.forEach((q, k) => requestRows.push([
      requestIds[k], c.id, q.kind, q.workingDays, q.reason, q.unitId, q.by.id, q.by.name, iso(q.at),
      q.decision ? (q.decision.approved ? 'approved' : 'refused') : null, q.decision?.by.name ?? null, iso(q.decision?.at), q.decision?.note ?? null,
    ]));
  });

  await insertJson(db, 'cases', [
    ['id', 'uuid'], ['number', 'text'], ['county_code', 'text'], ['street_code', 'text'], ['community_code', 'text'], ['grid_code', 'text'], ['lng', 'float8'], ['lat', 'float8'],
    ['address', 'text'], ['category_code', 'text'], ['description', 'text'], ['priority', 'text'], ['source', 'text'], ['reporter_id', 'uuid'], ['reporter_name', 'text'],
    ['first_receiver_id', 'uuid'], ['first_receiver_name', 'text'], ['state', 'text'], ['level', 'text'], ['lead_unit_id', 'uuid'], ['version', 'int'], ['stage', 'text'],
    ['stage_started_at', 'timestamptz'], ['stage_warn_at', 'timestamptz'], ['stage_due_at', 'timestamptz'], ['warned_at', 'timestamptz'], ['overdue_at', 'timestamptz'],
    ['suspended_minutes_left', 'int'], ['ever_overdue', 'bool'], ['returned_count', 'int'], ['rework_count', 'int'], ['reopened_count', 'int'], ['escalation_count', 'int'],
    ['extension_days', 'int'], ['merged_into', 'uuid'], ['rating', 'text'], ['rating_note', 'text'], ['rated_at', 'timestamptz'], ['reported_at', 'timestamptz'],
    ['registered_at', 'timestamptz'], ['dispatched_at', 'timestamptz'], ['closed_at', 'timestamptz'], ['updated_at', 'timestamptz'],
  ], caseRows, 2000, { location: 'st_setsrid(st_point(lng, lat), 4326)' }, ['lng', 'lat']);
  await insertJson(db, 'case_units', [['case_id', 'uuid'], ['unit_id', 'uuid'], ['role', 'text'], ['state', 'text'], ['dispatched_at', 'timestamptz']], unitRows, 10_000);
  await insertJson(db, 'case_requests', [
    ['id', 'uuid'], ['case_id', 'uuid'], ['kind', 'text'], ['working_days', 'int'], ['reason', 'text'], ['unit_id', 'uuid'], ['requested_by', 'uuid'], ['requested_by_name', 'text'],
    ['requested_at', 'timestamptz'], ['decision', 'text'], ['decided_by_name', 'text'], ['decided_at', 'timestamptz'], ['decision_note', 'text'],
  ], requestRows, 5000);
  await insertJson(db, 'case_events', [
    ['case_id', 'uuid'], ['at', 'timestamptz'], ['action', 'text'], ['actor_id', 'uuid'], ['actor_name', 'text'], ['actor_role', 'text'], ['unit_id', 'uuid'],
    ['from_state', 'text'], ['to_state', 'text'], ['note', 'text'], ['detail', 'jsonb'],
  ], eventRows, 10_000);
  // live reports continue each day's numbering
  const days = [...counters.keys()];
  await sql`
    insert into case_number_counters (county_code, day, last)
    select ${world.county}, d, n from unnest(${days}::date[], ${days.map((d) => counters.get(d)!)}::int[]) as t(d, n)
    on conflict (county_code, day) do update set last = greatest(case_number_counters.last, excluded.last)`.execute(db);

  return { cases: lives.length, open: lives.filter((c) => !['closed', 'rejected', 'merged'].includes(c.life.state)).length, events: eventRows.length };
}

/**
 * Inserts rows in chunks, each chunk one JSON text parameter unpacked by json_to_recordset: on the
 * embedded database one string crosses into WebAssembly much faster than one array per column.
 * `computed` columns are expressions over the record's fields; `recordOnly` fields are not columns.
 */
async function insertJson(
  db: Kysely<DB>, table: string, spec: ReadonlyArray<readonly [string, string]>, rows: unknown[][], chunk: number,
  computed: Record<string, string> = {}, recordOnly: readonly string[] = [],
) {
  // the record's fields are f0, f1, …: short keys keep the JSON (and the copy into the database) small
  const key = new Map(spec.map(([n], k) => [n, `f${k}`]));
  const fields = spec.map(([n]) => n).filter((n) => !recordOnly.includes(n));
  const columns = sql.raw([...fields, ...Object.keys(computed)].join(', '));
  const values = sql.raw([...fields.map((n) => key.get(n)), ...Object.values(computed).map((e) => e.replace(/\b\w+\b/g, (w) => key.get(w) ?? w))].join(', '));
  const record = sql.raw(spec.map(([n, t]) => `${key.get(n)} ${t}`).join(', '));
  const keys = spec.map(([n]) => key.get(n)!);
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(rows.slice(i, i + chunk).map((r) => Object.fromEntries(keys.map((k, j) => [k, r[j]]))));
    await sql`insert into ${sql.raw(table)} (${columns}) select ${values} from json_to_recordset(${json}::json) as t(${record})`.execute(db);
  }
}
