import { toLf } from './text-lines.js';
import type { FilePatch, Hunk } from './types.js';

export interface ApplyOptions {
  /** Context lines each hunk may drop at either end when it does not match whole (like `patch -F`); default 0. */
  fuzz?: number;
}

export type ApplyResult =
  | {
      ok: true;
      /** The new text, LF line ends. */
      text: string;
      /** Per hunk, the 1-based line of the new text where the hunk's new side starts. */
      hunkStarts: number[];
    }
  | {
      ok: false;
      /** 1-based number of the hunk that failed (0 when the file as a whole cannot be applied). */
      hunk: number;
      reason: string;
    };

interface Lines {
  lines: string[];
  /** Whether the text ends with a line end. */
  eol: boolean;
}

function toLines(text: string): Lines {
  if (text === '') return { lines: [], eol: true };
  const lines = text.split('\n');
  const eol = lines[lines.length - 1] === '';
  if (eol) lines.pop();
  return { lines, eol };
}

function side(hunk: Hunk, skip: '+' | '-'): string[] {
  return hunk.lines.filter((l) => l.kind !== skip).map((l) => l.text);
}

function countWhile(hunk: Hunk, fromEnd: boolean): number {
  const lines = fromEnd ? [...hunk.lines].reverse() : hunk.lines;
  const n = lines.findIndex((l) => l.kind !== ' ');
  return n === -1 ? lines.length : n;
}

/** How one hunk is tried: its old lines with `cut` context lines dropped at each end. */
interface Attempt {
  old: string[];
  cutStart: number;
  cutEnd: number;
  /** Index in the base where `old` is expected. */
  expected: number;
  mustStart: boolean;
  mustEnd: boolean;
}

/**
 * Line comparisons one file may spend looking for its hunks' context. Real patches need a few per
 * hunk; a hostile one (a long context of identical lines in a long file of them) would otherwise cost
 * file length times context length.
 */
export const MAX_LINE_COMPARISONS = 20_000_000;

/** What is left of MAX_LINE_COMPARISONS while one file is applied. */
interface Budget {
  left: number;
}

function matchesAt(base: Lines, p: number, a: Attempt, hunk: Hunk, budget: Budget): boolean {
  if (p < 0 || p + a.old.length > base.lines.length) return false;
  if (a.mustStart && p !== 0) return false;
  const atEof = p + a.old.length === base.lines.length;
  if (a.mustEnd && !atEof) return false;
  if (a.cutEnd === 0 && a.old.length > 0) {
    // The last old line's line end must agree with the No-newline marker.
    if (hunk.oldNoNewlineAtEnd ? !atEof || base.eol : atEof && !base.eol) return false;
  }
  for (let k = 0; k < a.old.length; k++) {
    if (--budget.left < 0) return false;
    if (base.lines[p + k] !== a.old[k]) return false;
  }
  return true;
}

/** The nearest position at or after `min` where the attempt matches, or -1 (also when the budget ran out). */
function findMatch(base: Lines, a: Attempt, hunk: Hunk, min: number, budget: Budget): number {
  if (a.old.length === 0) return a.expected >= min && a.expected <= base.lines.length ? a.expected : -1;
  const max = base.lines.length - a.old.length;
  if (max < min) return -1;
  // Nearest to the expected position; out-of-range positions are skipped, so clamping keeps the order.
  const from = Math.min(Math.max(a.expected, min), max);
  for (let d = 0; from - d >= min || from + d <= max; d++) {
    for (const p of d === 0 ? [from] : [from + d, from - d]) {
      if (p >= min && p <= max && matchesAt(base, p, a, hunk, budget)) return p;
      if (budget.left < 0) return -1;
    }
  }
  return -1;
}

