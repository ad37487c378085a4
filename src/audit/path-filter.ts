import { globToRegExp } from '../review/glob.js';
import { isCFile } from '../review/is-c-file.js';

/**
 * Which tree-relative paths an audit reads: C sources and headers, narrowed by --include and
 * --exclude globs (`*` within a segment, `**` across, `?` one character). A glob without '/'
 * matches the file's name at any depth (`*.h`), one with '/' the whole path (`drivers/**`).
 * An excluded folder is not walked at all.
 */
export interface PathFilter {
  file(path: string): boolean;
  directory(path: string): boolean;
}

export function pathFilter(include: readonly string[], exclude: readonly string[]): PathFilter {
  const inc = include.map(matcher);
  const exc = exclude.map(matcher);
  return {
    file: (p) => isCFile(p) && (inc.length === 0 || inc.some((m) => m(p))) && !exc.some((m) => m(p)),
    directory: (p) => !exc.some((m) => m(p) || m(`${p}/`)),
  };
}

function matcher(glob: string): (path: string) => boolean {
  const clean = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  const re = globToRegExp(clean);
  if (clean.includes('/')) return (p) => re.test(p);
  return (p) => re.test(p.slice(p.lastIndexOf('/') + 1));
}
