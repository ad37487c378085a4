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
  ops.push(...middle(a, b, prefix, a.length - suffix, b.length - suffix));
  for (let k = suffix; k > 0; k--) ops.push({ kind: ' ', aIndex: a.length - k, bIndex: b.length - k });
  return deletionsFirst(ops);
}

/** Within each run of changes, puts the deletions before the insertions. */
function deletionsFirst(ops: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  let run: DiffOp[] = [];
  const flush = () => {
    out.push(...run.filter((o) => o.kind === '-'), ...run.filter((o) => o.kind === '+'));
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

/** Myers on a[lo, aEnd) against b[lo, bEnd). */
function middle(a: readonly string[], b: readonly string[], lo: number, aEnd: number, bEnd: number): DiffOp[] {
  const n = aEnd - lo;
  const m = bEnd - lo;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
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
    const down = k === -d || (k !== d && prev[offset + k - 1]! < prev[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ kind: ' ', aIndex: lo + --x, bIndex: lo + --y });
    if (down) ops.push({ kind: '+', bIndex: lo + --y });
    else ops.push({ kind: '-', aIndex: lo + --x });
  }
  while (x > 0 && y > 0) ops.push({ kind: ' ', aIndex: lo + --x, bIndex: lo + --y });
  return ops.reverse();
}
