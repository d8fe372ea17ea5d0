import type { CaseState } from '@gongzhi/contracts';

/** Open311 knows two states; a case is closed once nothing more will be done on it. */
const finalStates: ReadonlySet<CaseState> = new Set(['closed', 'rejected', 'merged']);

export function open311Status(state: CaseState): 'open' | 'closed' {
  return finalStates.has(state) ? 'closed' : 'open';
}

export interface StatusFacts {
  state: CaseState;
  leadUnitName: string | null;
  /** The latest timeline step and its note (a rejection's reason, a suspension's cause). */
  lastAction: string | null;
  lastNote: string | null;
}

const withNote = (text: string, note: string | null) => (note?.trim() ? `${text}：${note.trim()}` : text);

/**
 * What Gongzhi's rich state means to a citizen, in Chinese: Open311 clients show status_notes beside
 * open/closed, so this is where the loop's stages (立案, 派遣, 处置, 核查) stay visible.
 */
export function statusNotes(f: StatusFacts): string {
  const unit = f.leadUnitName || '处置单位';
  switch (f.state) {
    case 'reported':
      return '已受理，等待立案审核';
    case 'registered':
      return '已立案，等待派遣';
    case 'dispatched':
      return `已派遣至${unit}`;
    case 'handling':
      return `${unit}正在处置`;
    case 'suspended':
      return withNote('办理已挂起', f.lastAction === 'decide_request' || f.lastAction === 'request_suspension' ? f.lastNote : null);
    case 'feedback':
      return `${unit}已处置完毕，等待核查`;
    case 'closed':
      return withNote('已核查结案', f.lastAction === 'close' ? f.lastNote : null);
    case 'rejected':
      return withNote('不予立案', f.lastAction === 'reject' ? f.lastNote : null);
    case 'merged':
      return '与已有案件重复，已合并办理';
  }
}
