import type { FilePatch } from './types.js';

/** A file known only through hunks: line k+1 is lines[k], undefined where no hunk showed the line. */
export type SparseLines = (string | undefined)[];

export interface SparseResult {
  lines: SparseLines;
  /** Per hunk, the 1-based line where its new side starts; null for a skipped hunk. */
  hunkStarts: (number | null)[];
  /** 1-based numbers of hunks whose context or removed lines differ from lines already known. */
  conflicts: number[];
  /** 1-based numbers of hunks skipped because they start past `limit` (a malformed header, or the series' budget spent). */
  skipped: number[];
}

/** No real source file is this long; a hunk header beyond it is malformed and would only waste memory. */
export const MAX_SPARSE_LINES = 1_000_000;

/**
 * The lines all hunk-built files of one series may hold together: a series of many patches whose
 * hunks start near MAX_SPARSE_LINES would otherwise hold that many lines per file.
 */
export const MAX_SERIES_SPARSE_LINES = 10_000_000;

/**
 * Applies a file's hunks to a sparse file by their header line numbers: the hunk's old lines are
 * replaced by its new ones and the unknown lines around them keep their count, so line numbers
 * stay those of the real file.
 */
export function applyToSparse(old: SparseLines, file: FilePatch, limit = MAX_SPARSE_LINES): SparseResult {
  const lines: SparseLines = [];
  const hunkStarts: (number | null)[] = [];
  const conflicts: number[] = [];
  const skipped: number[] = [];
  let oldPos = 0;
  file.hunks.forEach((hunk, j) => {
    const oldIdx = Math.max(oldPos, hunk.oldLines === 0 ? hunk.oldStart : hunk.oldStart - 1);
    const newIdx = hunk.newLines === 0 ? hunk.newStart : hunk.newStart - 1;
    if (oldIdx > limit || newIdx > limit) {
      skipped.push(j + 1);
      hunkStarts.push(null);
      return;
    }
    for (let k = oldPos; k < oldIdx; k++) lines.push(old[k]);
    // The new-side number is authoritative; it only disagrees in a malformed patch.
    while (lines.length < newIdx) lines.push(undefined);
    lines.length = Math.max(0, newIdx);
    hunkStarts.push(lines.length + 1);
    let k = oldIdx;
    let conflict = false;
    for (const line of hunk.lines) {
      if (line.kind !== '+') {
        const known = old[k++];
        if (known !== undefined && known !== line.text) conflict = true;
      }
      if (line.kind !== '-') lines.push(line.text);
    }
    if (conflict) conflicts.push(j + 1);
    oldPos = oldIdx + hunk.oldLines;
  });
  for (let k = oldPos; k < old.length; k++) lines.push(old[k]);
  return { lines, hunkStarts, conflicts, skipped };
}

/** The sparse file as text: unknown lines are empty. */
export function sparseText(lines: SparseLines): string {
  return lines.length === 0 ? '' : lines.map((l) => l ?? '').join('\n') + '\n';
}
