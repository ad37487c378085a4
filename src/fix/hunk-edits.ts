import type { TextEdit } from '../types.js';
import type { FilePatch, Hunk } from '../patch/types.js';

/** Offsets in Patch.text spanned by a hunk's lines, marker included, up to the last line's end. */
export function hunkSpan(hunk: Hunk): { start: number; end: number } | null {
  const first = hunk.lines[0];
  const last = hunk.lines[hunk.lines.length - 1];
  if (!first || !last) return null;
  return { start: first.offset - 1, end: last.offset + last.text.length };
}

export interface HunkEdits {
  /** Rewritten new-side numbers of @@ headers, and removals of hunks and files left without changes. */
  edits: TextEdit[];
  /** Ranges removed whole; fix edits inside them are dropped. */
  removed: { start: number; end: number }[];
}

/**
 * Keeps a file's hunks consistent after the post-image line counts of its hunks changed by
 * `deltas` (hunk index -> lines gained, negative when lost): each hunk's count changes by its
 * own delta, its start by the deltas of the hunks before it. A hunk left with context only is
 * removed (git refuses such hunks), and the whole file section when no hunk is left.
 */
export function hunkEdits(patchText: string, file: FilePatch, deltas: ReadonlyMap<number, number>): HunkEdits {
  const edits: TextEdit[] = [];
  const removed: HunkEdits['removed'] = [];
  let shift = 0;
  file.hunks.forEach((hunk, i) => {
    const own = deltas.get(i) ?? 0;
    const span = hunkSpan(hunk);
    const header = span && headerAt(patchText, span.start);
    if (span && header && changeless(hunk, own)) {
      removed.push({ start: header.start, end: lineEnd(patchText, span.end, true) });
    } else if (header && (shift !== 0 || own !== 0)) {
      edits.push(newSideEdit(header, hunk, shift, own));
    }
    shift += own;
  });
  if (removed.length === file.hunks.length && removed.length > 0) {
    const section = sectionStart(patchText, removed[0]!.start);
    if (section !== null) {
      const whole = { start: section, end: removed[removed.length - 1]!.end };
      return { edits: [{ ...whole, text: '' }], removed: [whole] };
    }
  }
  edits.push(...removed.map((r) => ({ ...r, text: '' })));
  return { edits, removed };
}

function changeless(hunk: Hunk, own: number): boolean {
  const added = hunk.lines.filter((l) => l.kind === '+').length;
  return own !== 0 && added + own === 0 && !hunk.lines.some((l) => l.kind === '-');
}

const HEADER = /^@@ -\d+(?:,\d+)? (\+\d+(?:,\d+)?) @@/;

/** The @@ line ending just before `linesStart` (the first hunk line's marker). */
function headerAt(patchText: string, linesStart: number): { start: number; newSide: number; newSideText: string } | null {
  const end = linesStart - 1;
  const start = patchText.lastIndexOf('\n', end - 1) + 1;
  const match = HEADER.exec(patchText.slice(start, end));
  if (!match) return null;
  return { start, newSide: start + match[0].indexOf('+'), newSideText: match[1]! };
}

function newSideEdit(header: { newSide: number; newSideText: string }, hunk: Hunk, shift: number, own: number): TextEdit {
  const before = hunk.newLines === 0 ? hunk.newStart : hunk.newStart - 1;
  const lines = hunk.newLines + own;
  const at = before + shift;
  const text = `+${lines === 0 ? at : at + 1}${lines === 1 ? '' : `,${lines}`}`;
  return { start: header.newSide, end: header.newSide + header.newSideText.length, text };
}

/** The offset after the line end at `at`, and after a following `\ No newline` line when asked. */
function lineEnd(patchText: string, at: number, withMarker: boolean): number {
  let end = patchText.indexOf('\n', at);
  end = end === -1 ? patchText.length : end + 1;
  if (withMarker && patchText.startsWith('\\', end)) return lineEnd(patchText, end, false);
  return end;
}

/** Lines git puts between `diff --git` and `--- `. */
const EXTENDED = /^(index |old mode |new mode |new file mode |deleted file mode |similarity index |dissimilarity index |rename |copy )/;

/**
 * Start of the file section whose first hunk header starts at `headerStart`: its `diff --git`
 * line, else (a plain diff) its `--- ` line. Null when the lines before the header are not a file header.
 */
function sectionStart(patchText: string, headerStart: number): number | null {
  const lines = patchText.slice(0, headerStart).split('\n');
  lines.pop();
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  let k = lines.length - 1;
  if (!lines[k]?.startsWith('+++ ') || !lines[k - 1]?.startsWith('--- ')) return null;
  const minus = starts[k - 1]!;
  for (k -= 2; k >= 0 && EXTENDED.test(lines[k]!); k--);
  return k >= 0 && lines[k]!.startsWith('diff --git ') ? starts[k]! : minus;
}
