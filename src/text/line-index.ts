import type { Span } from '../types.js';

/** 1-based line and column of an offset; columns count UTF-16 code units. */
export interface Position {
  line: number;
  column: number;
}

/** Maps offsets in a text to 1-based lines and columns and back. Lines end at '\n'. */
export class LineIndex {
  /** Offset of the first character of each line; lineStarts[0] is line 1. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    this.lineStarts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** Number of lines; a final '\n' does not start a line of its own. */
  get lineCount(): number {
    const n = this.lineStarts.length;
    return this.text.endsWith('\n') || this.text === '' ? n - 1 : n;
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  /** Offset of the start of a 1-based line; the text length past the last line. */
  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.text.length;
  }

  /** The line's text without its '\n'; '' past the end. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1);
  }

  /** The 1-based line of an offset. */
  lineOf(offset: number): number {
    return this.position(offset).line;
  }

  /** The span of [start, end): 1-based, end exclusive. */
  span(start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}
