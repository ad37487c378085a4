import type { BatchReport } from '../../audit/tally.js';
import type { Reviewer } from '../../review/reviewer.js';
import { auditBatch, batchContext } from './audit-batch.js';
import type { WorkerSetup } from './worker-setup.js';

/**
 * Audits the batches on the main thread with one reviewer (--jobs 1), yielding to the event
 * loop between batches so the progress line keeps moving.
 */
export async function runInProcess(setup: WorkerSetup, reviewer: Reviewer, work: Iterable<string[]>, onReport: (r: BatchReport) => void): Promise<void> {
  const ctx = batchContext(setup, async () => reviewer);
  for (const files of work) {
    onReport(await auditBatch(files, ctx));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
