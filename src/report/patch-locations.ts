import type { PostImage } from '../patch/post-image.js';
import type { Series } from '../patch/types.js';
import { isCFile } from '../review/is-c-file.js';
import { LineIndex } from '../text/line-index.js';

/** Where one patch's added lines are in its own text, and how many C lines it adds. */
export interface PatchLocation {
  /** `${file}:${post-image line}` -> 1-based line in the patch's text (its mail, from the `From ` line). */
  lines: Map<string, number>;
  /** Lines the patch adds to C files: what a review of that patch checks. */
  linesChecked: number;
}

/** Per patch index, where its added lines are: checkpatch's `#N` is the line in the patch. */
export type PatchLocations = Map<number, PatchLocation>;

export function locationKey(file: string, line: number): string {
  return `${file}:${line}`;
}

/** Reads the locations from a series and the post-images it was reviewed as (perPatch[k] for series.patches[k]). */
export function patchLocations(series: Series, perPatch: readonly (readonly PostImage[])[]): PatchLocations {
  const out: PatchLocations = new Map();
  series.patches.forEach((patch, k) => {
    const index = new LineIndex(patch.text);
    const location: PatchLocation = { lines: new Map(), linesChecked: 0 };
    for (const image of perPatch[k] ?? []) {
      if (!isCFile(image.path)) continue;
      location.linesChecked += image.added.size;
      for (const [line, offset] of image.added) location.lines.set(locationKey(image.path, line), index.position(offset).line);
    }
    out.set(patch.index, location);
  });
  return out;
}
