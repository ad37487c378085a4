import { isCFile } from '../review/is-c-file.js';

/**
 * The arguments of the system's `grep` that list, under the current folder, the same files the
 * JavaScript prefilter lets through: every .c and .h file holding one of `literals` as bytes.
 * Folders whose name starts with '.' are not walked and symbolic links met on the way are not
 * followed (grep -r's own rule), as in the audit's walk; devices, FIFOs and sockets are skipped
 * (-D skip) so nothing can block. Every file is searched as bytes (-a, and LC_ALL=C in the
 * environment: see GREP_ENV), so an encoding error or a NUL never hides a match. Names come out
 * NUL-terminated (-Z), './'-prefixed, each written out as it is found (--line-buffered: into a
 * pipe grep otherwise holds them all until it ends, and the review could not start before).
 *
 * The literals go in as one extended regular expression, an alternation of the escaped
 * literals, not as -F with one -e each: GNU grep 3.8 searches the 10 literals of RELEVANT over
 * Debian's 5.10 tree in 1.0 s as -E and in 2.3 s as -F (its multi-keyword -F matcher is the
 * slower one). Only POSIX ERE is used (no `\b`), so any grep -E lists the same files.
 */
export function grepArgv(literals: readonly string[], paths: readonly string[] = ['.']): string[] {
  if (literals.length === 0) throw new Error('grepArgv: no literal to search for');
  return ['-r', '-l', '-E', '-a', '-Z', '--line-buffered', '-D', 'skip', '--include=*.c', '--include=*.h', '--exclude-dir=.?*', '-e', ereOf(literals), '--', ...paths];
}

/**
 * What grep searches, in order: the tree's top-level folders and C files (`entries`, as read
 * from the tree's root; '.' when it could not be read), those named in `first` ahead of the
 * others. grep searches its arguments in turn, so the folders of the memcg core (mm, include),
 * whose large files take longest to review, are named early and reviewed while grep reads the
 * rest of the tree. The same files come out as for '.': folders whose name starts with '.' are
 * left out (grep -r skips them below '.'), and so are symbolic links (grep follows one named on
 * its command line, never one it meets below '.') and anything but folders and .c/.h files.
 */
export function grepPaths(entries: readonly { name: string; kind: 'dir' | 'file' | 'link' | 'other' }[] | null, first: readonly string[]): string[] {
  if (!entries) return ['.'];
  const kept = entries.filter((e) => (e.kind === 'dir' && !e.name.startsWith('.')) || (e.kind === 'file' && isCFile(e.name))).map((e) => e.name);
  const early = first.filter((f) => kept.includes(f));
  // Bare names: grep's --exclude-dir=.?* would match a command-line './mm' by its suffix.
  return [...early, ...kept.filter((n) => !early.includes(n))];
}

/** An ERE matching exactly the strings of `literals` (each one's special characters escaped). */
export function ereOf(literals: readonly string[]): string {
  return literals.map((l) => l.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')).join('|');
}

/** The environment additions grep runs with: bytes, not characters. */
export const GREP_ENV = { LC_ALL: 'C' } as const;
