import { diffLines as lineDiff } from '../fix/line-diff.js';

/** Lines of `after` (1-based) that a line diff from `before` adds: for files GitHub shows no diff of. */
export function addedLines(before: string, after: string): Set<number> {
  const split = (t: string) => (t === '' ? [] : t.replace(/\n$/, '').split('\n'));
  const added = new Set<number>();
  for (const op of lineDiff(split(before), split(after))) if (op.kind === '+') added.add(op.bIndex + 1);
  return added;
}
