import type { InputNote } from '../types.js';
import type { Series } from '../patch/types.js';
import { parseSeries, type SeriesInput } from '../patch/parse-series.js';
import { buildPostImages, type PostImage } from '../patch/post-image.js';
import type { Reviewer } from './reviewer.js';
import type { ReviewResult } from './result.js';
import { reviewSeries, type SeriesReviewOptions } from './review-series.js';

export type ReadBase = (path: string) => string | null;

/** A reviewed series with what it was built from, for fixing and diffing. */
export interface PatchReview {
  series: Series;
  perPatch: PostImage[][];
  result: ReviewResult;
}

/** Parses patch inputs into a series, builds its post-images and reviews them; parse and build notes join the result. */
export function reviewPatches(reviewer: Reviewer, inputs: readonly SeriesInput[], options: SeriesReviewOptions, readBase?: ReadBase): PatchReview {
  const parsed = parseSeries(inputs);
  const built = buildPostImages(parsed.series, readBase);
  const result = reviewSeries(reviewer, parsed.series, built.perPatch, options);
  const notes: InputNote[] = [...parsed.notes, ...built.notes, ...result.notes];
  return { series: parsed.series, perPatch: built.perPatch, result: { ...result, notes } };
}
