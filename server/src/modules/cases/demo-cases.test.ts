import { caseActions, type CaseAction, type CaseLevel, type CasePriority, type CaseState } from '@gongzhi/contracts';
import { describe, expect, it } from 'vitest';
import { calendarFrom } from '../calendar/index.js';
import { seededRandom } from '../../platform/random.js';
import { simulateCase, stateAt, type Cast, type CaseStory, type Lifecycle, type Party, type SimUnit } from './demo-case-story.js';
import { isOpen, nextState } from './state-machine.js';

const cal = calendarFrom([{ day: '2026-10-01', kind: 'holiday' }, { day: '2026-10-02', kind: 'holiday' }, { day: '2026-10-10', kind: 'workday' }]);
const now = new Date('2026-11-24T02:49:00Z');
const unit = (id: string): SimUnit => ({ id, name: id });
const units = { community: unit('JWH'), street: unit('BSC'), district: unit('ZF'), assist: unit('JT') };
const dispatchers: Record<CaseLevel, Party> = {
  community: { id: null, name: '社区网格工作站', role: 'dispatcher', unitId: null },
  street: { id: null, name: '街道网格化服务中心', role: 'dispatcher', unitId: null },
  district: { id: 'd', name: '指挥中心派遣员', role: 'dispatcher', unitId: null },
};
const worker: Party = { id: 'w', name: '网格员', role: 'grid_worker', unitId: null };
const caller: Party = { id: null, name: '王女士', role: 'citizen', unitId: null };

function story(i: number): CaseStory {
  const r = seededRandom(`story-${i}`);
  const level = (['community', 'street', 'district', 'district'] as const)[i % 4]!;
  const source = i % 3 === 0 ? 'citizen' : 'grid_worker';
  const cast: Cast = {
    dispatcher: (l) => dispatchers[l],
    lead: (l) => units[l],
    fallback: (l, returned) => (l === 'district' && returned.id !== 'BSC' ? units.street : l === 'street' && returned.id !== 'JWH' ? units.community : null),
    assist: i % 5 === 0 ? units.assist : null,
    handler: (u) => ({ id: null, name: `${u.name}处置员`, role: 'handler', unitId: u.id }),
    verifier: { id: 'v', name: '监督员', role: 'verifier', unitId: null },
    reporter: source === 'grid_worker' ? worker : caller,
  };
  const priority: CasePriority = i % 17 === 0 ? 'critical' : i % 7 === 0 ? 'urgent' : 'normal';
  return {
    // spread over the last 30 days so that many stories are still running at `now`
    reportedAt: new Date(now.getTime() - r() * 30 * 86_400_000),
    now, cal, categoryCode: 'E0101', source, reporterId: source === 'grid_worker' ? worker.id : null, level, priority,
    limits: { register: 60, dispatch: 30, handle: level === 'community' ? 2250 : 450, verify: 240 },
    cast, say: (kind) => kind, rng: r, calm: false,
    duplicateOf: i % 11 === 0 ? { number: '370303-20261101-00001', openAt: () => true } : null,
  };
}

const lives: Array<{ s: CaseStory; life: Lifecycle }> = Array.from({ length: 3000 }, (_, i) => {
  const s = story(i);
  return { s, life: simulateCase(s) };
});
const isAction = (a: string): a is CaseAction => (caseActions as readonly string[]).includes(a);

