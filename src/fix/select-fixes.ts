import type { TextEdit } from '../types.js';
import { editsOverlap } from '../text/apply-edits.js';

/** The edits of one fix, applied all together or not at all. */
export interface EditGroup<T> {
  owner: T;
  edits: TextEdit[];
}

/**
 * Picks whole groups whose edits overlap neither each other nor an earlier picked group,
 * earliest first, so a fix is never half applied. The rest wait for another pass.
 */
export function selectFixes<T>(groups: readonly EditGroup<T>[]): { accepted: EditGroup<T>[]; skipped: EditGroup<T>[] } {
  const ordered = [...groups].sort((a, b) => firstStart(a) - firstStart(b));
  const taken: TextEdit[] = [];
  const accepted: EditGroup<T>[] = [];
  const skipped: EditGroup<T>[] = [];
  for (const g of ordered) {
    const clash = g.edits.some((e, i) => taken.some((t) => editsOverlap(t, e)) || g.edits.slice(0, i).some((o) => editsOverlap(o, e)));
    if (clash) skipped.push(g);
    else {
      accepted.push(g);
      taken.push(...g.edits);
    }
  }
  return { accepted, skipped };
}

function firstStart(g: EditGroup<unknown>): number {
  return Math.min(...g.edits.map((e) => e.start));
}
