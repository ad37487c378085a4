import type { Span } from '../types.js';

/**
 * A marker under a span of a source line: tabs kept so it lines up, `^` under the first column,
 * `~` under the rest of the span on that line.
 */
export function caretLine(lineText: string, span: Span): string {
  const lead = lineText.slice(0, span.column - 1).replace(/[^\t]/g, ' ');
  const end = span.endLine === span.line ? span.endColumn : lineText.length + 1;
  const width = Math.max(1, end - span.column);
  return lead + '^' + '~'.repeat(width - 1);
}
