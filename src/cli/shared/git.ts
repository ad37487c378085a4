import { UserError } from './user-error.js';

/** git said no: its first line of stderr. */
export class GitError extends Error {
  override readonly name = 'GitError';
}

/**
 * Runs git in `dir` and returns its standard output; a failure is a GitError with git's first
 * line of stderr. git being absent is a UserError. Arguments are passed as they are (no shell).
 */
export function git(dir: string, args: readonly string[]): string {
  try {
    // node:child_process is loaded on the first git run, not at start: a check without --git never needs it.
    return process.getBuiltinModule('node:child_process').execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') throw new UserError('--git needs git, which was not found on PATH');
    const line = (err.stderr ?? '').split('\n').find((l) => l.trim() !== '');
    throw new GitError((line ?? err.message).replace(/^(fatal|error): /, '').trim());
  }
}
