import { useLocalText } from '../../collect/localText';

/** The words of 智能分拨 (automatic dispatch and the classifier's models), Chinese first. */
const classifierText = {
  tab: ['智能分拨', 'Automatic dispatch'],
  intro: ['每条上报在受理后由分类模型读取，给出建议的职能部门和置信度。置信度不低于阈值、且案件层级允许该部门承办的，系统自动立案并派遣；其余等待指挥中心处理。派遣员的每次派遣都会记录下来，用于重新训练模型。',
    'Every report is read by the classifier after intake, which suggests a department with a confidence. Reports read with at least the threshold, whose level lets that department take them, are registered and dispatched by the system; the rest wait for the command centre. Every dispatcher’s choice is kept for retraining the model.'],
  autoDispatch: ['自动派遣', 'Automatic dispatch'],
  threshold: ['置信度阈值', 'Confidence threshold'],
  thresholdHint: ['0.5–1；越高越谨慎', '0.5–1; higher is more cautious'],
  off: ['关闭（全部人工派遣）', 'Off (people dispatch everything)'],
  retrainEvery: ['定期重新训练间隔（小时）', 'Scheduled retraining every (hours)'],
  retrainMin: ['至少新增纠正（条）', 'With at least this many new corrections'],
  save: ['保存', 'Save'],
  saved: ['已保存', 'Saved'],
  updatedBy: ['最近由 {name} 于 {time} 修改', 'Last changed by {name} at {time}'],
  models: ['分类模型', 'Models'],
  choices: ['已记录派遣选择 {kept} 条，当前模型之后的纠正 {since} 条', '{kept} dispatcher choices kept; {since} corrections since the current model'],
  retrain: ['立即重新训练', 'Retrain now'],
  training: ['正在训练，约需 20–30 秒…', 'Training, about 20–30 s…'],
  retrained: ['新模型已训练：宏平均 F1 {f1}（原模型在同一测试集上 {prev}）', 'New model trained: macro-F1 {f1} (the previous model on the same held-out set: {prev})'],
  keptOld: ['新模型未超过当前模型，当前模型继续使用', 'The new model did not score as well; the current model stays'],
  madeCurrent: ['新模型已启用', 'The new model is now current'],
  colTrainedAt: ['训练时间', 'Trained at'],
  colBy: ['训练人', 'By'],
  colSource: ['训练数据', 'Data'],
  colExamples: ['训练 / 测试', 'Train / held out'],
  colCorrections: ['其中派遣记录', 'Of which dispatches'],
  colF1: ['宏平均 F1', 'Macro-F1'],
  colRawF1: ['原始文本 F1', 'Raw-text F1'],
  colPrev: ['对比原模型', 'Previous, same set'],
  current: ['当前使用', 'Current'],
  system: ['系统', 'System'],
} as const;

export const useClassifierText = () => useLocalText(classifierText);
