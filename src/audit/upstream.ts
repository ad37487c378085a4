import type { Finding } from '../types.js';

/**
 * Splits an audit's findings into the fork's own and those on upstream code: a finding is
 * `upstream` when the baseline tree's file at the same path holds the same code, i.e. the
 * finding's lines with one line of context either side, whitespace at their ends ignored
 * (so a fork that only moved the code still matches). A file the baseline lacks is the fork's.
 */
export function splitUpstream(
  findings: readonly Finding[],
  forkText: (file: string) => string | undefined,
  baselineText: (file: string) => string | null,
): { fork: Finding[]; upstream: Finding[] } {
  const fork: Finding[] = [];
  const upstream: Finding[] = [];
  const windows = new Map<string, Map<number, Set<string>>>();
  const lines = new Map<string, string[] | null>();
  const linesOf = (key: string, text: () => string | null | undefined) => {
    if (!lines.has(key)) {
      const t = text();
      lines.set(key, t == null ? null : t.split('\n').map((l) => l.trim()));
    }
    return lines.get(key)!;
  };
  for (const f of findings) {
    const mine = linesOf(`fork\0${f.file}`, () => forkText(f.file));
    const base = linesOf(`base\0${f.file}`, () => baselineText(f.file));
    if (!mine || !base) {
      fork.push(f);
      continue;
    }
    const from = Math.max(0, f.line - 2);
    const to = Math.min(mine.length, f.endLine + 1);
    const window = mine.slice(from, to).join('\n');
    const size = to - from;
    let bySize = windows.get(f.file);
    if (!bySize) windows.set(f.file, (bySize = new Map()));
    let set = bySize.get(size);
    if (!set) {
      set = new Set();
      for (let i = 0; i + size <= base.length; i++) set.add(base.slice(i, i + size).join('\n'));
      bySize.set(size, set);
    }
    (set.has(window) ? upstream : fork).push(f);
  }
  return { fork, upstream };
}
