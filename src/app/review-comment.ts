import type { Finding } from '../types.js';
import type { ReviewResult } from '../review/result.js';
import { sourceOf } from '../review/result.js';
import { fenceFor, fixedLines } from './fix-text.js';
import { findingMarker } from './markers.js';
import { patchLabel } from './patch-label.js';
import { inertText } from './inert-text.js';

/** An inline comment of a pull request review (`line`/`side`/`start_line`, not the old `position`). */
export interface ReviewComment {
  path: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
}

/** New-side lines of a file a comment may be placed on -> their hunk. */
export type Commentable = ReadonlyMap<number, number>;

/** True when every line from..to is commentable and in one hunk (a comment range cannot span hunks). */
export function rangeFits(commentable: Commentable, from: number, to: number): boolean {
  const hunk = commentable.get(from);
  if (hunk === undefined) return false;
  for (let l = from + 1; l <= to; l++) if (commentable.get(l) !== hunk) return false;
  return true;
}

/**
 * The inline comment for a finding, or null when its line is not in the diff GitHub shows. A
 * ```suggestion block is added when the fix is proven or assumed and the lines it rewrites can all
 * be commented (the comment then spans exactly those lines); an assumed one says what it assumes,
 * so the author accepts the suggestion only if the assumption holds.
 */
export function reviewCommentFor(result: ReviewResult, f: Finding, commentable: Commentable, fp: string): ReviewComment | null {
  if (!commentable.has(f.line)) return null;
  const source = sourceOf(result, f);
  const fixed = f.fix && source !== undefined ? fixedLines(source, f.fix) : null;
  const suggest = (f.fix?.verdict === 'proven' || f.fix?.verdict === 'assumed') && fixed !== null && fixed.startLine <= f.line && f.line <= fixed.endLine
    && rangeFits(commentable, fixed.startLine, fixed.endLine);
  const [from, to] = suggest ? [fixed!.startLine, fixed!.endLine] : [f.line, f.line];
  const body: string[] = [`**memcg-review** · \`${f.ruleId}\` · ${f.severity}`, '', f.message];
  if (f.patch) body.push('', `Introduced by ${inertText(patchLabel(f.patch, result.patches))}.`);
  if (f.fix && fixed) {
    const fence = fenceFor(fixed.text);
    if (suggest && f.fix.verdict === 'assumed') {
      body.push('', `Suggested fix (assumed, not proven: accept it only if the assumption holds): ${f.fix.explanation}`, '', `${fence}suggestion`, fixed.text, fence);
    } else if (suggest) body.push('', `Fix (proven): ${f.fix.explanation}`, '', `${fence}suggestion`, fixed.text, fence);
    else {
      body.push('', `Possible fix (${f.fix.verdict}): ${f.fix.explanation}`);
      body.push('', fixed.text === '' ? '(removes the code)' : `${fence}c\n${fixed.text}\n${fence}`);
    }
  }
  body.push('', findingMarker(fp));
  const comment: ReviewComment = { path: f.file, line: to, side: 'RIGHT', body: body.join('\n') };
  if (from < to) {
    comment.start_line = from;
    comment.start_side = 'RIGHT';
  }
  return comment;
}
