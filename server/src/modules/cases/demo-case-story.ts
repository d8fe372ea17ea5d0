import type { CaseLevel, CasePriority, CaseStage, CaseState, TimelineAction } from '@gongzhi/contracts';
import { addWorkingMinutes, workingMinutesBetween, type WorkCalendar } from '../calendar/index.js';
import { extendStage, minimumLimit, stageLimit, startStage, workingDayMinutes, type StageLimits } from './deadlines.js';
import { autoEscalatingStates, levelAbove } from './levels.js';

/** The life of one demo case, simulated step by step as people and the deadline job would take it (pure). */

import { pick, sampler, weighted, type Rng } from '../../platform/random.js';

export { pick, sampler, weighted, type Rng };

// ---- the mix -------------------------------------------------------------------------------------

export const historyDays = 183;
export const perDay = 100;
/** Shares of what happens to a case (of all cases unless noted). */
export const odds = {
  reject: 0.04, duplicate: 0.02, return: 0.055, extension: 0.03, extensionApproved: 0.85, suspension: 0.01, rework: 0.06,
  rated: 0.78, dissatisfied: 0.05, basically: 0.15, assist: 0.4, slowHandle: 0.038, slowVerify: 0.015, slowIntake: 0.006,
  /** community cases sent up to the street, street cases sent up to the district (by people, not the job) */
  escalateCommunity: 0.14, escalateStreet: 0.1, urgeAfterOverdue: 0.5, urgeAfterRemind: 0.1,
  /** recent cases that wait at the command centre for more information */
  stall: 0.02,
};
/** Reports within this many days may stall at the command centre. */
export const openHorizonDays = 14;

/** Daily weight of the everyday leaf categories; others get `rareWeight`. */
export const categoryWeight: Record<string, number> = {
  E0101: 12, E0103: 6, E0201: 8, E0502: 7, E0501: 5, E0504: 6, E0505: 3, C0101: 3, C0103: 4, C0205: 3, S0101: 4, S0103: 4,
  C0302: 3, E0102: 2, E0303: 1.5, E0301: 2, E0302: 1.5, E0503: 1.5, C0102: 1.5, C0202: 0.8, C0203: 1, C0204: 0.5, C0201: 0.8,
  C0301: 0.8, C0303: 0.8, C0401: 0.4, C0402: 1.5, C0403: 1, C0501: 0.3, C0502: 0.5, C0503: 0.3, E0104: 0.5, E0105: 1,
  E0202: 1.2, E0203: 1, E0304: 0.8, E0401: 0.05, E0402: 0.15, E0403: 0.05, E0404: 0.4, E0405: 0.5, S0102: 1.5, S0104: 1,
  S0105: 0.5, S0201: 0.8, S0202: 1.5, S0203: 1.5, S0301: 1.2, S0302: 0.5, S0303: 0.3, S0401: 1, S0402: 0.6, S0403: 0.4,
  S0404: 0.5, S0405: 1, S0406: 2, S0501: 2, S0502: 0.6, S0503: 0.3, S0601: 0.6, S0602: 0.1, S0701: 0.8, S0702: 1.5, S0703: 0.3,
};
export const rareWeight = 0.3;
/** Rural grids see more burning and land disputes, urban ones more street trading and parking. */
export const ruralFactor: Record<string, number> = { E0105: 4, S0105: 5, E0102: 1.5, E0502: 0.4, E0501: 0.6, E0504: 0.3, E0505: 0.5, C0204: 0.3, S0406: 0.3, S0103: 0.4 };

export type Reporting = 'grid_worker' | 'hotline' | 'citizen' | 'dispatcher' | 'leader';
export const sourceShares: Record<'work' | 'off', Record<Reporting, number>> = {
  work: { grid_worker: 50, hotline: 27, citizen: 12, dispatcher: 8, leader: 3 },
  off: { grid_worker: 30, hotline: 38, citizen: 22, dispatcher: 9, leader: 1 },
};
/** Reports per hour of the day (Asia/Shanghai), by source. */
export const hourProfile: Record<Reporting, number[]> = {
  grid_worker: [0, 0, 0, 0, 0, 0, 0.2, 1, 4, 6, 6, 5, 2, 2, 4, 6, 6, 4, 1, 0.3, 0.1, 0, 0, 0],
  hotline: [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 3, 4, 4, 3.5, 2.5, 2.5, 3.5, 4, 3.5, 3, 2.5, 2.5, 2.5, 2, 1.2, 0.6],
  citizen: [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 1.5, 2.5, 3, 3, 2.5, 2, 2, 2.5, 2.5, 2.5, 2.5, 3, 3.5, 3.5, 3, 2, 1],
  dispatcher: [0.5, 0.4, 0.3, 0.3, 0.3, 0.4, 1, 2, 3, 3, 3, 3, 2, 2, 3, 3, 3, 2.5, 2, 1.5, 1.5, 1, 0.8, 0.6],
  leader: [0, 0, 0, 0, 0, 0, 0, 0.5, 3, 4, 4, 2, 0.5, 1, 3, 4, 3, 1, 0, 0, 0, 0, 0, 0],
};
/** Patrols find components and events; callers complain about what touches their homes. */
export const classAffinity: Record<Reporting, Record<'C' | 'E' | 'S', number>> = {
  grid_worker: { C: 1.3, E: 1.3, S: 0.6 },
  hotline: { C: 0.8, E: 0.8, S: 1.8 },
  citizen: { C: 1.1, E: 0.9, S: 1.4 },
  dispatcher: { C: 1.2, E: 1.4, S: 0.3 },
  leader: { C: 1, E: 1, S: 1 },
};
/** Units that often help the lead unit (district level): a unit code, or the street office. */
export const assistOf: Record<string, string> = { E0303: 'JT', E0401: 'GA', E0402: 'street', E0403: 'YJ', E0404: 'street', E0302: 'ZF', E0503: 'ZF', S0602: 'GA', S0601: 'street' };

// ---- small helpers -------------------------------------------------------------------------------

export const MINUTE = 60_000;
/** A log-normal draw around `median` (spread `sigma`), for human delays. */
export function lognormal(rng: Rng, median: number, sigma = 0.8): number {
  const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return median * Math.exp(sigma * z);
}
export const later = (t: Date, ms: number) => new Date(t.getTime() + ms);
export const maxDate = (a: Date, b: Date) => (a > b ? a : b);

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

export interface Clock {
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

export type Rating = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

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
  lateStages: CaseStage[];
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
export function drawFate(s: CaseStory) {
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

export class Story {
  readonly steps: Step[] = [];
  mergedIn: Step | null = null;
  state: CaseState = 'reported';
  level: CaseLevel;
  version = 1;
  lead: SimUnit | null = null;
  clock: Clock | null = null;
  suspendedMinutesLeft: number | null = null;
  everOverdue = false;
  lateStages = new Set<CaseStage>();
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
      suspendedMinutesLeft: this.suspendedMinutesLeft, everOverdue: this.everOverdue, lateStages: [...this.lateStages], returned: this.returned, reworked: this.reworked,
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

  /** A stage that ends after its deadline is remembered (cases.late_stages), as the loop does. */
  private endClock(at: Date) {
    if (this.clock && at > this.clock.dueAt) this.lateStages.add(this.clock.stage);
    this.clock = null;
  }

  private startClock(stage: CaseStage, at: Date, minutes?: number) {
    this.endClock(at);
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
    this.endClock(when);
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
    this.endClock(when);
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

