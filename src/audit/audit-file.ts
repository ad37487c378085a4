import { RELEVANT } from '../c/source-analysis.js';
import type { Reviewer } from '../review/reviewer.js';
import type { ReviewResult } from '../review/result.js';
import { appliesAt, type Finding, type FixLevel, type Target } from '../types.js';
import { reviewAndFix } from '../pipeline/review-and-fix.js';
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

/** Prefilters, reviews and (in fix and diff modes) fixes one file given as bytes, through the pipeline; `target` names the generation reviewed for. */
export function auditFile(path: string, bytes: Uint8Array, reviewer: Reviewer, prefilter: Prefilter, mode: AuditMode, level: FixLevel, target: Target): FileOutcome {
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
  // The pipeline reviews the file and, in fix and diff modes, fixes it (a text that is not valid
  // UTF-8 is never fixed). A review over the limits or failing, of the file or of its fixed text,
  // stops the file: a note (size, parse time, review time) or an error, and no findings.
  const fixing = mode !== 'report' && exact;
  const run = reviewAndFix(reviewer, { patches: [], sources: [{ path, text }] }, target, { fix: fixing, level, rounds: FIX_ROUNDS, oneLineErrors: true });
  if (stopped(outcome, run.before.result)) return outcome;
  outcome.findings = run.before.result.findings;
  if (outcome.findings.length === 0) return outcome;
  outcome.text = text;
  if (mode === 'report' || !outcome.findings.some((f) => f.fix && appliesAt(f.fix.verdict, level))) return outcome;
  if (!exact) {
    outcome.note = 'not fixed: the file is not valid UTF-8, and writing it back would change its bytes';
    return outcome;
  }
  if (stopped(outcome, run.after!.result)) return outcome;
  const fixed = run.fix!.inputs.sources[0]!.text;
  if (fixed !== text) outcome.fixed = { text: fixed, applied: run.fix!.applied.length, remaining: run.after!.result.findings };
  return outcome;
}

/** The rounds of fixes a file gets (fixProven): a fix can make another one proven. */
const FIX_ROUNDS = 4;

/** A review of the file that stopped at a limit (a note) or failed (an error): the outcome says so, with no findings. */
function stopped(outcome: FileOutcome, result: ReviewResult): boolean {
  const note = result.notes.find((n) => n.file === outcome.path);
  const error = result.errors[0];
  if (!note && error === undefined) return false;
  if (note) outcome.note = note.message;
  else outcome.error = error;
  outcome.findings = [];
  delete outcome.text;
  return true;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text === '' || text.endsWith('\n') ? n : n + 1;
}
