import type { Finding } from '../types.js';
import type { LineRun, PostImage } from '../patch/post-image.js';
import { LineIndex } from '../text/line-index.js';
import { functionOf, ISLAND_FUNCTION, islandFrame } from './island-frame.js';
import type { SourceFile } from './reviewer.js';

/** A run of seen lines reviewed on its own: its text with the frame, and where its lines sit in the image. */
export interface Island {
  file: SourceFile;
  /** The island's line that holds the run's first line (1-based). */
  firstLine: number;
  run: LineRun;
}

/**
 * A hunk-built image cut into islands, one at a time: every run of seen lines that holds a line this patch adds,
 * framed (islandFrame) so it parses alone, with the hunk headings that fall in it. One island's
 * broken syntax cannot reach another's.
 */
export function* islandsOf(image: PostImage, since?: number): Generator<Island> {
  const index = new LineIndex(image.text);
  const added = [...image.added.keys()].sort((a, b) => a - b);
  const allHeadings = [...image.headings].sort((a, b) => a.line - b.line);
  let a = 0;
  let h = 0;
  // The last heading that named a function, while no seen line has closed a function since.
  let open: { line: number; text: string } | undefined;
  for (const run of image.seen ?? []) {
    const lines: string[] = [];
    for (let n = run.start; n <= run.end; n++) lines.push(index.lineText(n));
    while (h < allHeadings.length && allHeadings[h]!.line < run.start) h++;
    const inRun: { line: number; text: string }[] = [];
    for (; h < allHeadings.length && allHeadings[h]!.line <= run.end; h++) inRun.push(allHeadings[h]!);
    let first = inRun.find((x) => x.line === run.start);
    // git takes a label (`again:`) for a function's heading: the function is still the one before it.
    if (first && !namesFunction(first.text) && open) first = open;
    if (!first && inRun.length === 0) first = open;
    open = stillOpen(lines, run.start, [...(first ? [{ ...first, line: run.start }] : []), ...inRun], open);
    while (a < added.length && added[a]! < run.start) a++;
    if (a >= added.length || added[a]! > run.end) continue;
    const frame = islandFrame(lines, first?.text ?? '');
    const firstLine = frame.before.length + 1;
    // The run's own heading at its first line, or the one that stands for it.
    const headings = inRun.filter((x) => x.line !== run.start).map((x) => ({ line: x.line - run.start + firstLine, text: x.text }));
    if (first) headings.unshift({ line: firstLine, text: first.text });
    const text = [...frame.before, ...lines, ...frame.after].join('\n') + '\n';
    yield { file: { path: image.path, text, headings, imageLength: image.text.length, ...(since === undefined ? {} : { since }) }, firstLine, run };
  }
}

/**
 * The function heading in force after a run: its last heading that names a function, unless a
 * line of the run closes a function (a `}` at column 0) after it; with no such heading, the one
 * before the run, unless the run closes a function.
 */
function stillOpen(lines: readonly string[], start: number, headings: readonly { line: number; text: string }[], before: { line: number; text: string } | undefined) {
  const named = [...headings].reverse().find((x) => namesFunction(x.text));
  const closed = lastIndexOf(lines, (l) => /^\}/.test(l));
  if (named) return closed !== -1 && start + closed >= named.line ? undefined : named;
  return closed !== -1 ? undefined : before;
}

function namesFunction(heading: string): boolean {
  return functionOf(heading) !== `void ${ISLAND_FUNCTION}(void)`;
}

function lastIndexOf<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let k = items.length - 1; k >= 0; k--) if (test(items[k]!)) return k;
  return -1;
}

/**
 * Reviews a hunk-built image island by island and returns the findings on the run's lines with
 * offsets, lines and fixes in the image's text. Findings that reach into a frame are dropped.
 */
export function reviewIslands(review: (file: SourceFile) => Finding[], image: PostImage): Finding[] {
  const imageIndex = new LineIndex(image.text);
  const findings: Finding[] = [];
  // The islands share the image's review time: a crafted patch of many slow hunks takes no longer than one file.
  const since = Date.now();
  for (const island of islandsOf(image, since)) {
    const islandIndex = new LineIndex(island.file.text);
    const shift = island.run.start - island.firstLine;
    const lastLine = island.firstLine + island.run.end - island.run.start;
    // An end may be the start of the line after the run (an edit that takes a whole line).
    const toImage = (offset: number, isEnd = false): number | null => {
      const p = islandIndex.position(offset);
      const after = isEnd && p.line === lastLine + 1 && p.column === 1;
      if (p.line < island.firstLine || (p.line > lastLine && !after)) return null;
      return imageIndex.lineStart(p.line + shift) + p.column - 1;
    };
    for (const f of review(island.file)) {
      const start = toImage(f.start);
      const end = toImage(f.end, true);
      if (start === null || end === null) continue;
      let fix = f.fix;
      if (fix) {
        const edits = fix.edits.map((e) => ({ start: toImage(e.start), end: toImage(e.end, true), text: e.text }));
        fix = edits.every((e) => e.start !== null && e.end !== null) ? { ...fix, edits: edits as { start: number; end: number; text: string }[] } : undefined;
      }
      const { fix: _, ...rest } = f;
      findings.push({ ...rest, start, end, line: f.line + shift, endLine: f.endLine + shift, ...(fix ? { fix } : {}) });
    }
  }
  return findings;
}
