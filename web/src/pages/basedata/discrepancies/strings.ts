import { useLocalText } from '../../collect/localText';

/** The words of the 比对 tab, Chinese first. */
const discrepancyText = {
  status_open: ['待处理', 'Open'],
  status_kept: ['已保留原值', 'Kept'],
  status_accepted: ['已采用新值', 'Accepted'],
  intro: ['同一字段的不同来源不一致、且新值不来自该字段的权威来源时，新值不会直接覆盖，而是在这里等待确认。', 'When a source other than a field’s authoritative one brings a different value, it does not overwrite: it waits here for a decision.'],
  record: ['记录', 'Record'],
  grid: ['网格', 'Grid'],
  field: ['字段', 'Field'],
  current: ['当前值', 'Current value'],
  proposed: ['新值', 'Proposed value'],
  from: ['来源：{source}', 'from {source}'],
  noSource: ['来源不明', 'source unknown'],
  empty: ['（空）', '(blank)'],
  at: ['时间', 'Time'],
  decide: ['处理', 'Decision'],
  keep: ['保留原值', 'Keep current'],
  accept: ['采用新值', 'Accept new'],
  acceptConfirm: ['用“{value}”替换当前值？', 'Replace the current value with “{value}”?'],
  kept: ['已保留原值', 'Current value kept'],
  accepted: ['已采用新值', 'New value accepted'],
  none: ['没有待处理的比对', 'Nothing to compare'],
  totalN: ['共 {n} 条', '{n} in all'],
  entity_person: ['人员', 'Person'],
  entity_dwelling: ['房屋', 'Dwelling'],
  entity_organisation: ['单位', 'Organisation'],
  notLive: ['比对接口暂不可用：{e}', 'The discrepancy API is not available: {e}'],
} as const;

export const useDiscrepancyText = () => useLocalText(discrepancyText);
