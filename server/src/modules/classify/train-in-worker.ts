import { startWorker } from '../../platform/workers.js';
import { TextClassifier } from './classifier.js';
import type { Example } from './split.js';
import type { TrainingMetrics, TrainingOptions } from './training.js';

export interface TrainingJob {
  examples: readonly Example[];
  options?: Partial<TrainingOptions>;
  /** dispatchers' choices, split apart from the examples (training.ts) */
  corrections?: readonly Example[];
  /** the current model, scored on the new model's held-out messages so the two compare on the same ones */
  previous?: { id: string; model: Uint8Array } | null;
}

/**
 * trainClassifier in a worker thread: a training takes 15–20 s of one core, during which the thread
 * that answers requests must stay free (the first request of a new database waits for the model; the
 * others must not).
 */
export function trainInWorker(job: TrainingJob): Promise<{ classifier: TextClassifier; metrics: TrainingMetrics }> {
  const worker = startWorker(new URL('./train-worker.ts', import.meta.url), { examples: job.examples, options: job.options ?? {}, corrections: job.corrections ?? [], previous: job.previous ?? null });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { model: Uint8Array; metrics: TrainingMetrics }) => resolve({ classifier: TextClassifier.deserialise(m.model), metrics: m.metrics }));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`training worker exited with code ${code}`)));
  });
}
