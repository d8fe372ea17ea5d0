import type { CaseLevel } from '@gongzhi/contracts';

/** 小事不出社区，大事不出街道: what a level cannot settle goes one level up. */
export function levelAbove(level: CaseLevel): CaseLevel | null {
  return level === 'community' ? 'street' : level === 'street' ? 'district' : null;
}

/** A dispatcher works at the level of their scope: a county (or wider) scope is the district centre. */
export function levelOfScope(scopeCode: string): CaseLevel {
  if (scopeCode.length === 15 || !scopeCode.endsWith('000')) return 'community';
  if (!scopeCode.endsWith('000000')) return 'street';
  return 'district';
}

/** States in which an overdue case at community or street level is escalated by the deadline job. */
export const autoEscalatingStates = ['reported', 'registered', 'dispatched', 'handling'] as const;
