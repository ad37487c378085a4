import { Worker } from 'node:worker_threads';
import type { BatchReport } from '../../audit/tally.js';
import type { Reviewer } from '../../review/reviewer.js';
import { auditBatch, batchContext } from './audit-batch.js';
import { UserError } from '../shared/user-error.js';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-setup.js';
import { REVIEW_WORKER } from '../paths.js';

const WORKER = REVIEW_WORKER;
/** Files waiting behind a busy main thread before a worker is started to help. */
const START_BACKLOG = 2;

/** Where files to review are pushed one by one, as they are found; `end` waits for the last report. */
export interface ReviewQueue {
  push(file: string): void;
  /** No more files: resolves once every pushed file is reported, rejects on a worker failure. */
  end(): Promise<void>;
  /** Stops at once (the reports of files still in work are dropped). */
  cancel(): Promise<void>;
}

/**
 * Reviews pushed files on up to `jobs` threads. With `local` (a reviewer for this thread), the
 * main thread is the first of them: it reviews a file whenever it is free (after the pending
 * reads of grep's and find's output), and a worker thread is started only when files pile up
 * behind it (START_BACKLOG): up to `jobs - 2` while files still come (grep keeps a core busy, this
 * thread another), up to `jobs - 1` once `end` says none will. A worker costs its own start,
 * grammar and cold code: worth it for a tree with many files to parse, not for the 20-odd of a
 * kernel tree on two cores. With `jobs` 1 it is the main thread alone. Without `local`, only
 * workers review; one is started when a file waits and every running worker is busy. Either way a
 * tree with no file to parse starts none, and each worker holds one file at a time: the files that
 * reach this queue are the few that are parsed, each worth a message.
 */
export function reviewOnWorkers(setup: WorkerSetup, jobs: number, onReport: (r: BatchReport) => void, local?: () => Promise<Reviewer>): ReviewQueue {
  const maxWorkers = local ? jobs - 1 : jobs;
  const here = local ? batchContext(setup, local) : undefined;
  let localBusy = false;
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const waiting: string[] = [];
  let busy = 0;
  let nextId = 0;
  let ended = false;
  let failure: Error | undefined;
  let settle: { resolve: () => void; reject: (e: Error) => void } | undefined;

  const stopAll = () => Promise.all(workers.map((w) => w.terminate())).then(() => undefined);
  const check = () => {
    if (!settle) return;
    if (failure) settle.reject(failure);
    else if (ended && busy === 0 && !localBusy && waiting.length === 0) settle.resolve();
    else return;
    settle = undefined;
  };
  const fail = (e: Error) => {
    if (failure) return;
    failure = e;
    void stopAll().then(check, check);
  };
  const reviewHere = (file: string) => {
    localBusy = true;
    // After the reads already waiting (grep's and find's output), so their pipes keep flowing.
    setImmediate(() => {
      auditBatch([file], here!)
        .then((report) => {
          localBusy = false;
          if (failure) return check();
          onReport(report);
          dispatch();
          if (ended && busy === 0 && waiting.length === 0) void stopAll().then(check, (e: Error) => fail(e));
        })
        .catch((e: unknown) => {
          localBusy = false;
          fail(e instanceof UserError ? e : new Error(`the review failed: ${e instanceof Error ? e.message.split('\n', 1)[0] : String(e)}`));
        });
    });
  };
  const dispatch = () => {
    while (!failure && waiting.length > 0) {
      if (here && !localBusy) {
        reviewHere(waiting.shift()!);
        continue;
      }
      let w = idle.pop();
      if (!w) {
        // While files still come, grep keeps one core busy and this thread another.
        const room = here && !ended ? maxWorkers - 1 : maxWorkers;
        if (workers.length >= room || (here && waiting.length < START_BACKLOG)) return;
        w = start();
      }
      busy++;
      w.postMessage({ type: 'batch', id: nextId++, files: [waiting.shift()!] } satisfies ToWorker);
    }
  };
  const start = (): Worker => {
    const w = new Worker(WORKER, { workerData: setup });
    workers.push(w);
    w.on('message', (m: FromWorker) => {
      if (failure) return;
      if (m.type === 'fatal') return fail(m.usage ? new UserError(m.message) : new Error(`a review worker failed: ${m.message}`));
      busy--;
      idle.push(w);
      onReport(m.report);
      dispatch();
      if (ended && busy === 0 && !localBusy && waiting.length === 0) void stopAll().then(check, (e: Error) => fail(e));
    });
    w.on('error', (e) => fail(new Error(`a review worker failed: ${e.message.split('\n', 1)[0]}`)));
    w.on('exit', (code) => {
      if (!ended || busy > 0 || waiting.length > 0) fail(new Error(`a review worker exited (code ${code})`));
    });
    return w;
  };

  return {
    push(file) {
      if (ended) throw new Error('reviewOnWorkers: push after end');
      waiting.push(file);
      dispatch();
    },
    end() {
      ended = true;
      // No file comes any more: the core grep used may take a worker for the files left.
      dispatch();
      return new Promise<void>((resolve, reject) => {
        settle = { resolve, reject };
        if (failure) return check();
        if (busy === 0 && !localBusy && waiting.length === 0) void stopAll().then(check, (e: Error) => fail(e));
      });
    },
    cancel() {
      ended = true;
      failure ??= new Error('cancelled');
      waiting.length = 0;
      return stopAll();
    },
  };
}
