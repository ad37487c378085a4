import { bisectDiff } from './bisect-diff.js';
import type { DiffOp } from './line-diff.js';

/**
 * A diff of a[aLo, aHi) against b[bLo, bHi) for files with thousands of changes: lines that occur
 * once in each side (a function's signature, most lines of real code) are matched first, in the
 * longest run that keeps their order (as patience diff does), and only the gaps between them are
 * searched. A fix changes lines here and there, so the gaps are short and the work is near linear
 * where one search over the whole file costs file length times changes. Valid, not always minimal.
 */
export function anchoredDiff(a: readonly string[], b: readonly string[], aLo: number, aHi: number, bLo: number, bHi: number): DiffOp[] {
  const ops: DiffOp[] = [];
  let x = aLo;
  let y = bLo;
  for (const [ai, bi] of anchors(a, b, aLo, aHi, bLo, bHi)) {
    for (const op of bisectDiff(a, b, x, ai, y, bi)) ops.push(op);
    ops.push({ kind: ' ', aIndex: ai, bIndex: bi });
    x = ai + 1;
    y = bi + 1;
  }
  for (const op of bisectDiff(a, b, x, aHi, y, bHi)) ops.push(op);
  return ops;
}

/** Lines unique to each side and equal, in the longest chain increasing on both sides. */
function anchors(a: readonly string[], b: readonly string[], aLo: number, aHi: number, bLo: number, bHi: number): [number, number][] {
  const seen = new Map<string, { inA: number; inB: number; at: number; bt: number }>();
  const entry = (line: string) => {
    let e = seen.get(line);
    if (!e) seen.set(line, (e = { inA: 0, inB: 0, at: -1, bt: -1 }));
    return e;
  };
  for (let i = aLo; i < aHi; i++) {
    const e = entry(a[i]!);
    e.inA++;
    e.at = i;
  }
  for (let j = bLo; j < bHi; j++) {
    const e = entry(b[j]!);
    e.inB++;
    e.bt = j;
  }
  const pairs: [number, number][] = [];
  for (const e of seen.values()) if (e.inA === 1 && e.inB === 1) pairs.push([e.at, e.bt]);
  pairs.sort((p, q) => p[0] - q[0]);
  // Longest increasing run of b positions (patience sorting, O(n log n)).
  const tails: number[] = [];
  const before = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < pairs[k]![1]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) before[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const chain: [number, number][] = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k !== -1; k = before[k]!) chain.push(pairs[k]!);
  return chain.reverse();
}
