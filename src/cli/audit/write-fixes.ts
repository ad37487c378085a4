import fs from 'node:fs';
import path from 'node:path';
import type { ChangedFile } from '../../audit/audit-result-of.js';
import type { InputNote } from '../../types.js';
import { writeFileAtomic } from '../shared/atomic-write.js';
import { isInside } from '../shared/tree.js';

/**
 * Writes the fixed files into the tree, each atomically (temporary file, fsync, rename, mode
 * kept), and nowhere else: a path that leaves the tree, a file that is now a symbolic link or
 * not a regular file, a folder that resolves outside the tree, and a file changed since it was
 * read are left alone with a note. Returns the files written and the notes.
 */
export function writeFixes(root: string, changed: readonly ChangedFile[]): { written: string[]; notes: InputNote[] } {
  const written: string[] = [];
  const notes: InputNote[] = [];
  for (const c of changed) {
    const refused = check(root, c);
    if (refused) {
      notes.push({ file: c.path, message: `not fixed: ${refused}` });
      continue;
    }
    try {
      writeFileAtomic(path.join(root, c.path), c.after);
      written.push(c.path);
    } catch (e) {
      notes.push({ file: c.path, message: `not fixed: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
    }
  }
  return { written, notes };
}

function check(root: string, c: ChangedFile): string | null {
  if (c.path === '' || path.isAbsolute(c.path) || c.path.split('/').includes('..')) return 'the path leaves the tree';
  const file = path.join(root, c.path);
  try {
    if (!isInside(root, fs.realpathSync(path.dirname(file)))) return 'its folder resolves outside the tree';
    const st = fs.lstatSync(file);
    if (!st.isFile()) return 'no longer a regular file';
    if (fs.readFileSync(file, 'utf8') !== c.before) return 'changed since it was read';
  } catch (e) {
    return `cannot read it again (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
  }
  return null;
}
