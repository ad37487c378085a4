import type { LineRun } from '../patch/post-image.js';
import { LineIndex } from '../text/line-index.js';
import { diffHeader, diffHunks } from './unified-diff.js';

/** A hunk-built image: its text and the runs of lines the input showed. */
export interface SeenImage {
  text: string;
  seen: readonly LineRun[];
}

/**
 * The diff between two hunk-built images of one file (before and after fixing) that stands only
 * on seen lines: the runs are paired in order, each pair diffed alone, and a hunk's context comes
 * from its run, as much after a change as before it. null when the runs do not pair up (a fix
 * that changed which lines are seen): such a change has no anchor the input shows.
 */
export function seenDiff(path: string, before: SeenImage, after: SeenImage): string | null {
  if (before.text === after.text) return '';
  if (before.seen.length !== after.seen.length) return null;
  const a = new LineIndex(before.text);
  const b = new LineIndex(after.text);
  let hunks = '';
  let shift = 0;
  for (let k = 0; k < before.seen.length; k++) {
    const ra = before.seen[k]!;
    const rb = after.seen[k]!;
    if (rb.start !== ra.start + shift) return null;
    shift += rb.end - rb.start - (ra.end - ra.start);
    hunks += diffHunks(linesOf(a, ra), linesOf(b, rb), ra.start, rb.start, true).join('');
  }
  return hunks === '' ? '' : diffHeader(path) + hunks;
}

function linesOf(index: LineIndex, run: LineRun): string[] {
  const lines: string[] = [];
  for (let n = run.start; n <= run.end; n++) lines.push(index.lineText(n) + '\n');
  return lines;
}
