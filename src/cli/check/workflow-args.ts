import type { CheckpatchStyle } from '../../report/checkpatch.js';
import type { CheckArgs } from './args.js';
import { UserError } from '../shared/user-error.js';

const STYLE_FLAGS: Record<string, { key: keyof CheckpatchStyle; value: boolean }> = {
  '--terse': { key: 'terse', value: true },
  '--emacs': { key: 'emacs', value: true },
  '--showfile': { key: 'showFile', value: true },
  '--no-summary': { key: 'summary', value: false },
  '--strict': { key: 'strict', value: true },
};

/** The names of checkpatch's output flags. */
export const STYLE_FLAG_NAMES: readonly string[] = Object.keys(STYLE_FLAGS);

/** Reads checkpatch's output flags (--terse, --emacs, --showfile, --no-summary); false for any other flag. */
export function setStyleFlag(args: CheckArgs, name: string): boolean {
  const flag = STYLE_FLAGS[name];
  if (!flag) return false;
  args.style = { ...args.style, [flag.key]: flag.value };
  return true;
}

/** Refuses the combinations of the workflow options that mean nothing; a UserError names the first one. */
export function checkWorkflowArgs(args: CheckArgs): void {
  if (args.style && args.format !== 'checkpatch') {
    const given = Object.keys(STYLE_FLAGS).filter((f) => args.style![STYLE_FLAGS[f]!.key] === STYLE_FLAGS[f]!.value);
    throw new UserError(`${given.join(', ')} ${given.length === 1 ? 'needs' : 'need'} --format checkpatch`);
  }
  if (args.git === undefined) return;
  if (args.git.startsWith('-')) throw new UserError(`--git needs a revision or range, not '${args.git}'`);
  if (args.files.length > 0) throw new UserError('--git reviews commits: give no FILE with it');
  if (args.tree !== undefined) throw new UserError('--git reads files from the repository: --tree cannot be combined with it');
  if (args.mode === 'fix') throw new UserError('--fix cannot rewrite commits: use --diff with --git');
}
