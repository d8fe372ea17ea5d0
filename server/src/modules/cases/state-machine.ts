import type { CaseAction, CaseState } from '@gongzhi/contracts';

/**
 * Which state each action moves a case from and to. Actions that keep the state (urge, requests,
 * assist_done, a satisfied rating) list it on both sides. `rate` and `escalate` have outcomes that
 * depend on the case (see `nextState`); the table lists where they may start.
 */
export const transitions: Record<CaseAction, { from: readonly CaseState[]; to: CaseState | 'same' }> = {
  register: { from: ['reported'], to: 'registered' },
  reject: { from: ['reported'], to: 'rejected' },
  merge: { from: ['reported', 'registered'], to: 'merged' },
  dispatch: { from: ['registered'], to: 'dispatched' },
  urge: { from: ['dispatched', 'handling', 'feedback'], to: 'same' },
  sign: { from: ['dispatched'], to: 'handling' },
  return: { from: ['dispatched', 'handling'], to: 'registered' },
  feedback: { from: ['handling'], to: 'feedback' },
  assist_done: { from: ['dispatched', 'handling'], to: 'same' },
  request_extension: { from: ['handling'], to: 'same' },
  request_suspension: { from: ['handling'], to: 'same' },
  // an approved suspension suspends; an approved extension or a refusal keeps handling
  decide_request: { from: ['handling'], to: 'same' },
  resume: { from: ['suspended'], to: 'handling' },
  // escalation hands the case to the next level's dispatcher: a report stays a report, the rest wait to be dispatched
  escalate: { from: ['reported', 'registered', 'dispatched', 'handling'], to: 'registered' },
  close: { from: ['feedback'], to: 'closed' },
  rework: { from: ['feedback'], to: 'handling' },
  // 不满意 reopens a case once for 重办
  rate: { from: ['closed'], to: 'same' },
};

export function canStart(action: CaseAction, state: CaseState): boolean {
  return transitions[action].from.includes(state);
}

export interface TransitionFacts {
  state: CaseState;
  reopenedCount: number;
  approve?: boolean;
  requestKind?: 'extension' | 'suspension';
  rating?: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
}

/** The state after `action`, or null when the action may not start from this state. */
export function nextState(action: CaseAction, facts: TransitionFacts): CaseState | null {
  if (!canStart(action, facts.state)) return null;
  if (action === 'escalate') return facts.state === 'reported' ? 'reported' : 'registered';
  if (action === 'decide_request') return facts.approve && facts.requestKind === 'suspension' ? 'suspended' : 'handling';
  if (action === 'rate') return facts.rating === 'dissatisfied' && facts.reopenedCount === 0 ? 'handling' : 'closed';
  const to = transitions[action].to;
  return to === 'same' ? facts.state : to;
}

export const isOpen = (state: CaseState) => !['closed', 'rejected', 'merged'].includes(state);
