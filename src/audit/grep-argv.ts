/**
 * The arguments of the system's `grep` that list, under the current folder, the same files the
 * JavaScript prefilter lets through: every .c and .h file holding one of `literals` as bytes.
 * Folders whose name starts with '.' are not walked and symbolic links met on the way are not
 * followed (grep -r's own rule), as in the audit's walk; devices, FIFOs and sockets are skipped
 * (-D skip) so nothing can block. Every file is searched as bytes (-a, and LC_ALL=C in the
 * environment: see GREP_ENV), so an encoding error or a NUL never hides a match. Names come out
 * NUL-terminated (-Z), './'-prefixed.
 */
export function grepArgv(literals: readonly string[]): string[] {
  if (literals.length === 0) throw new Error('grepArgv: no literal to search for');
  return ['-r', '-l', '-F', '-a', '-Z', '-D', 'skip', '--include=*.c', '--include=*.h', '--exclude-dir=.?*', ...literals.flatMap((l) => ['-e', l]), '--', '.'];
}

/** The environment additions grep runs with: bytes, not characters. */
export const GREP_ENV = { LC_ALL: 'C' } as const;
