import type { Fix } from '../types.js';
import { applyEdits } from '../text/apply-edits.js';
import { LineIndex } from '../text/line-index.js';

/** The whole lines a fix touches, before and after it: what a ```suggestion block replaces. */
export interface FixedLines {
  /** First and last 1-based line of the source the fix touches. */
  startLine: number;
  endLine: number;
  /** Those lines as they read after the fix, joined by '\n', no final line end ('' deletes them). */
  text: string;
}

/** The lines a fix rewrites; null when it has no edits. */
export function fixedLines(source: string, fix: Fix): FixedLines | null {
  if (fix.edits.length === 0) return null;
  const index = new LineIndex(source);
  const start = Math.min(...fix.edits.map((e) => e.start));
  const end = Math.max(...fix.edits.map((e) => e.end));
  const startLine = index.position(start).line;
  // An edit that ends just after a line end touches the line that ends there, not the next one.
  const endLine = index.position(end > start && source[end - 1] === '\n' ? end - 1 : end).line;
  const from = index.lineStarts[startLine - 1]!;
  const next = index.lineStarts[endLine];
  const to = next === undefined ? source.length : next;
  const local = fix.edits.map((e) => ({ start: e.start - from, end: e.end - from, text: e.text }));
  let text = applyEdits(source.slice(from, to), local).text;
  if (text.endsWith('\n')) text = text.slice(0, -1);
  return { startLine, endLine, text };
}

/** A code fence longer than any run of backticks in the text. */
export function fenceFor(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}
