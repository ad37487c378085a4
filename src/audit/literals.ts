/**
 * The literal strings a regular expression can only match through, when it is a plain
 * alternation of literals (word boundaries allowed): /mem_cgroup\b|obj_cgroups/ gives
 * ['mem_cgroup', 'obj_cgroups']. null when it is anything richer, or has flags that change
 * what a literal matches (case-insensitive, unicode sets).
 */
export function literalsOf(re: RegExp): string[] | null {
  if (/[iuv]/.test(re.flags)) return null;
  const out: string[] = [];
  for (const alternative of re.source.split('|')) {
    let literal = '';
    for (let i = 0; i < alternative.length; i++) {
      const c = alternative[i]!;
      if (c === '\\') {
        const next = alternative[++i];
        if (next === 'b') continue;
        if (next === undefined || /[A-Za-z0-9]/.test(next)) return null;
        literal += next;
      } else if ('^$.*+?()[]{}'.includes(c)) return null;
      else literal += c;
    }
    if (literal === '') return null;
    out.push(literal);
  }
  return out;
}

/** The longest string found in every one of `strings` ('' when they share nothing). */
export function longestCommonSubstring(strings: readonly string[]): string {
  if (strings.length === 0) return '';
  const shortest = [...strings].sort((a, b) => a.length - b.length)[0]!;
  for (let length = shortest.length; length > 0; length--) {
    for (let from = 0; from + length <= shortest.length; from++) {
      const candidate = shortest.slice(from, from + length);
      if (strings.every((s) => s.includes(candidate))) return candidate;
    }
  }
  return '';
}
