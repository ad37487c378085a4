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
  const ops = diffLines(a, b);
  let out = `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n`;
  for (const [from, to] of hunkRanges(ops)) out += hunk(ops.slice(from, to), a, b);
  return out;
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

function hunk(ops: readonly DiffOp[], a: readonly string[], b: readonly string[]): string {
  let aStart = -1;
  let bStart = -1;
  let aCount = 0;
  let bCount = 0;
  let body = '';
  for (const op of ops) {
    if (op.kind !== '+') {
      if (aStart < 0) aStart = op.aIndex;
      aCount++;
    }
    if (op.kind !== '-') {
      if (bStart < 0) bStart = op.bIndex;
      bCount++;
    }
    const line = op.kind === '+' ? b[op.bIndex]! : a[op.aIndex]!;
    body += op.kind + line + (line.endsWith('\n') ? '' : `\n${NO_NEWLINE}\n`);
  }
  // A side without lines in a hunk has no context either, so it is an empty file: `-0,0`.
  return `@@ -${range(aCount === 0 ? 0 : aStart + 1, aCount)} +${range(bCount === 0 ? 0 : bStart + 1, bCount)} @@\n${body}`;
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}
