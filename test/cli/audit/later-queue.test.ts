import { laterQueue } from '../../../src/cli/audit/later-queue.js';
import type { ReviewQueue } from '../../../src/cli/audit/review-pool.js';

function recording(): ReviewQueue & { got: string[]; ended: number; cancelled: number } {
  const q = {
    got: [] as string[],
    ended: 0,
    cancelled: 0,
    push: (f: string) => void q.got.push(f),
    end: async () => void q.ended++,
    cancel: async () => void q.cancelled++,
  };
  return q;
}

test('files pushed before the real queue is attached reach it in order on attach, later ones at once', async () => {
  const later = laterQueue();
  later.push('mm/a.c');
  later.push('mm/b.c');
  const real = recording();
  expect(real.got).toEqual([]);
  later.attach(real);
  expect(real.got).toEqual(['mm/a.c', 'mm/b.c']);
  later.push('fs/c.c');
  expect(real.got).toEqual(['mm/a.c', 'mm/b.c', 'fs/c.c']);
  await later.end();
  expect(real.ended).toBe(1);
  expect(() => later.push('x.c')).toThrow('push after end');
});

test('cancel before attach drops what is held; end before attach and a second attach are errors', async () => {
  const later = laterQueue();
  later.push('a.c');
  await later.cancel();
  const real = recording();
  later.attach(real);
  expect(real.got).toEqual([]);
  expect(() => later.attach(recording())).toThrow('attached twice');
  expect(() => laterQueue().end()).toThrow('end before attach');
});
