import type { TextEdit } from '../types.js';

/** True when two edits replace overlapping ranges; an insertion at the start of a replacement does not overlap it. */
export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  return a.start < b.end && b.start < a.end;
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

/**
 * The one shared fixer: applies non-overlapping edits to a text. Identical edits (two findings
 * sharing one fix) apply once. Edits that overlap an earlier-accepted edit are skipped and
 * returned; their offsets refer to the old text, so the caller re-reviews the result instead of
 * re-applying them.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const accepted: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  for (const e of sorted) {
    const last = accepted[accepted.length - 1];
    if (last && sameEdit(last, e)) continue;
    if (last && editsOverlap(last, e)) skipped.push(e);
    else accepted.push(e);
  }
  let out = '';
  let pos = 0;
  for (const e of accepted) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return { text: out + text.slice(pos), skipped };
}
