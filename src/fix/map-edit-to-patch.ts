import type { TextEdit } from '../types.js';
import { LineIndex } from '../text/line-index.js';

/** An edit on a post-image carried over to the patch text, with the change in the post-image's line count. */
export interface PatchEdit {
  edit: TextEdit;
  lineDelta: number;
}

/**
 * Carries an edit on a post-image to Patch.text. The edit must lie on lines the patch adds and
 * that follow each other in the patch ("+a\n+b"); every newline of the replacement becomes "\n+".
 * `added` maps a 1-based post-image line to the offset of its content in the patch text.
 * Returns null when the edit touches a line the patch does not add (or cannot be expressed).
 */
export function mapEditToPatch(edit: TextEdit, image: LineIndex, added: ReadonlyMap<number, number>, patchText: string): PatchEdit | null {
  const from = image.position(edit.start);
  const to = image.position(edit.end);
  const endsAtLineStart = edit.end > edit.start && to.column === 1;
  const lastLine = endsAtLineStart ? to.line - 1 : to.line;
  for (let line = from.line; line <= lastLine; line++) {
    if (!sameLine(line, image, added, patchText)) return null;
    if (line < lastLine && !adjacent(line, image, added)) return null;
  }
  let start = added.get(from.line)! + from.column - 1;
  let text = edit.text.replaceAll('\n', '\n+');
  let end: number;
  if (!endsAtLineStart) {
    end = added.get(to.line)! + to.column - 1;
  } else if (sameLine(to.line, image, added, patchText) && adjacent(lastLine, image, added)) {
    end = added.get(to.line)!;
  } else {
    // The edit ends after the last added line of a block: the next patch line has its own marker.
    end = added.get(lastLine)! + image.lineText(lastLine).length + 1;
    if (edit.text.endsWith('\n')) text = text.slice(0, -1);
    else if (edit.text === '' && from.column === 1) start -= 1;
    else return null;
  }
  const lineDelta = count(edit.text) - count(image.text.slice(edit.start, edit.end));
  return { edit: { start, end, text }, lineDelta };
}

/** The line is added by the patch and its text there is the post-image's. */
function sameLine(line: number, image: LineIndex, added: ReadonlyMap<number, number>, patchText: string): boolean {
  const at = added.get(line);
  if (at === undefined || patchText[at - 1] !== '+') return false;
  const text = image.lineText(line);
  return patchText.startsWith(text, at) && (patchText[at + text.length] ?? '\n') === '\n';
}

/** The next post-image line is added too and follows this one directly in the patch. */
function adjacent(line: number, image: LineIndex, added: ReadonlyMap<number, number>): boolean {
  const at = added.get(line);
  const next = added.get(line + 1);
  return at !== undefined && next !== undefined && next === at + image.lineText(line).length + 2;
}

function count(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
