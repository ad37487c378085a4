import { git, GitError } from '../shared/git.js';
import { UserError } from '../shared/user-error.js';

/**
 * The commits a --git argument names, oldest first, merges left out, as checkpatch's --git reads
 * them: `A..B` or `A...B` a range, `REV` one commit, `REV-N` the N commits ending at REV.
 */
export function rangeCommits(dir: string, range: string): string[] {
  inRepository(dir);
  let commits: string[];
  if (range.includes('..')) commits = revList(dir, range, []);
  else if (resolves(dir, range)) commits = [resolve(dir, range)];
  else {
    const counted = /^(.+)-(\d+)$/.exec(range);
    if (!counted || !resolves(dir, counted[1]!)) throw new UserError(`--git: unknown revision '${range}'`);
    commits = revList(dir, counted[1]!, [`--max-count=${counted[2]}`]);
  }
  if (commits.length === 0) throw new UserError(`--git: no commits in '${range}' (merges are left out)`);
  return commits;
}

/** The parent of a commit, or null for a root commit. */
export function parentOf(dir: string, commit: string): string | null {
  return resolves(dir, `${commit}^`) ? resolve(dir, `${commit}^`) : null;
}

function inRepository(dir: string): void {
  try {
    git(dir, ['rev-parse', '--git-dir']);
  } catch (e) {
    if (e instanceof GitError) throw new UserError('--git: not inside a git repository');
    throw e;
  }
}

function revList(dir: string, range: string, extra: string[]): string[] {
  try {
    return git(dir, ['rev-list', '--reverse', '--no-merges', ...extra, range, '--']).split('\n').filter((l) => l !== '');
  } catch (e) {
    if (e instanceof GitError) throw new UserError(`--git: '${range}' is not a range git knows (${e.message})`);
    throw e;
  }
}

function resolves(dir: string, rev: string): boolean {
  try {
    resolve(dir, rev);
    return true;
  } catch (e) {
    if (e instanceof GitError) return false;
    throw e;
  }
}

function resolve(dir: string, rev: string): string {
  return git(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]).trim();
}
