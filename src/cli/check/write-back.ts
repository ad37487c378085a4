import path from 'node:path';
import type { Io } from '../shared/io.js';
import type { InputsFix } from '../../pipeline/review-and-fix.js';
import type { Inputs, PatchInput, SourceInput } from './load-inputs.js';
import { isInside, type Tree } from '../shared/tree.js';
import { UserError } from '../shared/user-error.js';

/**
 * Writes the fixed inputs over the files they came from, atomically; never anywhere else: a
 * patch goes back to its own file, a C file to itself inside the tree (with --tree), or to itself
 * when it was named on the command line outside the tree (an out-of-tree module). stdin is
 * left to the caller. With `before` (the inputs as read), a file that changed since it was read
 * stops the run before anything is written: someone's edit is never overwritten. Returns the
 * names written.
 */
export function writeBack(fix: InputsFix<PatchInput, SourceInput>, tree: Tree | undefined, io: Io, before?: Inputs): string[] {
  if (before) refuseChanged(fix, before, io);
  const written: string[] = [];
  for (const patch of fix.inputs.patches) {
    if (!fix.changed.has(patch.source) || patch.real === undefined) continue;
    write(io, patch.real, patch.text, patch.source);
    written.push(patch.source);
  }
  for (const source of fix.inputs.sources) {
    if (!fix.changed.has(source.path)) continue;
    if (tree && !source.outOfTree && !isInside(tree.root, source.real)) throw new Error(`refusing to write ${source.real}: outside the tree`);
    if (!path.isAbsolute(source.real)) throw new Error(`refusing to write ${source.real}: not an absolute path`);
    write(io, source.real, source.text, source.path);
    written.push(source.path);
  }
  return written;
}

function refuseChanged(fix: InputsFix, before: Inputs, io: Io): void {
  const read = [...before.patches.map((p) => ({ name: p.source, real: p.real, text: p.text })), ...before.sources.map((s) => ({ name: s.path, real: s.real, text: s.text }))];
  for (const input of read) {
    if (input.real === undefined || !fix.changed.has(input.name)) continue;
    let now: string | null;
    try {
      now = io.fs.readFile(input.real);
    } catch {
      now = null;
    }
    if (now !== input.text) throw new UserError(`'${input.name}' changed while it was reviewed: nothing written (run again)`);
  }
}

function write(io: Io, real: string, text: string, name: string): void {
  try {
    io.fs.writeFileAtomic(real, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`cannot write '${name}': ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? String(e)}`);
  }
}