describe('simulated case histories', () => {
  it('every step is a transition the state machine allows, in time order and before now', () => {
    for (const { s, life } of lives) {
      let state: CaseState = 'reported';
      let reopened = 0;
      let last = s.reportedAt;
      for (const step of life.steps.slice(1)) {
        expect(step.at >= last).toBe(true);
        expect(step.at <= now).toBe(true);
        last = step.at;
        if (step.action === 'reopen') reopened++;
        if (!isAction(step.action) && step.action !== 'auto_escalate') continue;
        expect(step.from).toBe(state);
        if (step.action === 'auto_escalate') {
          expect(['reported', 'registered', 'dispatched', 'handling']).toContain(state);
          expect(step.to).toBe(state === 'reported' ? 'reported' : 'registered');
        } else {
          const detail = step.detail as { approved?: boolean; kind?: 'extension' | 'suspension'; rating?: 'satisfied' | 'basically_satisfied' | 'dissatisfied' };
          const to = nextState(step.action, { state, reopenedCount: reopened, approve: detail.approved, requestKind: detail.kind, rating: detail.rating });
          expect(to, `${step.action} from ${state}`).toBe(step.to);
        }
        state = step.to!;
      }
      expect(life.state).toBe(state);
    }
  });

  it('version, counters and timestamps agree with the timeline', () => {
    for (const { life } of lives) {
      const count = (a: string) => life.steps.filter((x) => x.action === a).length;
      expect(life.version).toBe(1 + life.steps.filter((x) => isAction(x.action) || x.action === 'auto_escalate').length);
      expect(life.returned).toBe(count('return'));
      expect(life.reworked).toBe(count('rework'));
      expect(life.reopened).toBe(count('reopen'));
      expect(life.escalated).toBe(count('escalate') + count('auto_escalate'));
      const approved = life.steps.filter((x) => x.action === 'decide_request' && x.detail.kind === 'extension' && x.detail.approved);
      expect(life.extensionDays).toBe(approved.reduce((sum, x) => sum + (x.detail.workingDays as number), 0));
      expect(life.closedAt !== null).toBe(life.state === 'closed');
      expect(life.rating === null || life.state === 'closed').toBe(true);
      expect(life.updatedAt).toEqual([...life.steps].reverse().find((x) => x.to !== null)!.at);
      expect(life.requests.filter((q) => !q.decision).length).toBeLessThanOrEqual(1);
    }
  });

  it('an open case has the clock the deadline job would leave: reminded and marked overdue, never owing an escalation', () => {
    const margin = new Date(now.getTime() - 60_000);
    for (const { life } of lives) {
      if (!isOpen(life.state)) {
        expect(life.clock).toBeNull();
        continue;
      }
      if (life.state === 'suspended') {
        expect(life.clock).toBeNull();
        expect(life.suspendedMinutesLeft).not.toBeNull();
        continue;
      }
      const c = life.clock!;
      expect(c.startedAt <= now).toBe(true);
      if (c.warnAt < margin) expect(c.warnedAt).not.toBeNull();
      if (c.dueAt < margin) {
        expect(c.overdueAt).not.toBeNull();
        expect(life.everOverdue).toBe(true);
        // community and street cases that ran over in these states have been escalated by the job
        expect(life.level === 'district' || !['reported', 'registered', 'dispatched', 'handling'].includes(life.state)).toBe(true);
      }
      if (['dispatched', 'handling', 'feedback'].includes(life.state)) expect(life.lead).not.toBeNull();
    }
  });

  it('the right people act: dispatchers coordinate at the case level, the lead unit handles, callers are rated by a dispatcher', () => {
    for (const { s, life } of lives) {
      let level = s.level;
      for (const step of life.steps) {
        const role = step.actor?.role ?? 'system';
        if (['register', 'reject', 'merge', 'dispatch', 'urge', 'decide_request'].includes(step.action)) expect(step.actor).toBe(dispatchers[level]);
        if (['sign', 'return', 'feedback', 'request_extension', 'request_suspension'].includes(step.action)) expect(role).toBe('handler');
        if (['close', 'rework'].includes(step.action)) expect(role).toBe('verifier');
        if (step.action === 'rate') expect(step.actor).toBe(s.reporterId ? worker : dispatchers[level]);
        if (step.action === 'dispatch') expect([units[level].id, units.street.id, units.community.id]).toContain(step.unitId);
        if (step.action === 'escalate' || step.action === 'auto_escalate') level = step.detail.to as CaseLevel;
      }
      expect(life.level).toBe(level);
    }
  });

  it('covers the loop: rejections, merges, returns, extensions, suspensions, rework, reopening, escalation and open cases', () => {
    const actions = new Set(lives.flatMap(({ life }) => life.steps.map((x) => x.action)));
    for (const a of ['reject', 'merge', 'return', 'request_extension', 'request_suspension', 'resume', 'rework', 'reopen', 'escalate', 'auto_escalate', 'remind', 'overdue', 'urge', 'assist_done']) {
      expect(actions, a).toContain(a);
    }
    const open = new Set(lives.filter(({ life }) => isOpen(life.state)).map(({ life }) => life.state));
    for (const state of ['reported', 'registered', 'dispatched', 'handling', 'feedback']) expect(open, state).toContain(state);
  });

  it('stateAt reads the state of a history at an instant', () => {
    const { s, life } = lives.find(({ life }) => life.state === 'closed')!;
    expect(stateAt(life, new Date(s.reportedAt.getTime() - 1))).toBeNull();
    expect(stateAt(life, s.reportedAt)).toBe('reported');
    expect(stateAt(life, now)).toBe('closed');
  });
});
