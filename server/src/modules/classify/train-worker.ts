/** The worker thread of a training (see trainInWorker): trains, scores the model it replaces, sends both back. */
import { parentPort } from 'node:worker_threads';
import { workerInput } from '../../platform/workers.js';
import { TextClassifier } from './classifier.js';
import type { Example } from './split.js';
import { scoreOn, trainClassifier, type TrainingOptions } from './training.js';

const { examples, options, corrections, previous } = workerInput<{
  examples: Example[];
  options: Partial<TrainingOptions>;
  corrections: Example[];
  previous: { id: string; model: Uint8Array } | null;
}>();
const { classifier, metrics, heldOut } = trainClassifier(examples, options, corrections);
if (previous) metrics.previousHeldOut = { ...scoreOn(TextClassifier.deserialise(previous.model), heldOut), modelId: previous.id };
parentPort!.postMessage({ model: classifier.serialise(), metrics });
