import { diffLines, type DiffOp } from './line-diff.js';

const CONTEXT = 3;
const NO_NEWLINE = '\\ No newline at end of file';

/**
 * A git-style unified diff (`diff --git a/path b/path`, 3 lines of context) turning `before`
 * into `after`; '' when the texts are equal. Accepted by `git apply` and `patch -p1`.
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  return diffHeader(path) + diffHunks(a, b).join('');
}

export function diffHeader(path: string): string {
  return `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n`;
}

/**
 * The hunks turning lines `a` (their '\n' kept) into `b`, where a[0] is line aFirst of the old
 * file and b[0] line bFirst of the new one. With `symmetric`, context is cut to as many lines
 * after a change as before it: `patch` and `git apply` take a hunk with less context on one side
 * as anchored to the file's start or end, and the caller knows no lines around `a`.
 */
export function diffHunks(a: readonly string[], b: readonly string[], aFirst = 1, bFirst = 1, symmetric = false): string[] {
  const ops = diffLines(a, b);
  // Lines of each side before op k.
  const aBefore: number[] = [0];
  const bBefore: number[] = [0];
  for (const op of ops) {
    aBefore.push(aBefore[aBefore.length - 1]! + (op.kind !== '+' ? 1 : 0));
    bBefore.push(bBefore[bBefore.length - 1]! + (op.kind !== '-' ? 1 : 0));
  }
  return hunkRanges(ops).map(([from, to]) => {
    if (symmetric) {
      let lead = 0;
      while (ops[from + lead]!.kind === ' ') lead++;
      let trail = 0;
      while (ops[to - 1 - trail]!.kind === ' ') trail++;
      const keep = Math.min(lead, trail);
      // At the file's first line, less context before a change is the truth, not a cut.
      const atStart = aFirst + aBefore[from]! === 1;
      from += lead - keep;
      if (!atStart) to -= trail - keep;
    }
    return hunk(ops.slice(from, to), a, b, aFirst - 1 + aBefore[from]!, bFirst - 1 + bBefore[from]!);
  });
}

/**
 * Lines with their '\n' kept, so a last line without one differs from the same line with one.
 */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

/** [from, to) ranges of ops, one per hunk: changes with up to 3 context lines around, close ones merged. */
function hunkRanges(ops: readonly DiffOp[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < ops.length; i++) {
    if (ops[i]!.kind === ' ') continue;
    let end = i;
    while (end < ops.length && ops[end]!.kind !== ' ') end++;
    const from = Math.max(0, i - CONTEXT);
    const to = Math.min(ops.length, end + CONTEXT);
    const last = ranges[ranges.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else ranges.push([from, to]);
    i = end - 1;
  }
  return ranges;
}

function hunk(ops: readonly DiffOp[], a: readonly string[], b: readonly string[], aBefore: number, bBefore: number): string {
  let aCount = 0;
  let bCount = 0;
  let body = '';
  for (const op of ops) {
    if (op.kind !== '+') aCount++;
    if (op.kind !== '-') bCount++;
    const line = op.kind === '+' ? b[op.bIndex]! : a[op.aIndex]!;
    body += op.kind + line + (line.endsWith('\n') ? '' : `\n${NO_NEWLINE}\n`);
  }
  // A side without lines names the line it follows, as diff -U0 does (0: the file's start; in a
  // whole-file diff, where every hunk has context, that side is an empty file).
  const aFrom = aCount === 0 ? aBefore : aBefore + 1;
  const bFrom = bCount === 0 ? bBefore : bBefore + 1;
  return `@@ -${range(aFrom, aCount)} +${range(bFrom, bCount)} @@\n${body}`;
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}
