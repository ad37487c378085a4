import { applyEdits } from '../text/apply-edits.js';
import type { Fix } from '../types.js';

/** The lines a fix touches, before and after: what a reader of a report needs to judge it. */
export interface FixLines {
  before: string[];
  after: string[];
}

export function fixLines(source: string, fix: Fix): FixLines {
  if (fix.edits.length === 0) return { before: [], after: [] };
  const from = source.lastIndexOf('\n', Math.min(...fix.edits.map((e) => e.start)) - 1) + 1;
  const lastEnd = Math.max(...fix.edits.map((e) => e.end));
  const newline = source.indexOf('\n', lastEnd > from && source[lastEnd - 1] === '\n' ? lastEnd - 1 : lastEnd);
  const to = newline === -1 ? source.length : newline;
  const local = fix.edits.map((e) => ({ start: e.start - from, end: e.end - from, text: e.text }));
  const before = source.slice(from, to);
  const after = applyEdits(before, local).text;
  return { before: before.split('\n'), after: after === '' ? [] : after.split('\n') };
}
