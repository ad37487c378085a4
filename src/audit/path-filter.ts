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
  /** True when no --include or --exclude narrows it: every C file outside dot folders is read. */
  readonly everything: boolean;
  /** The --include globs that have selected no file so far (a typo, most likely). */
  unmatched(): string[];
}

export function pathFilter(include: readonly string[], exclude: readonly string[]): PathFilter {
  const inc = include.map(matcher);
  const exc = exclude.map(matcher);
  const used = new Set<number>();
  return {
    file: (p) => {
      if (!isCFile(p) || exc.some((m) => m(p))) return false;
      if (inc.length === 0) return true;
      let selected = false;
      inc.forEach((m, k) => {
        if (m(p)) {
          used.add(k);
          selected = true;
        }
      });
      return selected;
    },
    directory: (p) => !exc.some((m) => m(p) || m(`${p}/`)),
    everything: include.length === 0 && exclude.length === 0,
    unmatched: () => include.filter((_, k) => !used.has(k)),
  };
}

function matcher(glob: string): (path: string) => boolean {
  const clean = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  const re = globToRegExp(clean);
  if (clean.includes('/')) return (p) => re.test(p);
  return (p) => re.test(p.slice(p.lastIndexOf('/') + 1));
}
