import type { InputNote, PatchRef, TextEdit } from '../types.js';
import type { Patch } from '../patch/types.js';
import { diffLines } from './line-diff.js';

/**
 * Lines an earlier patch's fixes rewrote, per file: old line text -> new line text. A later patch
 * that shows such a line as context (or removes it) must show the new text, or it stops applying.
 */
export interface LineRewrites {
  /** Old text -> new text, for lines rewritten one for one whose old text is gone from the file. */
  sure: Map<string, string>;
  /** Old texts that cannot be carried: lines split or joined, or text that still occurs elsewhere. */
  unsure: Map<string, PatchRef>;
  from: Map<string, PatchRef>;
}

export function emptyRewrites(): LineRewrites {
  return { sure: new Map(), unsure: new Map(), from: new Map() };
}

/** Records the lines of one file the fixes of patch `ref` rewrote (the post-image before and after). */
export function recordRewrites(rewrites: LineRewrites, before: string, after: string, ref: PatchRef): void {
  const a = before.split('\n');
  const b = after.split('\n');
  const remaining = new Set(b);
  const ops = diffLines(a, b);
  for (let i = 0; i < ops.length; ) {
    if (ops[i]!.kind === ' ') {
      i++;
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    for (; i < ops.length && ops[i]!.kind !== ' '; i++) {
      const op = ops[i]!;
      if (op.kind === '-') removed.push(a[op.aIndex]!);
      else if (op.kind === '+') added.push(b[op.bIndex]!);
    }
    removed.forEach((old, k) => {
      const next = added[k];
      if (removed.length === added.length && next !== undefined && !remaining.has(old) && !rewrites.unsure.has(old)) {
        rewrites.sure.set(old, next);
        rewrites.from.set(old, ref);
      } else {
        rewrites.sure.delete(old);
        rewrites.unsure.set(old, ref);
      }
    });
  }
}

/**
 * Edits on a later patch's context and removed lines of the files in `rewrites` (keyed by
 * path), giving them the fixed text; notes for lines that could not be carried.
 */
export function carryRewrites(patch: Patch, rewrites: ReadonlyMap<string, LineRewrites>): { edits: TextEdit[]; notes: InputNote[] } {
  const edits: TextEdit[] = [];
  const notes: InputNote[] = [];
  const ref: PatchRef = { index: patch.index, subject: patch.subject };
  for (const file of patch.files) {
    const path = file.oldPath;
    const known = path === null ? undefined : rewrites.get(path);
    if (!known) continue;
    for (const hunk of file.hunks) {
      for (const line of hunk.lines) {
        if (line.kind === '+') continue;
        const next = known.sure.get(line.text);
        if (next !== undefined) edits.push({ start: line.offset, end: line.offset + line.text.length, text: next });
        const doubt = known.unsure.get(line.text);
        if (doubt) {
          notes.push({ file: path!, patch: ref, message: `shows a line that the fix of patch ${doubt.index} rewrote; this patch may no longer apply` });
        }
      }
    }
  }
  return { edits, notes };
}
