import { textLines } from './text-lines.js';

/** A mail's header block: unfolded raw values by lower-case name (first occurrence wins). */
export interface MailHeaders {
  fields: Map<string, string>;
  /** Offset of the body: the line after the blank line that ends the headers. */
  bodyStart: number;
}

const FIELD = /^([!-9;-~]+):[ \t]?(.*)$/;

/**
 * Reads the header block that starts at `from`. Continuation lines (leading space or tab) are unfolded
 * with one space. Returns null when the block holds neither From nor Subject (not a mail).
 */
export function readHeaders(text: string, from = 0): MailHeaders | null {
  const fields = new Map<string, string>();
  let inField = false;
  let name: string | null = null; // null while inside a repeated field, whose lines are dropped
  let bodyStart = text.length;
  for (const line of textLines(text, from)) {
    if (inField && /^[ \t]/.test(line.text)) {
      if (name !== null) fields.set(name, `${fields.get(name)!} ${line.text.trim()}`.trim());
      continue;
    }
    const field = FIELD.exec(line.text);
    if (field) {
      const key = field[1]!.toLowerCase();
      inField = true;
      name = fields.has(key) ? null : key;
      if (name !== null) fields.set(name, field[2]!.trim());
      continue;
    }
    bodyStart = line.text === '' ? nextLineStart(text, line.start) : line.start;
    break;
  }
  return fields.has('from') || fields.has('subject') ? { fields, bodyStart } : null;
}

function nextLineStart(text: string, start: number): number {
  const nl = text.indexOf('\n', start);
  return nl === -1 ? text.length : nl + 1;
}
