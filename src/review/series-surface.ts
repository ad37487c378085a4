import { readApiSurface, SURFACE_FILES, type ApiSurface, type SurfaceFile } from '../model/api-surface.js';
import { parseSeries, type SeriesInput } from '../patch/parse-series.js';
import { buildPostImages } from '../patch/post-image.js';
import type { ReadBase } from './review-patches.js';

/**
 * The API in force for a series: the base tree's headers with every patch applied in order (the
 * post-image the series leaves), read as a surface. A header a patch deletes is gone; a header a
 * hunk could not be applied to keeps its base text. Null when no known generation's names appear.
 */
export function seriesSurface(inputs: readonly SeriesInput[], readBase: ReadBase): ApiSurface | null {
  const changed = new Map<string, string | null>();
  let touched = false;
  if (inputs.length > 0) {
    const { series } = parseSeries(inputs);
    const { perPatch } = buildPostImages(series, readBase);
    series.patches.forEach((patch, k) => {
      for (const file of patch.files) if (file.status === 'deleted' && file.oldPath !== null && isSurface(file.oldPath)) changed.set(file.oldPath, null);
      for (const image of perPatch[k] ?? []) {
        if (!isSurface(image.path) || !image.complete) continue;
        changed.set(image.path, image.text);
        touched = true;
      }
    });
  }
  const surface = readApiSurface((p) => (changed.has(p) ? changed.get(p)! : readBase(p)));
  if (!surface || !touched) return surface;
  return { ...surface, source: `${surface.source}, with the series applied (${[...changed.keys()].join(', ')})` };
}

const isSurface = (p: string): p is SurfaceFile => (SURFACE_FILES as readonly string[]).includes(p);
