import type { InputNote, PatchRef } from '../types.js';
import { applyFilePatch } from './apply-patch.js';
import { applyToSparse, MAX_SERIES_SPARSE_LINES, MAX_SPARSE_LINES, sparseText, type SparseLines } from './sparse-image.js';
import { toLf } from './text-lines.js';
import type { FilePatch, Series } from './types.js';

export interface PostImage {
  /** The file's new path inside the tree. */
  path: string;
  /** Full post-image (with a base tree) or hunk-built sparse image; LF line ends. */
  text: string;
  /** True when built from the full base file (or a file the series creates). */
  complete: boolean;
  /** Each hunk's heading (git function context) at the image line where the hunk starts; only non-empty headings. */
  headings: { line: number; text: string }[];
  /** 1-based post-image line -> offset in Patch.text of that added line's content (lines added by this patch). */
  added: Map<number, number>;
  /**
   * For a hunk-built image only: the runs of lines some hunk of the series showed (1-based,
   * inclusive), in order. Every other line of `text` is an empty stand-in for a line nobody saw.
   */
  seen?: LineRun[];
}

/** Lines start..end of a text, 1-based and inclusive. */
export interface LineRun {
  start: number;
  end: number;
}

/** The runs of known lines of a sparse file. */
export function seenRuns(lines: SparseLines): LineRun[] {
  const runs: LineRun[] = [];
  let start = 0;
  for (let k = 0; k <= lines.length; k++) {
    const known = k < lines.length && lines[k] !== undefined;
    if (known && start === 0) start = k + 1;
    if (!known && start !== 0) {
      runs.push({ start, end: k });
      start = 0;
    }
  }
  return runs;
}

/** What is known of a file while the series is applied; null when the file does not exist. */
type FileState = { complete: true; text: string } | { complete: false; lines: SparseLines } | null;

const sparse = (): NonNullable<FileState> => ({ complete: false, lines: [] });

function imageOf(path: string, file: FilePatch, state: NonNullable<FileState>, hunkStarts: readonly (number | null)[]): PostImage {
  const headings: PostImage['headings'] = [];
  const added = new Map<number, number>();
  file.hunks.forEach((hunk, j) => {
    const start = hunkStarts[j];
    if (start === null || start === undefined) return;
    if (hunk.heading !== '') headings.push({ line: start, text: hunk.heading });
    let line = start;
    for (const l of hunk.lines) {
      if (l.kind === '+') added.set(line, l.offset);
      if (l.kind !== '-') line++;
    }
  });
  if (state.complete) return { path, text: state.text, complete: true, headings, added };
  return { path, text: sparseText(state.lines), complete: false, headings, added, seen: seenRuns(state.lines) };
}

/**
 * Applies the series in order and returns, per patch, the post-image of every file it adds or
 * modifies (binary, mode-only and deleted files have none; non-C files are included). With readBase
 * the images start from the base tree's files; without it, or where a hunk does not apply, they are
 * sparse: lines no hunk shows are empty, so line numbers are those of the real file.
 */
export function buildPostImages(
  series: Series,
  readBase?: (path: string) => string | null,
): { perPatch: PostImage[][]; notes: InputNote[] } {
  const states = new Map<string, FileState>();
  const notes: InputNote[] = [];
  const perPatch: PostImage[][] = [];
  let sparseLeft = MAX_SERIES_SPARSE_LINES;

  const startOf = (file: FilePatch, ref: PatchRef): NonNullable<FileState> => {
    if (file.status === 'added') return { complete: true, text: '' };
    const candidates = file.status === 'modified' ? [file.newPath, file.oldPath] : [file.oldPath];
    for (const path of candidates) {
      if (path === null || !states.has(path)) continue;
      const state = states.get(path)!;
      if (state) return state;
      notes.push({ file: path, patch: ref, message: 'the file was deleted earlier in the series; using a hunk-built image' });
      return sparse();
    }
    const path = candidates.find((p) => p !== null);
    if (!readBase || path === undefined || path === null) return sparse();
    const base = readBase(path);
    if (base !== null) return { complete: true, text: toLf(base) };
    notes.push({ file: path, patch: ref, message: 'the file is missing from the base tree; using a hunk-built image' });
    return sparse();
  };

  for (const patch of series.patches) {
    const ref: PatchRef = { index: patch.index, subject: patch.subject };
    const images: PostImage[] = [];
    for (const file of patch.files) {
      const path = file.newPath ?? file.oldPath ?? '';
      if (file.status === 'mode-only') continue;
      if (file.status === 'binary') {
        notes.push({ file: path, patch: ref, message: 'binary file skipped' });
        if (file.newPath !== null) states.set(file.newPath, sparse());
        else if (file.oldPath !== null) states.set(file.oldPath, null);
        continue;
      }
      if (file.status === 'deleted' || file.newPath === null) {
        if (file.oldPath !== null) states.set(file.oldPath, null);
        continue;
      }
      const start = startOf(file, ref);
      let next: NonNullable<FileState>;
      let hunkStarts: (number | null)[];
      const applied = start.complete ? applyFilePatch(start.text, file) : null;
      if (applied?.ok) {
        next = { complete: true, text: applied.text };
        hunkStarts = applied.hunkStarts;
      } else {
        if (applied && !applied.ok) notes.push({ file: path, patch: ref, message: `${applied.reason}; using a hunk-built image` });
        const limit = Math.min(MAX_SPARSE_LINES, sparseLeft);
        let built = applyToSparse(start.complete ? [] : start.lines, file, limit);
        if (built.conflicts.length > 0) {
          notes.push({ file: path, patch: ref, message: `hunk ${built.conflicts.join(', ')} does not match the lines earlier patches left` });
          // The earlier lines are contradicted: the image is this patch's hunks alone. Laid over them,
          // a patch repeated in a series would add its net lines to the file each time (a series of
          // n copies then reviews files that grow with n: quadratic).
          built = applyToSparse([], file, limit);
        }
        sparseLeft = Math.max(0, sparseLeft - built.lines.length);
        if (built.skipped.length > 0) {
          const why = limit === MAX_SPARSE_LINES ? `starts past line ${MAX_SPARSE_LINES}` : `is past what is left of the ${MAX_SERIES_SPARSE_LINES} lines the series' hunk-built files may hold`;
          notes.push({ file: path, patch: ref, message: `hunk ${built.skipped.join(', ')} ${why} and was skipped` });
        }
        next = { complete: false, lines: built.lines };
        hunkStarts = built.hunkStarts;
      }
      if (file.status === 'renamed' && file.oldPath !== null && file.oldPath !== file.newPath) states.set(file.oldPath, null);
      states.set(file.newPath, next);
      const image = imageOf(file.newPath, file, next, hunkStarts);
      const same = images.findIndex((i) => i.path === image.path);
      if (same === -1) images.push(image);
      else images[same] = image;
    }
    perPatch.push(images);
  }
  return { perPatch, notes };
}
