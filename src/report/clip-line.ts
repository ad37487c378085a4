import type { Span } from '../types.js';

/** The longest source line a report shows whole; a longer one (generated or hostile code) is cut around the finding. */
export const MAX_SHOWN_LINE = 400;
/** How much of a cut line is shown before the finding. */
const LEAD = 100;

/**
 * A source line as a report shows it: whole when short, else a window of MAX_SHOWN_LINE characters
 * around the span with `…` where it was cut, and the span's columns moved to match.
 */
export function clipLine(text: string, span: Span): { text: string; span: Span } {
  if (text.length <= MAX_SHOWN_LINE) return { text, span };
  const start = Math.max(0, Math.min(span.column - 1 - LEAD, text.length - MAX_SHOWN_LINE));
  const end = Math.min(text.length, start + MAX_SHOWN_LINE);
  const head = start > 0 ? '…' : '';
  const shown = head + text.slice(start, end) + (end < text.length ? '…' : '');
  const shift = head.length - start;
  const endColumn = span.endLine === span.line ? Math.min(span.endColumn + shift, head.length + (end - start) + 1) : span.endColumn;
  return { text: shown, span: { ...span, column: span.column + shift, endColumn } };
}
