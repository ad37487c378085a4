/** The lines of a GitHub file diff (the `patch` of pulls.listFiles or repos.getCommit), on the new side. */
export interface DiffLines {
  /** New-side lines the diff adds, with their text. */
  added: Map<number, string>;
  /** New-side lines a review comment may be placed on (added and context lines) -> the hunk they belong to. */
  commentable: Map<number, number>;
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/** Reads a GitHub `patch` (hunks only, no file headers). Lines outside any hunk are ignored. */
export function diffLines(patch: string): DiffLines {
  const added = new Map<number, string>();
  const commentable = new Map<number, number>();
  let hunk = -1;
  let line = 0;
  let remaining = 0;
  for (const raw of patch.split('\n')) {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const h = HUNK.exec(text);
    if (h) {
      hunk++;
      line = Number(h[1]);
      remaining = h[2] === undefined ? 1 : Number(h[2]);
      continue;
    }
    if (hunk < 0 || text.startsWith('\\')) continue;
    const kind = text[0];
    if (kind === '+' || kind === ' ' || (kind === undefined && remaining > 0)) {
      if (remaining <= 0) continue;
      if (kind === '+') added.set(line, text.slice(1));
      commentable.set(line, hunk);
      line++;
      remaining--;
    }
  }
  return { added, commentable };
}
