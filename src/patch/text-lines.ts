/** One line of a text: its content without the line end (a trailing CR dropped) and where it starts. */
export interface TextLine {
  text: string;
  /** Offset of the line's first character in the text. */
  start: number;
}

/** Splits text into lines from offset `from`; a final line end does not start an empty line. */
export function textLines(text: string, from = 0): TextLine[] {
  const lines: TextLine[] = [];
  let start = from;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(start, end);
    lines.push({ text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, start });
    start = end + 1;
  }
  return lines;
}

/** CRLF line ends to LF (a lone CR inside a line is content and stays). */
export function toLf(text: string): string {
  return text.replace(/\r\n/g, '\n');
}
