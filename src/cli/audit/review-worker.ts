/**
 * A worker thread of `memcg-review audit`: loads its own reviewer (its own tree-sitter), then
 * reads, prefilters and reviews the batches of files the main thread sends, one at a time,
 * answering each with its report. A reviewer that cannot be made ends the audit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createReviewer, UnsupportedTargetError } from '../../review/reviewer.js';
import { auditBatch, batchContext } from './audit-batch.js';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-setup.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);
const fatal = (e: unknown) =>
  post({ type: 'fatal', usage: e instanceof UnsupportedTargetError, message: e instanceof Error ? e.message.split('\n', 1)[0]! : String(e) });

const ctx = batchContext(setup, () => createReviewer(setup.options));
// Start loading the grammar at once, while the first batches are still being prefiltered.
ctx.reviewer().catch(fatal);

let queue: Promise<void> = Promise.resolve();
port.on('message', (m: ToWorker) => {
  queue = queue.then(async () => post({ type: 'done', id: m.id, report: await auditBatch(m.files, ctx) })).catch(fatal);
});
