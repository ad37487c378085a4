import path from 'node:path';
import type { InputNote } from '../../types.js';
import type { ReadBase } from '../../review/review-patches.js';
import type { Io } from './io.js';
import { UserError } from './user-error.js';
import { whyUnresolved } from './why-unresolved.js';

/** A kernel tree given with --tree: its real, symlink-free root. */
export interface Tree {
  root: string;
}

export function openTree(dir: string, io: Io): Tree {
  let root: string;
  try {
    root = io.fs.realpath(path.resolve(io.cwd, dir));
  } catch {
    const why = whyUnresolved(path.resolve(io.cwd, dir), io);
    throw new UserError(`cannot read tree '${dir}': ${why === 'no such file' ? 'no such directory' : why}`);
  }
  if (!io.fs.stat(root).isDirectory) throw new UserError(`tree '${dir}' is not a directory`);
  return { root };
}

/** True when `p` is the root or below it. */
export function isInside(root: string, p: string): boolean {
  return p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

export type TreeLookup = { ok: true; real: string } | { ok: false; missing: boolean; reason: string };

/**
 * Finds a path given relative to the tree (as in a patch). Refused: absolute paths, paths with
 * a `..` segment, paths that resolve through a symlink to outside the tree, and anything but a
 * regular file (a FIFO or a device would block the read or never end it).
 */
export function lookupInTree(tree: Tree, rel: string, io: Io): TreeLookup {
  if (rel === '' || path.isAbsolute(rel) || rel.split(/[\\/]/).includes('..')) {
    return { ok: false, missing: false, reason: 'the path is absolute or leaves the tree' };
  }
  let real: string;
  try {
    real = io.fs.realpath(path.join(tree.root, rel));
  } catch {
    return { ok: false, missing: true, reason: 'not in the tree' };
  }
  if (!isInside(tree.root, real)) return { ok: false, missing: false, reason: 'a symlink leads outside the tree' };
  const stat = io.fs.stat(real);
  if (!stat.isFile) return { ok: false, missing: false, reason: stat.isDirectory ? 'a directory' : 'not a regular file' };
  return { ok: true, real };
}

/** Reads base files for post-images from the tree; refused paths become notes, missing files null. */
export function treeReader(tree: Tree, io: Io, notes: InputNote[]): ReadBase {
  return (rel) => {
    const found = lookupInTree(tree, rel, io);
    if (!found.ok) {
      if (!found.missing) notes.push({ file: rel, message: `not read from the tree: ${found.reason}` });
      return null;
    }
    try {
      return io.fs.readFile(found.real);
    } catch (e) {
      notes.push({ file: rel, message: `not read from the tree: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}` });
      return null;
    }
  };
}

/** The path inside the tree, with '/' separators. */
export function treeRelative(tree: Tree, real: string): string {
  return path.relative(tree.root, real).split(path.sep).join('/');
}

/** A file of the tree, or null when it is not there (or not readable). */
export function readTreeFile(tree: Tree, rel: string, io: Io): string | null {
  const found = lookupInTree(tree, rel, io);
  if (!found.ok) return null;
  try {
    return io.fs.readFile(found.real);
  } catch {
    return null;
  }
}
