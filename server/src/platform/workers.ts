import { Worker, workerData, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts a TypeScript module in a worker thread, with `data` as its input (`workerInput()` there).
 * CPU-heavy work that needs no database (parsing and checking a million-row file) runs beside the
 * thread that serves requests and writes to the database, on the machine's other core.
 */
export function startWorker(module: URL, data: unknown, resourceLimits?: ResourceLimits): Worker {
  return new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { module: module.href, data }, resourceLimits });
}

/** Inside a worker started by startWorker: the data it was given. */
export function workerInput<T>(): T {
  return (workerData as { data: T }).data;
}
