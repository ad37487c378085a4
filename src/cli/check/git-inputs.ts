import type { InputNote } from '../../types.js';
import type { ReadBase } from '../../review/review-patches.js';
import { git, GitError } from '../shared/git.js';
import type { PatchInput } from './load-inputs.js';

/**
 * A commit as the mail `git format-patch` makes of it; the patch's source is the commit id.
 * The options pin what user configuration could change: prefixes, numbering, signature, colour,
 * relative paths.
 */
export function commitPatch(dir: string, commit: string): PatchInput {
  const text = git(dir, [
    'format-patch', '-1', '--stdout', '-M', '--no-numbered', '--no-signature', '--subject-prefix=PATCH',
    '--src-prefix=a/', '--dst-prefix=b/', '--no-cover-letter', '--no-color', '--no-relative', commit,
  ]);
  return { source: commit, text };
}

/**
 * Reads base files as they are at `rev` (`git show REV:path`); every file is absent when rev is
 * null (the series starts at a root commit). Paths that leave the tree become notes.
 */
export function gitBaseReader(dir: string, rev: string | null, notes: InputNote[]): ReadBase {
  return (path) => {
    if (rev === null) return null;
    if (path === '' || path.startsWith('/') || path.split('/').some((s) => s === '..' || s === '.')) {
      notes.push({ file: path, message: 'not read from the repository: the path is absolute or leaves the tree' });
      return null;
    }
    try {
      return git(dir, ['show', `${rev}:${path}`]);
    } catch (e) {
      if (e instanceof GitError) return null;
      throw e;
    }
  };
}
