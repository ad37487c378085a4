import type { Inputs } from './load-inputs.js';
import { UserError } from '../shared/user-error.js';

/**
 * --fix writes inputs back whole. A file that is not valid UTF-8 was read with U+FFFD in place of
 * its bad bytes (a Latin-1 comment, a stray byte): writing it back would change those bytes too, so
 * --fix refuses before anything is written. A file that holds U+FFFD itself is refused the same way.
 */
export function refuseLossyFix(inputs: Inputs): void {
  const lossy = [...inputs.patches.filter((p) => p.real !== undefined).map((p) => ({ name: p.source, text: p.text })), ...inputs.sources.map((s) => ({ name: s.path, text: s.text }))]
    .find((i) => i.text.includes('\uFFFD'));
  if (lossy) throw new UserError(`'${lossy.name}' is not valid UTF-8: --fix would change its other bytes (use --diff)`);
}
