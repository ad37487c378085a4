import { Worker } from 'node:worker_threads';
import type { BatchReport } from '../../audit/tally.js';
import { UserError } from '../shared/user-error.js';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-setup.js';
import { REVIEW_WORKER } from '../paths.js';

/** Batches a worker holds at once: one being worked on, one waiting, so it never idles on a message. */
const IN_FLIGHT = 2;

const WORKER = REVIEW_WORKER;

/**
 * Audits the batches on up to `jobs` worker threads, each with its own reviewer, pulling the
 * next batch only when a worker has room, so the walk runs just ahead of the reviewers and
 * memory holds the batches in flight; a worker is started only when a batch finds no running
 * worker idle (a tree of one batch starts one worker, an empty tree none). `onReport` gets each
 * batch's report as it comes, in any order. A worker failure stops every worker and rejects
 * (a UserError when the target is refused).
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
    /** Hands out batches while a worker has room: an idle one first, then a new one (up to `jobs`), then one with room. */
    const feed = () => {
      while (!exhausted && !settled) {
        const idle = workers.find((w) => inFlight.get(w) === 0);
        const w = idle ?? (workers.length < jobs ? undefined : workers.find((x) => inFlight.get(x)! < IN_FLIGHT));
        if (!w && workers.length >= jobs) break;
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
        const to = w ?? start();
        inFlight.set(to, inFlight.get(to)! + 1);
        to.postMessage({ type: 'batch', id: nextId++, files: next.value } satisfies ToWorker);
      }
      if (exhausted && [...inFlight.values()].every((n) => n === 0)) finish();
    };

    // A worker is started only for a batch no running worker is free for: one batch, one worker.
    const start = (): Worker => {
      const w = new Worker(WORKER, { workerData: setup });
      workers.push(w);
      inFlight.set(w, 0);
      w.on('message', (m: FromWorker) => {
        if (settled) return;
        if (m.type === 'fatal') return finish(m.usage ? new UserError(m.message) : new Error(`a review worker failed: ${m.message}`));
        inFlight.set(w, inFlight.get(w)! - 1);
        onReport(m.report);
        feed();
      });
      w.on('error', (e) => finish(new Error(`a review worker failed: ${e.message.split('\n', 1)[0]}`)));
      w.on('exit', (code) => {
        if (!settled) finish(new Error(`a review worker exited (code ${code})`));
      });
      return w;
    };
    feed();
  });
}
