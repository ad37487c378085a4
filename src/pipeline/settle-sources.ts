import { type Finding, type FixLevel, type Target } from '../types.js';
import type { Reviewer } from '../review/reviewer.js';
import { reviewOne, type FileReview } from '../review/review-one.js';
import { mergeResults } from '../review/merge-results.js';
import { sourcesResult, withoutScope } from '../review/review-series.js';
import type { ReviewResult } from '../review/result.js';
import { fixProven } from './fix-proven.js';
import type { Inputs, PatchText, SourceText } from './inputs.js';
import { parseChecked } from './parse-check.js';
import type { InputsFix, PipelineRun } from './review-and-fix.js';

/**
 * The audit's way through the pipeline (reviewAndFix with `rounds`), for C files only (no
 * patches, no base): each file is reviewed once (with the parse check of its fixes) and, when
 * fixing, each file with a fix at `level` is fixed by fixProven, which fixes again while the
 * re-review offers such fixes, at most `rounds` rounds. `after` holds the last review of each
 * fixed text, so no text is reviewed twice. A review of a fixed text that stops at a limit or
 * fails makes that file's note or error in `after`, with no findings.
 */
export function settleSources<P extends PatchText, S extends SourceText>(
  reviewer: Reviewer,
  inputs: Inputs<P, S>,
  target: Target,
  options: { fix: boolean; rounds: number; level: FixLevel; oneLineErrors: boolean },
): PipelineRun<P, S> {
  if (inputs.patches.length > 0) throw new Error('reviewAndFix: `rounds` fixes C files only');
  const { rounds, level, oneLineErrors } = options;
  const checked = parseChecked(reviewer);
  const first = inputs.sources.map((source) => reviewOne(checked, withoutScope(source), oneLineErrors));
  const before = { result: resultOf(target, inputs.sources, first, inputs, oneLineErrors) };
  if (!options.fix) return { before };
  const heldBack = level === 'proven' ? before.result.findings.filter((f) => f.fix?.verdict === 'assumed').length : 0;
  const fix: InputsFix<P, S> = { inputs: { ...inputs, sources: [] }, changed: new Set(), applied: [], notAdded: [], notes: [], heldBack };
  const reviews: FileReview[] = [];
  inputs.sources.forEach((source, k) => {
    const reviewed = first[k]!;
    if ('note' in reviewed || 'error' in reviewed) {
      fix.inputs.sources.push(source);
      reviews.push(reviewed);
      return;
    }
    const own = reviewed.findings.map((f) => ({ ...f, file: source.path }));
    const review = (text: string): Finding[] => {
      const r = reviewOne(checked, withoutScope({ ...source, text }), oneLineErrors);
      if ('note' in r || 'error' in r) throw r;
      return r.findings.map((f) => ({ ...f, file: source.path }));
    };
    let settled: FileReview;
    let text = source.text;
    try {
      const fixed = fixProven(source.text, own, review, rounds, level);
      text = fixed.text;
      fix.applied.push(...fixed.fixes);
      settled = { findings: fixed.remaining };
    } catch (e) {
      settled = isFailure(e) ? e : { findings: [], error: `${source.path}: review failed: ${firstLine(e, oneLineErrors)}` };
      text = source.text;
    }
    if (text !== source.text) fix.changed.add(source.path);
    fix.inputs.sources.push(text === source.text ? source : { ...source, text });
    reviews.push(settled);
  });
  return { before, fix, after: { result: resultOf(target, fix.inputs.sources, reviews, inputs, oneLineErrors) } };
}

/** The files' result as reviewInputs gives it: the adapter's notes first. */
function resultOf(target: Target, sources: readonly SourceText[], reviews: readonly FileReview[], inputs: Inputs, oneLineErrors: boolean): ReviewResult {
  const result = mergeResults(target, [sourcesResult(sources, reviews, { target, oneLineErrors })]);
  if (inputs.skipped) result.notes.unshift(...inputs.skipped);
  return result;
}

function isFailure(e: unknown): e is FileReview {
  return typeof e === 'object' && e !== null && 'findings' in e && ('note' in e || 'error' in e);
}

function firstLine(e: unknown, oneLine: boolean): string {
  const message = e instanceof Error ? e.message : String(e);
  return oneLine ? message.split('\n', 1)[0]! : message;
}
