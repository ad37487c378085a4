import type { Finding, TextEdit } from '../types.js';
import type { Patch } from '../patch/types.js';
import type { PostImage } from '../patch/post-image.js';
import { LineIndex } from '../text/line-index.js';
import { applyEdits } from '../text/apply-edits.js';
import { mapEditToPatch } from './map-edit-to-patch.js';
import { hunkEdits, hunkSpan } from './hunk-edits.js';
import { selectFixes, type EditGroup } from './select-fixes.js';

export interface PatchFix {
  /** The patch text with the fixes on its added lines and its @@ counts adjusted. */
  text: string;
  applied: Finding[];
  /** Fixes that touch lines this patch does not add (context, the base file): left alone. */
  notAdded: Finding[];
  /** Fixes that overlapped an applied one; a re-review of the fixed patch finds them again. */
  deferred: Finding[];
}

interface Placed {
  edits: TextEdit[];
  /** Post-image line-count change per file index and hunk index. */
  deltas: { file: number; hunk: number; lines: number }[];
}

/**
 * Rewrites a patch so the lines it adds carry the fixes of `findings` (offsets into the
 * post-images of this patch, `images`). Findings of other patches and without a fix are ignored.
 * `contextEdits` (offsets in Patch.text, on context and removed lines only) go in with them:
 * they carry an earlier patch's fixes into this patch's context.
 */
export function fixPatch(patch: Patch, images: readonly PostImage[], findings: readonly Finding[], contextEdits: readonly TextEdit[] = []): PatchFix {
  const notAdded: Finding[] = [];
  const groups: EditGroup<{ finding: Finding; placed: Placed }>[] = [];
  const indexes = new Map<string, LineIndex>();
  for (const finding of findings) {
    if (!finding.fix || finding.fix.edits.length === 0) continue;
    if (finding.patch && finding.patch.index !== patch.index) continue;
    const image = images.find((i) => i.path === finding.file);
    const placed = image && place(patch, image, finding.fix.edits, indexes);
    if (!placed) notAdded.push(finding);
    else groups.push({ owner: { finding, placed }, edits: placed.edits });
  }
  const { accepted, skipped } = selectFixes(groups);
  const layout = layoutEdits(patch, accepted.flatMap((g) => g.owner.placed.deltas));
  const inRemoved = (e: TextEdit) => layout.removed.some((r) => r.start <= e.start && e.end <= r.end);
  const edits = [...accepted.flatMap((g) => g.edits), ...contextEdits].filter((e) => !inRemoved(e));
  edits.push(...layout.edits);
  return {
    text: applyEdits(patch.text, edits).text,
    applied: accepted.map((g) => g.owner.finding),
    notAdded,
    deferred: skipped.map((g) => g.owner.finding),
  };
}

function place(patch: Patch, image: PostImage, edits: readonly TextEdit[], indexes: Map<string, LineIndex>): Placed | null {
  let index = indexes.get(image.path);
  if (!index) indexes.set(image.path, (index = new LineIndex(image.text)));
  const fileIndex = patch.files.findIndex((f) => f.newPath === image.path);
  const file = patch.files[fileIndex];
  if (!file) return null;
  const placed: Placed = { edits: [], deltas: [] };
  for (const e of edits) {
    const mapped = mapEditToPatch(e, index, image.added, patch.text);
    if (!mapped) return null;
    const hunk = file.hunks.findIndex((h) => {
      const span = hunkSpan(h);
      return span !== null && span.start <= mapped.edit.start && mapped.edit.end <= span.end + 1;
    });
    if (hunk === -1) return null;
    placed.edits.push(mapped.edit);
    if (mapped.lineDelta !== 0) placed.deltas.push({ file: fileIndex, hunk, lines: mapped.lineDelta });
  }
  return placed;
}

/** Header rewrites and removals of hunks (and files) the fixes leave without changes. */
function layoutEdits(patch: Patch, deltas: readonly Placed['deltas'][number][]): { edits: TextEdit[]; removed: { start: number; end: number }[] } {
  const perFile = new Map<number, Map<number, number>>();
  for (const d of deltas) {
    const hunks = perFile.get(d.file) ?? new Map<number, number>();
    hunks.set(d.hunk, (hunks.get(d.hunk) ?? 0) + d.lines);
    perFile.set(d.file, hunks);
  }
  const all = [...perFile].map(([file, hunks]) => hunkEdits(patch.text, patch.files[file]!, hunks));
  return { edits: all.flatMap((h) => h.edits), removed: all.flatMap((h) => h.removed) };
}
