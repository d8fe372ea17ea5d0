export { classifyRoutes } from './classify.routes.js';
export { classifyText, suggestionForText } from './classify.service.js';
export { currentClassifier, labelUnits, trainFromCsv, trainModel, unitForLabel, type LabelUnit, type Trainer, type TrainedModel } from './models.service.js';
export { classifyCsvFile, ClassifyCsvError, defaultOutFile, type ClassifyCsvResult } from './classify-cli.js';
export { trainClassifier, defaultTrainingOptions, type TrainingMetrics } from './training.js';
export { defaultTrainingFile, readTrainingCsv } from './training-data.js';
export { rawLike } from './raw-like.js';
export { stratifiedSplit, withoutDuplicates, type Example } from './split.js';
