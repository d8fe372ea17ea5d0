import type { CaseSource, CaseState } from '@gongzhi/contracts';

/** State names as the web shows them (web/src/app/i18n.tsx), for what the server writes for people: exports, citizen views. */
export const stateNames: Record<CaseState, string> = {
  reported: '待受理', registered: '待派遣', dispatched: '待签收', handling: '处置中', suspended: '已挂起',
  feedback: '待核查', closed: '已结案', rejected: '不予立案', merged: '已合并',
};

export const sourceNames: Record<CaseSource, string> = {
  grid_worker: '网格员上报', hotline: '12345 热线', citizen: '居民上报', dispatcher: '指挥中心', leader: '领导交办', api: '系统接入', open311: 'Open311', sensor: '物联感知',
};

export const stageNames: Record<string, string> = { register: '立案', dispatch: '派遣', handle: '处置', verify: '核查' };

export const ratingNames: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' };
