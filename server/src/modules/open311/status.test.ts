import { caseStates } from '@gongzhi/contracts';
import { describe, expect, it } from 'vitest';
import { open311Status, statusNotes } from './status.js';

const facts = { leadUnitName: '区综合执法局', lastAction: null, lastNote: null };

describe('Open311 status mapping', () => {
  it('closed, rejected and merged are closed; every other state is open', () => {
    const closed = caseStates.filter((s) => open311Status(s) === 'closed');
    expect(closed).toEqual(['closed', 'rejected', 'merged']);
    expect(open311Status('suspended')).toBe('open');
    expect(open311Status('feedback')).toBe('open');
  });

  it('every state has a Chinese note', () => {
    for (const state of caseStates) expect(statusNotes({ state, ...facts })).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names the lead unit while it works, and the reason of a rejection', () => {
    expect(statusNotes({ state: 'dispatched', ...facts })).toBe('已派遣至区综合执法局');
    expect(statusNotes({ state: 'handling', ...facts })).toBe('区综合执法局正在处置');
    expect(statusNotes({ state: 'dispatched', ...facts, leadUnitName: null })).toBe('已派遣至处置单位');
    expect(statusNotes({ state: 'rejected', ...facts, lastAction: 'reject', lastNote: '不属于城市管理范围' })).toBe('不予立案：不属于城市管理范围');
    expect(statusNotes({ state: 'rejected', ...facts, lastAction: 'reject', lastNote: '  ' })).toBe('不予立案');
    // a note of another step (an urge after closing, say) is not taken for the reason
    expect(statusNotes({ state: 'closed', ...facts, lastAction: 'rate', lastNote: '很满意' })).toBe('已核查结案');
  });
});
