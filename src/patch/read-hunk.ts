import type { Hunk, HunkLine } from './types.js';
import type { TextLine } from './text-lines.js';

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/;

export function isHunkHeader(line: string): boolean {
  return HUNK_HEADER.test(line);
}

export interface ReadHunk {
  hunk: Hunk;
  /** Index of the first line after the hunk (and after its `\ No newline` markers). */
  next: number;
  /** Set when the hunk ended before its counted lines: why. */
  problem?: string;
}

/**
 * Reads the hunk whose header is lines[at]. Stops after the counted lines, so trailers such as the
 * format-patch signature are not taken in. A bare empty line inside the count is an empty context
 * line (mailers strip the trailing space); such lines are dropped again if the hunk turns out truncated.
 * `firstLine` is the text's line number of lines[0], for messages.
 */
export function readHunk(lines: readonly TextLine[], at: number, firstLine = 1): ReadHunk {
  const m = HUNK_HEADER.exec(lines[at]!.text)!;
  const hunk: Hunk = {
    oldStart: Number(m[1]),
    oldLines: m[2] === undefined ? 1 : Number(m[2]),
    newStart: Number(m[3]),
    newLines: m[4] === undefined ? 1 : Number(m[4]),
    heading: m[5]!.trim(),
    lines: [],
    oldNoNewlineAtEnd: false,
    newNoNewlineAtEnd: false,
  };
  let oldLeft = hunk.oldLines;
  let newLeft = hunk.newLines;
  let bareEmpty = 0; // trailing context lines that came from bare empty lines
  let i = at + 1;
  let problem: string | undefined;
  const markNoNewline = (last: HunkLine | undefined) => {
    if (!last || last.kind !== '+') hunk.oldNoNewlineAtEnd = true;
    if (!last || last.kind !== '-') hunk.newNoNewlineAtEnd = true;
  };
  while (oldLeft > 0 || newLeft > 0) {
    const line = lines[i];
    if (!line) {
      problem = 'truncated: the input ends inside the hunk';
      break;
    }
    const marker = line.text[0];
    if (marker === '\\') {
      markNoNewline(hunk.lines[hunk.lines.length - 1]);
      i++;
      continue;
    }
    const kind = line.text === '' ? ' ' : marker;
    const fits = kind === ' ' ? oldLeft > 0 && newLeft > 0 : kind === '-' ? oldLeft > 0 : kind === '+' ? newLeft > 0 : false;
    if (kind !== ' ' && kind !== '-' && kind !== '+' || !fits) {
      problem = `ends early at line ${firstLine + i}: ${JSON.stringify(line.text.slice(0, 60))} is not a line of this hunk`;
      break;
    }
    hunk.lines.push({ kind, text: line.text.slice(line.text === '' ? 0 : 1), offset: line.start + (line.text === '' ? 0 : 1) });
    bareEmpty = line.text === '' ? bareEmpty + 1 : 0;
    if (kind !== '+') oldLeft--;
    if (kind !== '-') newLeft--;
    i++;
  }
  if (problem !== undefined) {
    hunk.lines.splice(hunk.lines.length - bareEmpty, bareEmpty);
    oldLeft += bareEmpty;
    newLeft += bareEmpty;
  } else {
    while (lines[i]?.text.startsWith('\\')) {
      markNoNewline(hunk.lines[hunk.lines.length - 1]);
      i++;
    }
  }
  const result: ReadHunk = { hunk, next: i };
  if (problem !== undefined) result.problem = `${problem} (${oldLeft} old and ${newLeft} new lines missing)`;
  return result;
}
