/**
 * The arguments of the system's (GNU) `find` that list, under the current folder, what the
 * audit's walk looks at: every folder with its device and inode (so a folder met twice shows),
 * every symbolic link (never followed: find -P), and every regular .c and .h file with its size.
 * Folders whose name starts with '.' are pruned, as the walk skips them. Entries are
 * NUL-terminated: 'd<dev>:<ino> <path>', 'l<path>', 'f<size> <path>', paths './'-prefixed.
 */
export const FIND_ARGV: readonly string[] = [
  '-P', '.',
  '(', '-type', 'd', '-name', '.?*', '-prune', ')',
  '-o', '(', '-type', 'l', '-printf', 'l%p\\0', ')',
  '-o', '(', '-type', 'f', '(', '-name', '*.c', '-o', '-name', '*.h', ')', '-printf', 'f%s %p\\0', ')',
  '-o', '(', '-type', 'd', '-printf', 'd%D:%i %p\\0', ')',
];

export type FindEntry = { kind: 'dir'; id: string; path: string } | { kind: 'link'; path: string } | { kind: 'file'; size: number; path: string };

/** One entry of FIND_ARGV's output; paths tree-relative ('' for the root). null when it is not one. */
export function parseFindEntry(entry: string): FindEntry | null {
  const kind = entry[0];
  if (kind === 'l') return { kind: 'link', path: relative(entry.slice(1)) };
  const space = entry.indexOf(' ');
  if (space === -1) return null;
  if (kind === 'f') {
    // Fifty thousand of these in a kernel tree: digits counted by hand, no regular expression.
    if (space === 1 || !digits(entry, 1, space)) return null;
    return { kind: 'file', size: Number(entry.slice(1, space)), path: relative(entry.slice(space + 1)) };
  }
  const head = entry.slice(1, space);
  if (kind === 'd' && /^\d+:\d+$/.test(head)) return { kind: 'dir', id: head, path: relative(entry.slice(space + 1)) };
  return null;
}

/** Whether entry[from, to) is all ASCII digits. */
function digits(entry: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = entry.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function relative(p: string): string {
  return p === '.' ? '' : p.startsWith('./') ? p.slice(2) : p;
}

/** NUL-terminated records out of a stream's chunks; `rest` keeps an unfinished one. */
export function splitNul(chunk: string, rest: string): { records: string[]; rest: string } {
  const parts = (rest + chunk).split('\0');
  const last = parts.pop()!;
  return { records: parts.filter((p) => p !== ''), rest: last };
}
