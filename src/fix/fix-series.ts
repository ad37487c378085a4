import type { Finding, InputNote } from '../types.js';
import type { SeriesInput } from '../patch/parse-series.js';
import type { Series } from '../patch/types.js';
import type { PostImage } from '../patch/post-image.js';
import { applyEdits } from '../text/apply-edits.js';
import { carryRewrites, emptyRewrites, recordRewrites, type LineRewrites } from './carry-fixes.js';
import { fixPatch } from './fix-patch.js';
import { replacePatchTexts, type PatchTextChange } from './replace-patch-texts.js';

/** A reviewed series as one pass of fixing needs it: the series, its post-images and the findings on them. */
export interface ReviewedSeries {
  series: Series;
  perPatch: readonly (readonly PostImage[])[];
  findings: readonly Finding[];
}

export interface SeriesFixPass<I extends SeriesInput> {
  /** Every input, fixed where a fix went in. */
  inputs: I[];
  /** Sources whose text changed in this pass. */
  changed: Set<string>;
  /** Findings whose fix went in (positions in the images of this pass). */
  applied: Finding[];
  /** Findings whose fix touches lines their patch does not add. */
  notAdded: Finding[];
  /** Fixes deferred for overlapping an applied one: a re-review of the fixed series finds them again. */
  deferred: number;
  notes: InputNote[];
}

/**
 * One pass of fixing a series (edits in, texts out; no review): rewrites the added lines of each
 * patch with the fixes of `reviewed`, and a line a fix rewrote is rewritten in the context of the
 * later patches too, so the series still applies. `first` says whether this is the first pass
 * (inputs that cannot be rewritten are noted once).
 */
export function fixSeriesPass<I extends SeriesInput>(inputs: readonly I[], reviewed: ReviewedSeries, first: boolean): SeriesFixPass<I> {
  const notes: InputNote[] = [];
  const noted = new Set<string>();
  const notAdded: Finding[] = [];
  const applied: Finding[] = [];
  const changed = new Set<string>();
  const changes = new Map<string, { change: PatchTextChange; applied: Finding[] }[]>();
  const rewrites = new Map<string, LineRewrites>();
  let deferred = 0;
  reviewed.series.patches.forEach((patch, k) => {
    const own = reviewed.findings.filter((f) => f.patch?.index === patch.index);
    const carried = carryRewrites(patch, rewrites);
    for (const n of carried.notes) {
      const key = JSON.stringify(n);
      if (!noted.has(key)) notes.push(n);
      noted.add(key);
    }
    const images = reviewed.perPatch[k] ?? [];
    const fixed = fixPatch(patch, images, own, carried.edits);
    notAdded.push(...fixed.notAdded);
    deferred += fixed.deferred.length;
    for (const image of images) {
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
  const out = inputs.map((input) => {
    const list = changes.get(input.source);
    if (!list) return input;
    const text = replacePatchTexts(input.text, list.map((c) => c.change));
    if (text === null) {
      if (first) notes.push({ file: input.source, message: 'fixes not written: the patch text is not found verbatim in the input (encoded mail or mixed line ends)' });
      return input;
    }
    changed.add(input.source);
    applied.push(...list.flatMap((c) => c.applied));
    return { ...input, text };
  });
  return { inputs: out, changed, applied, notAdded, deferred, notes };
}
