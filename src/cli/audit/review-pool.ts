import { Worker } from 'node:worker_threads';
import type { BatchReport } from '../../audit/tally.js';
import { UserError } from '../shared/user-error.js';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-setup.js';
import { REVIEW_WORKER } from '../paths.js';

const WORKER = REVIEW_WORKER;

/** Where files to review are pushed one by one, as they are found; `end` waits for the last report. */
export interface ReviewQueue {
  push(file: string): void;
  /** No more files: resolves once every pushed file is reported, rejects on a worker failure. */
  end(): Promise<void>;
  /** Stops at once (the reports of files still in work are dropped). */
  cancel(): Promise<void>;
}

/**
 * Reviews pushed files on up to `jobs` worker threads, each with its own reviewer. A worker is
 * started only when a file waits and every running worker is busy, so a tree with one file to
 * parse starts one worker, and a tree with none starts none. Each worker holds one file at a
 * time: the files that reach this queue are the few that are parsed, each worth a message.
 */
export function reviewOnWorkers(setup: WorkerSetup, jobs: number, onReport: (r: BatchReport) => void): ReviewQueue {
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
    else if (ended && busy === 0 && waiting.length === 0) settle.resolve();
    else return;
    settle = undefined;
  };
  const fail = (e: Error) => {
    if (failure) return;
    failure = e;
    void stopAll().then(check, check);
  };
  const dispatch = () => {
    while (!failure && waiting.length > 0) {
      let w = idle.pop();
      if (!w) {
        if (workers.length >= jobs) return;
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
      if (ended && busy === 0 && waiting.length === 0) void stopAll().then(check, (e: Error) => fail(e));
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
      return new Promise<void>((resolve, reject) => {
        settle = { resolve, reject };
        if (failure) return check();
        if (busy === 0 && waiting.length === 0) void stopAll().then(check, (e: Error) => fail(e));
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
