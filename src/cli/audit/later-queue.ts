import type { ReviewQueue } from './review-pool.js';

/**
 * A review queue that holds the files pushed before the real one exists: the audit starts grep
 * and find first thing, while it still reads the tree's API and sets up its reviewers, and the
 * files they name wait here until `attach` hands them, and every later one, to the real queue.
 */
export interface LaterQueue extends ReviewQueue {
  attach(queue: ReviewQueue): void;
}

export function laterQueue(): LaterQueue {
  let real: ReviewQueue | undefined;
  let held: string[] = [];
  let ended = false;
  return {
    attach(queue) {
      if (real) throw new Error('laterQueue: attached twice');
      real = queue;
      for (const file of held) queue.push(file);
      held = [];
    },
    push(file) {
      if (ended) throw new Error('laterQueue: push after end');
      if (real) real.push(file);
      else held.push(file);
    },
    end() {
      ended = true;
      if (!real) throw new Error('laterQueue: end before attach');
      return real.end();
    },
    cancel() {
      ended = true;
      held = [];
      return real ? real.cancel() : Promise.resolve();
    },
  };
}