/** out.push(...items.slice(from, to)) without spreading: a file can have more lines than a call has room for arguments. */
function append(out: string[], items: readonly string[], from: number, to: number): void {
  for (let k = from; k < to; k++) out.push(items[k]!);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function headerOf(h: Hunk): string {
  return `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`;
}

function whyNot(base: Lines, hunk: Hunk, expected: number): string {
  const old = side(hunk, '+');
  if (expected + old.length > base.lines.length && old.every((l, k) => base.lines[expected + k] === l || expected + k >= base.lines.length)) {
    return `the file has only ${plural(base.lines.length, 'line')}`;
  }
  const k = old.findIndex((l, n) => base.lines[expected + n] !== l);
  if (k === -1) return 'the line end at the end of the file does not match the "No newline" marker';
  const found = base.lines[expected + k];
  return `line ${expected + k + 1} should be ${JSON.stringify(old[k])} but is ${found === undefined ? 'past the end of the file' : JSON.stringify(found)}`;
}

/**
 * Applies a file's hunks to base (CRLF is read as LF) like `git apply`: each hunk at its position
 * (moved by the offset of the hunks before it), else at the nearest place where its context matches.
 * No fuzz unless options.fuzz is set. The final line end follows the `\ No newline` markers.
 */
export function applyFilePatch(baseText: string, file: FilePatch, options: ApplyOptions = {}): ApplyResult {
  if (file.status === 'binary') return { ok: false, hunk: 0, reason: 'a binary patch cannot be applied' };
  const base = toLines(toLf(baseText));
  const out: string[] = [];
  const hunkStarts: number[] = [];
  let pos = 0;
  let delta = 0;
  let endsAtEof: Hunk | null = null;
  const budget: Budget = { left: MAX_LINE_COMPARISONS };
  for (const [j, hunk] of file.hunks.entries()) {
    const declared = hunk.oldLines === 0 ? hunk.oldStart : hunk.oldStart - 1;
    const old = side(hunk, '+');
    const lead = countWhile(hunk, false);
    const trail = hunk.lines.length === lead ? 0 : countWhile(hunk, true);
    const hasContext = lead + trail > 0;
    let applied = false;
    for (let fuzz = 0; fuzz <= (options.fuzz ?? 0) && !applied; fuzz++) {
      const cutStart = Math.min(fuzz, lead);
      const cutEnd = Math.min(fuzz, trail);
      if (fuzz > 0 && cutStart === 0 && cutEnd === 0) break;
      const attempt: Attempt = {
        old: old.slice(cutStart, old.length - cutEnd),
        cutStart,
        cutEnd,
        expected: Math.max(0, declared + delta + cutStart),
        mustStart: hasContext && lead === 0 && cutStart === 0 && hunk.oldLines > 0,
        mustEnd: hasContext && trail === 0 && cutEnd === 0 && hunk.oldLines > 0,
      };
      const p = findMatch(base, attempt, hunk, pos, budget);
      if (p === -1) continue;
      append(out, base.lines, pos, p);
      hunkStarts.push(out.length + 1 - cutStart);
      const added = side(hunk, '-');
      append(out, added, cutStart, added.length - cutEnd);
      pos = p + attempt.old.length;
      delta = p - cutStart - declared;
      endsAtEof = pos === base.lines.length && cutEnd === 0 ? hunk : null;
      applied = true;
    }
    if (!applied && budget.left < 0) {
      return { ok: false, hunk: j + 1, reason: `hunk ${j + 1} of ${file.hunks.length} (${headerOf(hunk)}) does not apply: its context was searched for too long (over ${MAX_LINE_COMPARISONS} line comparisons)` };
    }
    if (!applied) {
      const where = Math.max(0, declared + delta);
      return {
        ok: false,
        hunk: j + 1,
        reason: `hunk ${j + 1} of ${file.hunks.length} (${headerOf(hunk)}) does not apply: ${whyNot(base, hunk, where)}, and its context was not found elsewhere in the file`,
      };
    }
  }
  append(out, base.lines, pos, base.lines.length);
  if (file.status === 'deleted' && out.length > 0) {
    return { ok: false, hunk: file.hunks.length, reason: `the file should be deleted but ${plural(out.length, 'line')} would be left` };
  }
  const eol = endsAtEof ? !endsAtEof.newNoNewlineAtEnd : base.eol;
  return { ok: true, text: out.length === 0 ? '' : out.join('\n') + (eol ? '\n' : ''), hunkStarts };
}
