import { createPrefilter } from '../../audit/prefilter.js';
import type { BatchReport } from '../../audit/tally.js';
import type { Reviewer } from '../../review/reviewer.js';
import { auditBatch } from './audit-batch.js';
import { BytesReader } from './read-bytes.js';
import type { ReviewQueue } from './review-pool.js';
import type { WorkerSetup } from './worker-setup.js';

/**
 * Audits the batches on the main thread with one reviewer (--jobs 1), yielding to the event
 * loop between batches so the progress line keeps moving.
 */
export async function runInProcess(setup: WorkerSetup, reviewer: Reviewer, work: Iterable<string[]>, onReport: (r: BatchReport) => void): Promise<void> {
  const ctx = { root: setup.root, reader: new BytesReader(), prefilter: createPrefilter(), mode: setup.mode, level: setup.level, target: setup.options.target, reviewer: async () => reviewer };
  for (const files of work) {
    onReport(await auditBatch(files, ctx));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** --jobs 1 with files pushed as they are found: reviewed in turn on the main thread, the reviewer made at the first. */
export function reviewInProcess(setup: WorkerSetup, reviewer: () => Promise<Reviewer>, onReport: (r: BatchReport) => void): ReviewQueue {
  const ctx = { root: setup.root, reader: new BytesReader(), prefilter: createPrefilter(), mode: setup.mode, level: setup.level, target: setup.options.target, reviewer };
  let made: Promise<Reviewer> | undefined;
  ctx.reviewer = () => (made ??= reviewer());
  let chain: Promise<void> = Promise.resolve();
  let cancelled = false;
  return {
    push(file) {
      chain = chain.then(async () => {
        if (cancelled) return;
        await new Promise<void>((resolve) => setImmediate(resolve));
        onReport(await auditBatch([file], ctx));
      });
      // Seen by end(); until then, a failure is not an unhandled rejection.
      chain.catch(() => undefined);
    },
    end: () => chain,
    cancel() {
      cancelled = true;
      return chain.catch(() => undefined);
    },
  };
}
