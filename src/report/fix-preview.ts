import type { Fix } from '../types.js';
import { applyEdits } from '../text/apply-edits.js';

/** The lines a fix touches, as they read after the fix, on one line with runs of blanks squeezed. */
export function fixPreview(source: string, fix: Fix): string {
  if (fix.edits.length === 0) return '';
  const from = source.lastIndexOf('\n', Math.min(...fix.edits.map((e) => e.start)) - 1) + 1;
  const lastEnd = Math.max(...fix.edits.map((e) => e.end));
  const newline = source.indexOf('\n', lastEnd > from && source[lastEnd - 1] === '\n' ? lastEnd - 1 : lastEnd);
  const to = newline === -1 ? source.length : newline;
  const local = fix.edits.map((e) => ({ start: e.start - from, end: e.end - from, text: e.text }));
  const fixed = applyEdits(source.slice(from, to), local).text;
  return fixed.replace(/\s+/g, ' ').trim();
}
