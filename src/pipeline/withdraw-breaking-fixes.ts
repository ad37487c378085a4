import type { CParser } from '../c/parser.js';
import { countSyntaxErrors } from '../c/source-analysis.js';
import { applyEdits } from '../text/apply-edits.js';
import type { Finding, TextEdit } from '../types.js';

/** A stretch of the file that parses on its own: a function definition. */
export interface Region {
  start: number;
  end: number;
}

function regionOf(edits: readonly TextEdit[], regions: readonly Region[]): Region | null {
  const start = Math.min(...edits.map((e) => e.start));
  const end = Math.max(...edits.map((e) => e.end));
  return regions.find((r) => r.start <= start && end <= r.end) ?? null;
}

/**
 * A fix must leave a file that parses with no more syntax errors than before. Fixes are checked
 * in the function that holds them (parsing that function alone, before and after), the others in
 * the whole file; within each, all are tried together and, when that adds errors, the set is
 * halved until the fixes that do are found, so many fixes cost a few parses, not one each. Fixes
 * that only break together are then kept one at a time, while the set still parses. `checkTime`
 * runs before each parse and throws when the review's time is up.
 *
 * `text` and `errorsInFile` are the file as the reviewer parsed it (bodies it never enters
 * blanked: blank-bodies.ts). A function holding a fix is never blanked, so it is checked on that
 * text; the fixes outside functions are checked on the whole `original` text when it differs:
 * tree-sitter's recovery from an error in a blanked body can meet such a fix.
 */
export function withdrawBreakingFixes(
  parser: CParser,
  text: string,
  errorsInFile: number,
  regions: readonly Region[],
  findings: Finding[],
  checkTime: () => void = () => {},
  original: string = text,
): void {
  const groups = new Map<Region | null, Finding[]>();
  for (const f of findings) {
    if (!f.fix || f.fix.edits.length === 0) continue;
    const region = regionOf(f.fix.edits, regions);
    groups.set(region, [...(groups.get(region) ?? []), f]);
  }
  const errorsIn = (source: string) => {
    checkTime();
    const tree = parser.parse(source);
    const n = countSyntaxErrors(tree.rootNode);
    tree.delete();
    return n;
  };
  for (const [region, set] of groups) {
    const base = region ? text.slice(region.start, region.end) : original;
    const shift = region?.start ?? 0;
    // The count before is parsed only when a fixed text has errors: a fixed text with none breaks nothing.
    let known: number | undefined;
    const before = () => (known ??= region ? errorsIn(base) : original === text ? errorsInFile : errorsIn(original));
    const breaks = (some: Finding[]) => {
      const after = errorsIn(applyEdits(base, some.flatMap((f) => f.fix!.edits.map((e) => ({ ...e, start: e.start - shift, end: e.end - shift })))).text);
      return after > 0 && after > before();
    };
    const bisect = (some: Finding[]): void => {
      if (some.length === 0 || !breaks(some)) return;
      if (some.length === 1) {
        delete some[0]!.fix;
        return;
      }
      const half = some.length >> 1;
      bisect(some.slice(0, half));
      bisect(some.slice(half));
    };
    bisect(set);
    // Fixes that parse one by one can still break together: then keep them one at a time.
    const survivors = set.filter((f) => f.fix);
    if (survivors.length > 1 && breaks(survivors)) {
      const kept: Finding[] = [];
      for (const f of survivors) {
        if (breaks([...kept, f])) delete f.fix;
        else kept.push(f);
      }
    }
  }
}
