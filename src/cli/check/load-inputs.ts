import path from 'node:path';
import type { Io } from '../shared/io.js';
import type { Inputs as PipelineInputs } from '../../pipeline/inputs.js';
import { inputKind } from './input-kind.js';
import { isInside, lookupInTree, treeRelative, type Tree } from '../shared/tree.js';
import { UserError } from '../shared/user-error.js';
import { whyUnresolved } from '../shared/why-unresolved.js';
import { MAX_PATCH_BYTES } from '../shared/max-patch-bytes.js';

/** A patch input: `source` names it in notes ('-' for stdin); `real` is where --fix writes it back. */
export interface PatchInput {
  source: string;
  text: string;
  real?: string;
}

/** A C file reviewed whole: `path` as reported (inside the tree with --tree), `real` where it lives. */
export interface SourceInput {
  path: string;
  text: string;
  real: string;
  /** Named on the command line and outside --tree (an out-of-tree module): reviewed against the tree's API, written in place by --fix. */
  outOfTree?: true;
}

/** The inputs of `check`, as the pipeline takes them, with where each one lives. */
export type Inputs = PipelineInputs<PatchInput, SourceInput>;

/**
 * Reads and sorts the inputs; an unreadable or unrecognised input is a UserError. A C file larger
 * than `maxBytes` is not read: it becomes a note.
 */
export async function loadInputs(files: readonly string[], io: Io, tree?: Tree, maxBytes = Infinity): Promise<Inputs> {
  const inputs: Inputs = { patches: [], sources: [] };
  for (const file of files) {
    if (file === '-') {
      const text = await io.readStdin();
      if (text.trim() === '') throw new UserError('no input on stdin');
      if (inputKind('', text) !== 'patch') throw new UserError('stdin does not look like a patch (give C files by name)');
      inputs.patches.push({ source: '-', text });
      continue;
    }
    const real = locate(file, io, tree);
    const outOfTree = tree !== undefined && !isInside(tree.root, real);
    const size = sizeOf(file, real, io);
    if (size > maxBytes && inputKind(file, '') === 'c') {
      const shown = tree ? treeRelative(tree, real) : reported(file);
      (inputs.skipped ??= []).push({ file: shown, message: `not reviewed: ${size} bytes, over the limit of ${maxBytes} (--max-file-size)` });
      continue;
    }
    if (size > MAX_PATCH_BYTES) throw new UserError(`'${file}' is ${size} bytes: a patch over ${MAX_PATCH_BYTES} bytes is not read`);
    const text = read(file, real, io);
    const kind = inputKind(file, text);
    if (kind === null) throw new UserError(`'${file}' is neither a patch nor a C file`);
    if (kind === 'patch') inputs.patches.push({ source: file, text, real });
    else inputs.sources.push({ path: tree && !outOfTree ? treeRelative(tree, real) : reported(file), text, real, ...(outOfTree ? { outOfTree: true as const } : {}) });
  }
  refuseNoDiff(inputs);
  return inputs;
}

const DIFF_LINE = /^(?:diff --git |\+\+\+ |Binary files )/m;

/**
 * Inputs that hold mails but not one diff (a cover letter alone) have nothing to check: one line
 * and exit 2, for a file as for stdin. A cover letter given with its patches is fine.
 */
function refuseNoDiff(inputs: Inputs): void {
  if (inputs.sources.length > 0 || inputs.skipped || inputs.patches.length === 0) return;
  // An empty file has its own note (nothing to review), kept as it was.
  if (inputs.patches.some((p) => DIFF_LINE.test(p.text) || p.text.trim() === '')) return;
  const first = inputs.patches[0]!.source;
  const name = first === '-' ? 'stdin' : `'${first}'`;
  const what = /^Subject:.*\[[^\]]*\b0+\/\d+\]/im.test(inputs.patches[0]!.text) ? 'a cover letter with no patch' : 'no diff';
  throw new UserError(`${name} holds ${what}: nothing to check (give the patches too)`);
}

/**
 * The real path of an input. With a tree, a C file is a path from the current directory that
 * ends up inside the tree, or a path relative to the tree, or else a file outside the tree named
 * here (an out-of-tree module, as `make -C KDIR M=$PWD` builds one). A path whose folder lies in
 * the tree but that resolves outside it (a symlink out) is refused.
 */
function locate(file: string, io: Io, tree?: Tree): string {
  const given = path.resolve(io.cwd, file);
  const fromCwd = realOrNull(given, io);
  if (!tree || !/\.[ch]$/.test(file)) {
    if (fromCwd === null) throw new UserError(`cannot read '${file}': ${whyUnresolved(given, io)}`);
    return fromCwd;
  }
  if (fromCwd !== null && isInside(tree.root, fromCwd)) return fromCwd;
  const folder = realOrNull(path.dirname(given), io);
  const outside = fromCwd !== null && folder !== null && !isInside(tree.root, folder);
  if (outside && (path.isAbsolute(file) || !lookupInTree(tree, file, io).ok)) return fromCwd;
  if (path.isAbsolute(file)) {
    throw new UserError(fromCwd === null ? `cannot read '${file}': ${whyUnresolved(file, io)}` : `'${file}' is outside the tree`);
  }
  const found = lookupInTree(tree, file, io);
  if (found.ok) return found.real;
  throw new UserError(found.missing && fromCwd === null ? `cannot read '${file}': not in the tree nor here` : `'${file}': ${found.missing ? 'outside the tree' : found.reason}`);
}

/** The input's size in bytes; a directory, a FIFO or a device (whose read would block or never end) is a UserError. */
function sizeOf(file: string, real: string, io: Io): number {
  const stat = io.fs.stat(real);
  if (stat.isDirectory) throw new UserError(`'${file}' is a directory`);
  if (!stat.isFile) throw new UserError(`'${file}' is not a regular file`);
  return stat.size;
}

function read(file: string, real: string, io: Io): string {
  try {
    return io.fs.readFile(real);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read '${file}': ${code === 'EACCES' ? 'permission denied' : code ?? 'unreadable'}`);
  }
}

function realOrNull(p: string, io: Io): string | null {
  try {
    return io.fs.realpath(p);
  } catch {
    return null;
  }
}

/** A path as the user gave it, with '/' separators and no leading './'. */
function reported(file: string): string {
  return path.normalize(file).split(path.sep).join('/');
}
