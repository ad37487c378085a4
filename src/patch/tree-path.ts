/**
 * True for a path a patch may name: relative to the tree and staying inside it. Absolute paths
 * (`/etc/x.c`, `C:\x.c`), `..` segments (either separator) and NUL bytes are refused, as git apply
 * refuses them: such a file is never read, reviewed, fixed or printed in a diff.
 */
export function staysInTree(path: string): boolean {
  if (path === '' || path.includes('\0')) return false;
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) return false;
  return !path.split(/[\\/]/).includes('..');
}
