import type { PostImage } from '../../patch/post-image.js';
import { unifiedDiff } from '../../fix/unified-diff.js';
import type { Inputs } from './load-inputs.js';
import type { InputsReview } from '../../pipeline/review-inputs.js';

/**
 * The fixes as one unified diff with paths in the tree: for a series, the last post-image of
 * each file before and after fixing; for C files, the file before and after. `partial` lists
 * files whose diff context comes from hunks only (no --tree), which may not apply to the tree.
 */
export function fixDiff(before: InputsReview, after: InputsReview, inputs: Inputs, fixed: Inputs): { diff: string; partial: string[] } {
  let diff = '';
  const partial: string[] = [];
  const old = lastImages(before.patches?.perPatch ?? []);
  const now = lastImages(after.patches?.perPatch ?? []);
  for (const [path, image] of old) {
    const next = now.get(path);
    if (!next || next.text === image.text) continue;
    diff += unifiedDiff(path, image.text, next.text);
    if (!image.complete) partial.push(path);
  }
  inputs.sources.forEach((source, k) => {
    diff += unifiedDiff(source.path, source.text, fixed.sources[k]!.text);
  });
  return { diff, partial };
}

function lastImages(perPatch: readonly (readonly PostImage[])[]): Map<string, PostImage> {
  const last = new Map<string, PostImage>();
  for (const images of perPatch) for (const image of images) last.set(image.path, image);
  return last;
}
