import { startWorker } from '../../platform/workers.js';
import { TextClassifier } from './classifier.js';
import type { Example } from './split.js';
import type { TrainingMetrics, TrainingOptions } from './training.js';

/**
 * trainClassifier in a worker thread: a training takes 15–20 s of one core, during which the thread
 * that answers requests must stay free (the first request of a new database waits for the model; the
 * others must not).
 */
export function trainInWorker(examples: readonly Example[], options: Partial<TrainingOptions> = {}): Promise<{ classifier: TextClassifier; metrics: TrainingMetrics }> {
  const worker = startWorker(new URL('./train-worker.ts', import.meta.url), { examples, options });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { model: Uint8Array; metrics: TrainingMetrics }) => resolve({ classifier: TextClassifier.deserialise(m.model), metrics: m.metrics }));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`training worker exited with code ${code}`)));
  });
}
