import type { FixLevel } from '../../types.js';
import { UserError } from './user-error.js';

/**
 * `--fix`, `--diff` (proven fixes) and `--fix=assumed`, `--diff=assumed` (assumed fixes too, for
 * a fork owner who reviews the result), spelled exactly so; anything else after `=` is refused.
 * Sets `mode` and `fixLevel`; false when `arg` is not one of them.
 */
export function setFixFlag(args: { mode: string; fixLevel: FixLevel }, arg: string): boolean {
  const m = /^--(fix|diff)(?:=(.*))?$/.exec(arg);
  if (!m) return false;
  const mode = m[1] as 'fix' | 'diff';
  if (m[2] !== undefined && m[2] !== 'assumed') throw new UserError(`--${mode} takes no value but 'assumed' (--${mode}=assumed also applies assumed fixes)`);
  if (args.mode !== 'report' && args.mode !== mode) throw new UserError('--fix and --diff cannot be combined');
  args.mode = mode;
  if (m[2] === 'assumed') args.fixLevel = 'assumed';
  return true;
}
