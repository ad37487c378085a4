import { anchoredDiff } from './anchored-diff.js';

/** One step of a line diff: keep a[aIndex] (= b[bIndex]), delete a[aIndex], or insert b[bIndex]. */
export type DiffOp =
  | { kind: ' '; aIndex: number; bIndex: number }
  | { kind: '-'; aIndex: number }
  | { kind: '+'; bIndex: number };

/**
 * A shortest edit script between two line arrays (Myers' O((N+M)D) greedy algorithm), with the
 * common prefix and suffix taken off first. Deletions come before insertions at each change.
 */
export function diffLines(a: readonly string[], b: readonly string[]): DiffOp[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const ops: DiffOp[] = [];
  for (let i = 0; i < prefix; i++) ops.push({ kind: ' ', aIndex: i, bIndex: i });
  const inner = middle(a, b, prefix, a.length - suffix, b.length - suffix) ?? anchoredDiff(a, b, prefix, a.length - suffix, prefix, b.length - suffix);
  for (const op of inner) ops.push(op); // not push(...inner): a long file has more lines than a call has room for arguments
  for (let k = suffix; k > 0; k--) ops.push({ kind: ' ', aIndex: a.length - k, bIndex: b.length - k });
  return deletionsFirst(ops);
}

/** Within each run of changes, puts the deletions before the insertions. */
function deletionsFirst(ops: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  let run: DiffOp[] = [];
  const flush = () => {
    for (const o of run) if (o.kind === '-') out.push(o);
    for (const o of run) if (o.kind === '+') out.push(o);
    run = [];
  };
  for (const op of ops) {
    if (op.kind === ' ') {
      flush();
      out.push(op);
    } else run.push(op);
  }
  flush();
  return out;
}

/**
 * The frontiers the greedy search may keep (4-byte entries, each step's window only): 16 MB, some
 * 2,000 changed lines. Past that the anchored search takes over (near linear for fixes).
 */
const MAX_TRACE = 4 * 1024 * 1024;

/** Myers on a[lo, aEnd) against b[lo, bEnd); null when its frontiers would outgrow MAX_TRACE. */
function middle(a: readonly string[], b: readonly string[], lo: number, aEnd: number, bEnd: number): DiffOp[] | null {
  const n = aEnd - lo;
  const m = bEnd - lo;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[offset - d, offset + d] before step d: all the walk back reads of it.
  const trace: Int32Array[] = [];
  let kept = 0;
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    kept += 2 * d + 1;
    if (kept > MAX_TRACE) return null;
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[lo + x] === b[lo + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  // Walk back through the saved frontiers.
  const ops: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && prev[d + k - 1]! < prev[d + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[d + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ kind: ' ', aIndex: lo + --x, bIndex: lo + --y });
    if (down) ops.push({ kind: '+', bIndex: lo + --y });
    else ops.push({ kind: '-', aIndex: lo + --x });
  }
  while (x > 0 && y > 0) ops.push({ kind: ' ', aIndex: lo + --x, bIndex: lo + --y });
  return ops.reverse();
}
