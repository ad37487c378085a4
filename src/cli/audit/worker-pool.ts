import { Worker } from 'node:worker_threads';
import type { BatchReport } from '../../audit/tally.js';
import { UserError } from '../shared/user-error.js';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-setup.js';

/** Batches a worker holds at once: one being worked on, one waiting, so it never idles on a message. */
const IN_FLIGHT = 2;

const WORKER = new URL('./review-worker.js', import.meta.url);

/**
 * Audits the batches on `jobs` worker threads, each with its own reviewer, pulling the next
 * batch only when a worker has room, so the walk runs just ahead of the reviewers and memory
 * holds the batches in flight. `onReport` gets each batch's report as it comes, in any order.
 * A worker failure stops every worker and rejects (a UserError when the target is refused).
 */
export function runOnWorkers(setup: WorkerSetup, jobs: number, work: Iterator<string[]>, onReport: (r: BatchReport) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    const inFlight = new Map<Worker, number>();
    let nextId = 0;
    let exhausted = false;
    let settled = false;

    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      void Promise.all(workers.map((w) => w.terminate())).then(() => (error ? reject(error) : resolve()), reject);
    };
    const feed = (w: Worker) => {
      while (!exhausted && (inFlight.get(w) ?? 0) < IN_FLIGHT) {
        let next: IteratorResult<string[]>;
        try {
          next = work.next();
        } catch (e) {
          finish(e as Error);
          return;
        }
        if (next.done) {
          exhausted = true;
          break;
        }
        inFlight.set(w, (inFlight.get(w) ?? 0) + 1);
        w.postMessage({ type: 'batch', id: nextId++, files: next.value } satisfies ToWorker);
      }
      if (exhausted && [...inFlight.values()].every((n) => n === 0)) finish();
    };

    for (let i = 0; i < jobs; i++) {
      const w = new Worker(WORKER, { workerData: setup });
      workers.push(w);
      inFlight.set(w, 0);
      w.on('message', (m: FromWorker) => {
        if (settled) return;
        if (m.type === 'fatal') return finish(m.usage ? new UserError(m.message) : new Error(`a review worker failed: ${m.message}`));
        inFlight.set(w, inFlight.get(w)! - 1);
        onReport(m.report);
        feed(w);
      });
      w.on('error', (e) => finish(new Error(`a review worker failed: ${e.message.split('\n', 1)[0]}`)));
      w.on('exit', (code) => {
        if (!settled) finish(new Error(`a review worker exited (code ${code})`));
      });
    }
    for (const w of workers) feed(w);
  });
}
