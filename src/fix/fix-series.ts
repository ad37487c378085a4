import type { Finding, InputNote } from '../types.js';
import type { SeriesInput } from '../patch/parse-series.js';
import type { Reviewer } from '../review/reviewer.js';
import type { SeriesReviewOptions } from '../review/review-series.js';
import { reviewPatches, type ReadBase } from '../review/review-patches.js';
import { applyEdits } from './apply-edits.js';
import { carryRewrites, emptyRewrites, recordRewrites, type LineRewrites } from './carry-fixes.js';
import { fixPatch } from './fix-patch.js';
import { replacePatchTexts, type PatchTextChange } from './replace-patch-texts.js';

export interface SeriesFix {
  /** Every input, fixed where a fix went in. */
  inputs: SeriesInput[];
  /** Sources whose text changed. */
  changed: Set<string>;
  /** Findings whose fix went in (positions in the image of the pass that fixed them). */
  applied: Finding[];
  /** Findings whose fix touches lines their patch does not add. */
  notAdded: Finding[];
  notes: InputNote[];
}

/**
 * Fixes the added lines of every patch of the series the inputs make. A pass reviews the
 * series and rewrites each patch; a line a fix rewrote is rewritten in the context of the later
 * patches too, so the series still applies. Fixes deferred for overlap get another pass on the
 * fixed text, at most `maxPasses`. The caller re-reviews the result to see what remains.
 */
export function fixSeries(
  reviewer: Reviewer,
  inputs: readonly SeriesInput[],
  options: SeriesReviewOptions,
  readBase?: ReadBase,
  maxPasses = 3,
): SeriesFix {
  let current = [...inputs];
  const changed = new Set<string>();
  const applied: Finding[] = [];
  const notes: InputNote[] = [];
  const noted = new Set<string>();
  let notAdded: Finding[] = [];
  for (let pass = 0; pass < maxPasses; pass++) {
    const { series, perPatch, result } = reviewPatches(reviewer, current, options, readBase);
    const changes = new Map<string, { change: PatchTextChange; applied: Finding[] }[]>();
    const rewrites = new Map<string, LineRewrites>();
    let deferred = 0;
    notAdded = [];
    series.patches.forEach((patch, k) => {
      const own = result.findings.filter((f) => f.patch?.index === patch.index);
      const carried = carryRewrites(patch, rewrites);
      for (const n of carried.notes) {
        const key = JSON.stringify(n);
        if (!noted.has(key)) notes.push(n);
        noted.add(key);
      }
      const fixed = fixPatch(patch, perPatch[k] ?? [], own, carried.edits);
      notAdded.push(...fixed.notAdded);
      deferred += fixed.deferred.length;
      for (const image of perPatch[k] ?? []) {
        const edits = fixed.applied.filter((f) => f.file === image.path).flatMap((f) => f.fix!.edits);
        if (edits.length === 0) continue;
        const known = rewrites.get(image.path) ?? emptyRewrites();
        recordRewrites(known, image.text, applyEdits(image.text, edits).text, { index: patch.index, subject: patch.subject });
        rewrites.set(image.path, known);
      }
      if (fixed.text === patch.text) return;
      const list = changes.get(patch.source) ?? [];
      list.push({ change: { before: patch.text, after: fixed.text }, applied: fixed.applied });
      changes.set(patch.source, list);
    });
    let progress = false;
    current = current.map((input) => {
      const list = changes.get(input.source);
      if (!list) return input;
      const text = replacePatchTexts(input.text, list.map((c) => c.change));
      if (text === null) {
        if (pass === 0) notes.push({ file: input.source, message: 'fixes not written: the patch text is not found verbatim in the input (encoded mail or mixed line ends)' });
        return input;
      }
      progress = true;
      changed.add(input.source);
      applied.push(...list.flatMap((c) => c.applied));
      return { source: input.source, text };
    });
    if (!progress || deferred === 0) break;
  }
  return { inputs: current, changed, applied, notAdded, notes };
}
