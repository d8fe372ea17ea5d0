import { caseActions, caseStates, type CaseAction, type CaseState } from '@gongzhi/contracts';
import { describe, expect, it } from 'vitest';
import { canStart, isOpen, nextState } from './state-machine.js';

/** The loop as the dispatch centre's handbook states it, written out by hand: action → state → result. */
const expected: Record<CaseAction, Partial<Record<CaseState, CaseState>>> = {
  register: { reported: 'registered' },
  reject: { reported: 'rejected' },
  merge: { reported: 'merged', registered: 'merged' },
  dispatch: { registered: 'dispatched' },
  urge: { dispatched: 'dispatched', handling: 'handling', feedback: 'feedback' },
  sign: { dispatched: 'handling' },
  return: { dispatched: 'registered', handling: 'registered' },
  feedback: { handling: 'feedback' },
  assist_done: { dispatched: 'dispatched', handling: 'handling' },
  request_extension: { handling: 'handling' },
  request_suspension: { handling: 'handling' },
  decide_request: { handling: 'handling' },
  resume: { suspended: 'handling' },
  escalate: { reported: 'reported', registered: 'registered', dispatched: 'registered', handling: 'registered' },
  close: { feedback: 'closed' },
  rework: { feedback: 'handling' },
  rate: { closed: 'closed' },
};

describe('case state machine', () => {
  for (const action of caseActions) {
    for (const state of caseStates) {
      const want = expected[action][state] ?? null;
      it(`${action} from ${state} → ${want ?? 'refused'}`, () => {
        expect(canStart(action, state)).toBe(want !== null);
        expect(nextState(action, { state, reopenedCount: 0, rating: 'satisfied', approve: false })).toBe(want);
      });
    }
  }

  it('an approved suspension suspends; an approved extension or a refusal keeps handling', () => {
    expect(nextState('decide_request', { state: 'handling', reopenedCount: 0, approve: true, requestKind: 'suspension' })).toBe('suspended');
    expect(nextState('decide_request', { state: 'handling', reopenedCount: 0, approve: true, requestKind: 'extension' })).toBe('handling');
    expect(nextState('decide_request', { state: 'handling', reopenedCount: 0, approve: false, requestKind: 'suspension' })).toBe('handling');
  });

  it('不满意 reopens a closed case once; the second time it stays closed', () => {
    expect(nextState('rate', { state: 'closed', reopenedCount: 0, rating: 'dissatisfied' })).toBe('handling');
    expect(nextState('rate', { state: 'closed', reopenedCount: 1, rating: 'dissatisfied' })).toBe('closed');
    expect(nextState('rate', { state: 'closed', reopenedCount: 0, rating: 'basically_satisfied' })).toBe('closed');
  });

  it('closed, rejected and merged cases are finished; every other state is open', () => {
    expect(caseStates.filter((s) => !isOpen(s))).toEqual(['closed', 'rejected', 'merged']);
  });
});
