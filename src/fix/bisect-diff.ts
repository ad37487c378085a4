import type { DiffOp } from './line-diff.js';

/**
 * A shortest edit script in linear space (Myers' 1986 paper, section 4b): the forward and the
 * reverse searches meet in the middle, the two halves are diffed recursively. O((N+M)D) time like
 * the greedy search, but O(N+M) memory where the greedy one keeps every frontier (O(D^2)): for
 * files with thousands of changed lines.
 */
export function bisectDiff(a: readonly string[], b: readonly string[], aLo: number, aHi: number, bLo: number, bHi: number): DiffOp[] {
  const ops: DiffOp[] = [];
  const stack: [number, number, number, number][] = [[aLo, aHi, bLo, bHi]];
  // Iterative, depth first, left half first: the ops come out in order without deep recursion.
  const pending: ([number, number, number, number] | DiffOp[])[] = [stack[0]!];
  while (pending.length > 0) {
    const item = pending.pop()!;
    if (!isRange(item)) {
      for (const op of item) ops.push(op);
      continue;
    }
    let [x0, x1, y0, y1] = item;
    const head: DiffOp[] = [];
    while (x0 < x1 && y0 < y1 && a[x0] === b[y0]) head.push({ kind: ' ', aIndex: x0++, bIndex: y0++ });
    const tail: DiffOp[] = [];
    while (x0 < x1 && y0 < y1 && a[x1 - 1] === b[y1 - 1]) tail.unshift({ kind: ' ', aIndex: --x1, bIndex: --y1 });
    for (const op of head) ops.push(op);
    if (x0 === x1 || y0 === y1) {
      for (let x = x0; x < x1; x++) ops.push({ kind: '-', aIndex: x });
      for (let y = y0; y < y1; y++) ops.push({ kind: '+', bIndex: y });
      for (const op of tail) ops.push(op);
      continue;
    }
    const [sx, sy] = split(a, b, x0, x1, y0, y1);
    pending.push(tail, [sx, x1, sy, y1], [x0, sx, y0, sy]);
  }
  return ops;
}

function isRange(item: [number, number, number, number] | DiffOp[]): item is [number, number, number, number] {
  return typeof item[0] === 'number';
}

/** Where the forward and reverse searches on a[x0, x1) and b[y0, y1) (both non-empty, ends differing) first overlap. */
function split(a: readonly string[], b: readonly string[], x0: number, x1: number, y0: number, y1: number): [number, number] {
  const n = x1 - x0;
  const m = y1 - y0;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD + 1;
  const forward = new Int32Array(2 * maxD + 3).fill(-1);
  const reverse = new Int32Array(2 * maxD + 3).fill(-1);
  forward[offset + 1] = 0;
  reverse[offset + 1] = 0;
  const delta = n - m;
  const odd = (delta & 1) !== 0;
  for (let d = 0; d <= maxD; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && forward[offset + k - 1]! < forward[offset + k + 1]!) ? forward[offset + k + 1]! : forward[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x0 + x] === b[y0 + y]) {
        x++;
        y++;
      }
      forward[offset + k] = x;
      const rk = delta - k;
      if (odd && rk >= -(d - 1) && rk <= d - 1 && reverse[offset + rk]! !== -1 && x + reverse[offset + rk]! >= n) return [x0 + x, y0 + y];
    }
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && reverse[offset + k - 1]! < reverse[offset + k + 1]!) ? reverse[offset + k + 1]! : reverse[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x1 - 1 - x] === b[y1 - 1 - y]) {
        x++;
        y++;
      }
      reverse[offset + k] = x;
      const fk = delta - k;
      if (!odd && fk >= -d && fk <= d && forward[offset + fk]! !== -1 && forward[offset + fk]! + x >= n) {
        const fx = forward[offset + fk]!;
        return [x0 + fx, y0 + fx - fk];
      }
    }
  }
  return [x0, y1]; // unreachable for non-empty ranges: the searches meet by d = ceil((n + m) / 2)
}
