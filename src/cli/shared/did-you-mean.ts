/**
 * "Did you mean": the candidate closest to a mistyped word (an option or a command), when it is
 * close enough to be a typo: at most one edit for words of up to five letters (dashes aside), two
 * for longer ones (an edit is an insertion, a deletion, a substitution or two neighbours swapped).
 * The word itself is no suggestion (`--fix=yes` is a known option given a value it does not take).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const bare = word.replace(/^-+/, '');
  const limit = bare.length <= 5 ? 1 : 2;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(bare, candidate.replace(/^-+/, ''));
    if (distance > 0 && distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** The hint to put in parentheses after an unknown word: the suggestion, else the fallback. */
export function hint(word: string, candidates: Iterable<string>, fallback: string): string {
  const suggestion = closest(word, candidates);
  return suggestion === undefined ? fallback : `did you mean '${suggestion}'?`;
}

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one place). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
