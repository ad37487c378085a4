import { normalizeCodeLine } from '../report/fingerprint.js';
import type { PullCommit } from './pull-snapshot.js';

/**
 * The commit that introduced a head line: the last commit whose diff of the file adds a line with
 * the same code; else the last commit that changed the file; else the last commit.
 */
export function introducingCommit(commits: readonly PullCommit[], path: string, code: string): PullCommit | undefined {
  const wanted = normalizeCodeLine(code);
  let touched: PullCommit | undefined;
  for (let k = commits.length - 1; k >= 0; k--) {
    const c = commits[k]!;
    if (!c.files.has(path)) continue;
    touched ??= c;
    const added = c.files.get(path);
    if (added) for (const text of added.values()) if (normalizeCodeLine(text) === wanted) return c;
  }
  return touched ?? commits[commits.length - 1];
}
