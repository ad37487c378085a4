import type { PatchRef } from '../types.js';
import type { LineIndex } from '../text/line-index.js';
import { introducingCommit } from './attribute-lines.js';
import type { PullCommit } from './pull-snapshot.js';

/** The patch (commit) a finding on a head line belongs to; undefined for a pull request with no commits listed. */
export function attributeFinding(commits: readonly PullCommit[], path: string, lines: LineIndex, line: number): PatchRef | undefined {
  const commit = introducingCommit(commits, path, lineText(lines, line));
  return commit ? { index: commit.index, subject: commit.subject } : undefined;
}

/** The text of a 1-based line, without its line end. */
export function lineText(lines: LineIndex, line: number): string {
  const start = lines.lineStarts[line - 1];
  if (start === undefined) return '';
  const next = lines.lineStarts[line];
  const end = next === undefined ? lines.text.length : next - 1;
  return lines.text.slice(start, end).replace(/\r$/, '');
}
