import { RELEVANT } from '../c/source-analysis.js';
import type { Reviewer } from '../review/reviewer.js';
import { reviewOne, type FileReview } from '../review/review-one.js';
import { appliesAt, type Finding, type FixLevel } from '../types.js';
import { fixProven } from '../pipeline/fix-proven.js';
import type { Prefilter } from './prefilter.js';

export type AuditMode = 'report' | 'fix' | 'diff';

/** What auditing one file gave. Texts are kept only for files with findings. */
export interface FileOutcome {
  /** Tree-relative, '/' separators. */
  path: string;
  /** The prefilter let it through. */
  candidate: boolean;
  /** The reviewer parsed it. */
  parsed: boolean;
  /** Lines of a parsed file. */
  lines: number;
  /** Findings on the file as it is. */
  findings: Finding[];
  /** The file's text, when it has findings. */
  text?: string;
  /** With --fix/--diff, when a proven (or, at --fix=assumed, an assumed) fix applies: the fixed text and what remains on it. */
  fixed?: { text: string; applied: number; remaining: Finding[] };
  /** A remark on the file: why it was not read, or not fixed although it has proven fixes. */
  note?: string;
  /** The reviewer failed on this file. */
  error?: string;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Prefilters, reviews and (in fix and diff modes) fixes one file given as bytes. */
export function auditFile(path: string, bytes: Uint8Array, reviewer: Reviewer, prefilter: Prefilter, mode: AuditMode, level: FixLevel = 'proven'): FileOutcome {
  const outcome: FileOutcome = { path, candidate: false, parsed: false, lines: 0, findings: [] };
  if (prefilter.test(bytes) === 'skip') return outcome;
  outcome.candidate = true;
  let text: string;
  let exact = true;
  try {
    text = strict.decode(bytes);
  } catch {
    text = lenient.decode(bytes);
    exact = false;
  }
  if (!RELEVANT.test(text)) return outcome;
  outcome.parsed = true;
  outcome.lines = countLines(text);
  // A review over the limits or failing, of the file or of its fixed text, stops the file: thrown to the catch below.
  const review = (t: string) => {
    const r = reviewOne(reviewer, { path, text: t }, true);
    if ('note' in r || 'error' in r) throw r;
    return r.findings.map((f) => ({ ...f, file: path }));
  };
  try {
    outcome.findings = review(text);
    if (outcome.findings.length === 0) return outcome;
    outcome.text = text;
    if (mode === 'report' || !outcome.findings.some((f) => f.fix && appliesAt(f.fix.verdict, level))) return outcome;
    if (!exact) {
      outcome.note = 'not fixed: the file is not valid UTF-8, and writing it back would change its bytes';
      return outcome;
    }
    const fixed = fixProven(text, outcome.findings, review, undefined, level);
    if (fixed.text !== text) outcome.fixed = fixed;
  } catch (e) {
    // A file over the review's limits (size, parse time, review time) is a note; any other failure an error.
    const failed = e as FileReview;
    if ('note' in failed) outcome.note = failed.note;
    else if ('error' in failed) outcome.error = failed.error;
    else outcome.error = `${path}: review failed: ${e instanceof Error ? e.message.split('\n', 1)[0] : String(e)}`;
    outcome.findings = [];
    delete outcome.text;
    delete outcome.fixed;
  }
  return outcome;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text === '' || text.endsWith('\n') ? n : n + 1;
}
