import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { anchoredDiff } from '../../src/fix/anchored-diff.js';
import { bisectDiff } from '../../src/fix/bisect-diff.js';
import { diffLines, type DiffOp } from '../../src/fix/line-diff.js';
import { useFixedSeed } from './fixed-seed.js';

useFixedSeed();

/** The linear-space search (for thousands of changed lines) against the greedy one (the rest). */
const RUNS = { numRuns: Number(process.env.RUNS ?? 500) };
const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 40 });

const edits = (ops: readonly DiffOp[]) => ops.filter((o) => o.kind !== ' ').length;

/** Every line of a kept or deleted, every line of b kept or inserted, in order; kept lines equal. */
function expectScript(a: readonly string[], b: readonly string[], ops: readonly DiffOp[]): void {
  let ai = 0;
  let bi = 0;
  for (const op of ops) {
    if (op.kind !== '+') expect(op.aIndex).toBe(ai++);
    if (op.kind !== '-') expect(op.bIndex).toBe(bi++);
    if (op.kind === ' ') expect(a[op.aIndex]).toBe(b[op.bIndex]);
  }
  expect([ai, bi]).toEqual([a.length, b.length]);
}

describe('bisectDiff', () => {
  it('gives a script that turns a into b, as short as the greedy one', () => {
    fc.assert(fc.property(lines, lines, (a, b) => {
      const ops = bisectDiff(a, b, 0, a.length, 0, b.length);
      expectScript(a, b, ops);
      expect(edits(ops)).toBe(edits(diffLines(a, b)));
    }), RUNS);
  });
});

describe('anchoredDiff', () => {
  it('gives a script that turns a into b, whatever lines repeat', () => {
    const some = fc.array(fc.oneof(fc.constantFrom('a', 'b', ''), fc.nat(30).map((n) => `unique ${n}`)), { maxLength: 60 });
    fc.assert(fc.property(some, some, (a, b) => {
      expectScript(a, b, anchoredDiff(a, b, 0, a.length, 0, b.length));
    }), RUNS);
  });
});
