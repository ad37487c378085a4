import type { Finding } from '../../types.js';
import type { PostImage } from '../../patch/post-image.js';
import { seenDiff } from '../../fix/seen-diff.js';
import { unifiedDiff } from '../../fix/unified-diff.js';
import type { Inputs } from './load-inputs.js';
import type { InputsReview } from '../../pipeline/review-inputs.js';

export interface FixDiff {
  diff: string;
  /** Files whose diff stands on the patch's hunks only (no tree, or the tree's file did not take the patch). */
  partial: string[];
  /** Fixes shown by the report but left out of the diff: no lines the input shows anchor them. */
  unanchored: number;
}

/**
 * The fixes as one unified diff with paths in the tree: for a series, the last post-image of
 * each file before and after fixing; for C files, the file before and after. A hunk-built image
 * (no tree) is diffed on its seen lines only (seenDiff): no line the input does not show is ever
 * context, removed or added. `notAdded` are the fixes that could not go into the patches.
 */
export function fixDiff(before: InputsReview, after: InputsReview, inputs: Inputs, fixed: Inputs, notAdded: readonly Finding[] = [], applied: readonly Finding[] = []): FixDiff {
  let diff = '';
  const partial: string[] = [];
  let unanchored = notAdded.length;
  const old = lastImages(before.patches?.perPatch ?? []);
  const now = lastImages(after.patches?.perPatch ?? []);
  for (const [path, image] of old) {
    const next = now.get(path);
    if (!next || next.text === image.text) continue;
    if (image.complete && next.complete) {
      diff += unifiedDiff(path, image.text, next.text);
      continue;
    }
    partial.push(path);
    const seen = image.seen && next.seen ? seenDiff(path, { text: image.text, seen: image.seen }, { text: next.text, seen: next.seen }) : null;
    if (seen === null) unanchored += applied.filter((f) => f.file === path).length;
    else diff += seen;
  }
  inputs.sources.forEach((source, k) => {
    diff += unifiedDiff(source.path, source.text, fixed.sources[k]!.text);
  });
  return { diff, partial, unanchored };
}

/**
 * The lines before a --diff's first `diff --git` (patch and git apply skip them): how the diff
 * was made when some file had no tree to stand on, and how many fixes it leaves out.
 */
export function diffPreamble(d: FixDiff, tree: boolean): string {
  let out = '';
  if (d.partial.length > 0) {
    out += tree
      ? `memcg-review: diff of ${d.partial.length} file${d.partial.length === 1 ? '' : 's'} made from the patch's hunks (the tree's file did not take the patch): hunks stand only on lines the patch shows\n`
      : `memcg-review: diff made without a tree (--tree): hunks stand only on lines the patch shows\n`;
  }
  if (d.unanchored > 0) {
    const it = d.unanchored === 1 ? 'it' : 'them';
    out += `memcg-review: note: ${d.unanchored} fix${d.unanchored === 1 ? ' is' : 'es are'} not in this diff: ${it} could not be placed on lines the input shows (the report without --diff shows ${it})\n`;
  }
  return out;
}

function lastImages(perPatch: readonly (readonly PostImage[])[]): Map<string, PostImage> {
  const last = new Map<string, PostImage>();
  for (const images of perPatch) for (const image of images) last.set(image.path, image);
  return last;
}
