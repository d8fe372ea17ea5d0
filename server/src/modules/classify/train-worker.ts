/** The worker thread of a training (see trainInWorker): trains, then sends the model and its figures back. */
import { parentPort } from 'node:worker_threads';
import { workerInput } from '../../platform/workers.js';
import type { Example } from './split.js';
import { trainClassifier, type TrainingOptions } from './training.js';

const { examples, options } = workerInput<{ examples: Example[]; options: Partial<TrainingOptions> }>();
const { classifier, metrics } = trainClassifier(examples, options);
parentPort!.postMessage({ model: classifier.serialise(), metrics });
