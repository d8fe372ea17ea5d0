/**
 * The worker thread of an import (see checkedBatches): reads the file, checks every row and sends
 * batches to the thread that writes them, never more than `ahead` batches before it asks for more.
 */
import { parentPort } from 'node:worker_threads';
import { workerInput } from '../../platform/workers.js';
import { ImportFileError, readTable } from './import/index.js';
import { rowChecker, type CheckWorkerInput, type CheckWorkerMessage, type PositionalBatch } from './import-batches.js';

const input = workerInput<CheckWorkerInput>();
const port = parentPort!;
const send = (m: CheckWorkerMessage) => port.postMessage(m);
// buffers arrive as plain Uint8Arrays
const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

let credits = input.ahead;
let wake: (() => void) | null = null;
port.on('message', (m: { credit: number }) => {
  credits += m.credit;
  wake?.();
  wake = null;
});

async function run() {
  const reader = await readTable({ path: input.filePath }, { format: input.format });
  send({ type: 'start', totalBytes: reader.totalBytes ?? 0 });
  const { fields, check } = rowChecker({ ...input, headers: reader.headers, pii: { encryption: asBuffer(input.pii.encryption), search: asBuffer(input.pii.search) } });
  let rows: PositionalBatch['rows'] = [];
  const flush = async () => {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits -= 1;
    send({ type: 'batch', batch: { fields, rows, bytesRead: reader.bytesRead() } });
    rows = [];
  };
  try {
    for await (const row of reader.rows) {
      rows.push(check(row));
      if (rows.length >= input.batchSize) await flush();
    }
    if (rows.length) await flush();
  } finally {
    await reader.close();
  }
  send({ type: 'end', bytesRead: reader.bytesRead() });
}

run().then(
  () => port.close(),
  (error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    send({ type: 'failed', name: e.name, message: e.message, ...(e instanceof ImportFileError ? { code: e.code } : {}) });
    port.close();
  },
);
