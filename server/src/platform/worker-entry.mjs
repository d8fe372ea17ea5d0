// Entry of every worker thread: workers do not inherit the TypeScript loader of the thread that
// starts them, so each registers it before importing its module (see workers.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
