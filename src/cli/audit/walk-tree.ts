import fs from 'node:fs';
import path from 'node:path';
import type { PathFilter } from '../../audit/path-filter.js';

export interface WalkCounts {
  /** Symbolic links met; never followed. */
  symlinks: number;
  /** Folders that could not be read. */
  unreadable: string[];
}

/**
 * The files of a tree to audit, tree-relative with '/' separators, lazily (a folder is read
 * when the consumer gets there, so memory holds one folder's names per level), names sorted
 * so every run walks in the same order. Symbolic links are never followed: one inside the tree
 * points at something the walk reaches at its own path, one outside is not part of the tree,
 * and neither can make a loop. A folder met twice (a bind mount) is walked once. Folders whose
 * name starts with '.' (.git, .pc) are not walked.
 */
export function* walkTree(root: string, filter: PathFilter, counts: WalkCounts): Generator<string> {
  const seen = new Set<string>();
  const stack: string[] = [''];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    const abs = rel === '' ? root : path.join(root, rel);
    let entries: fs.Dirent[];
    try {
      const st = fs.lstatSync(abs);
      if (!st.isDirectory()) continue;
      const id = `${st.dev}:${st.ino}`;
      if (seen.has(id)) continue;
      seen.add(id);
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch (e) {
      counts.unreadable.push(`${rel || '.'}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`);
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const folders: string[] = [];
    for (const e of entries) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      const kind = kindOf(e, abs);
      if (kind === 'symlink') counts.symlinks++;
      else if (kind === 'dir') {
        if (!e.name.startsWith('.') && filter.directory(child)) folders.push(child);
      } else if (kind === 'file' && filter.file(child)) yield child;
    }
    for (let i = folders.length - 1; i >= 0; i--) stack.push(folders[i]!);
  }
}

function kindOf(e: fs.Dirent, dir: string): 'file' | 'dir' | 'symlink' | 'other' {
  if (e.isSymbolicLink()) return 'symlink';
  if (e.isFile()) return 'file';
  if (e.isDirectory()) return 'dir';
  if (e.isBlockDevice() || e.isCharacterDevice() || e.isFIFO() || e.isSocket()) return 'other';
  // A file system that does not report types: ask.
  try {
    const st = fs.lstatSync(path.join(dir, e.name));
    return st.isSymbolicLink() ? 'symlink' : st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
  } catch {
    return 'other';
  }
}
