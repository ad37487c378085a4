import { appliesAt, type Finding, type FixLevel, type InputNote, type Target } from '../types.js';
import type { Reviewer } from '../review/reviewer.js';
import type { ReadBase } from '../review/review-patches.js';
import { applyFixes } from '../fix/fix-file.js';
import { fixSeriesPass } from '../fix/fix-series.js';
import type { Inputs, PatchText, SourceText } from './inputs.js';
import { reviewInputs, type InputsReview } from './review-inputs.js';
import { settleSources } from './settle-sources.js';

export interface InputsFix<P extends PatchText = PatchText, S extends SourceText = SourceText> {
  /** The inputs with fixed texts. */
  inputs: Inputs<P, S>;
  /** Patch sources and C file paths whose text changed. */
  changed: Set<string>;
  applied: Finding[];
  notAdded: Finding[];
  notes: InputNote[];
  /** Assumed fixes offered but not applied at level `proven` (--fix=assumed applies them). */
  heldBack: number;
}

export type BaseReader = () => { read: ReadBase; notes: InputNote[] };

export interface PipelineOptions {
  /** The base tree the patches apply to, read afresh for each review. */
  base?: BaseReader;
  /** Fix, then re-review the fixed inputs. */
  fix?: boolean;
  /** Passes while fixes are deferred for overlap (3). */
  maxPasses?: number;
  /** The fixes applied: `proven` (the default), or `assumed` ones too. */
  level?: FixLevel;
  /**
   * The audit's way of fixing C files: while a file's re-review offers fixes at the level (a fix
   * can make another one proven), fix again, at most `rounds` rounds (settle-sources). A review
   * of a fixed text that stops (a limit) or fails is that file's note or error in `after`.
   */
  rounds?: number;
  /** A failed review's error keeps only its message's first line (the App, the audit). */
  oneLineErrors?: boolean;
}

/** What the pipeline gives: the review of the inputs and, when fixing, the fixes and the re-review of the fixed inputs. */
export interface PipelineRun<P extends PatchText, S extends SourceText> {
  before: InputsReview;
  fix?: InputsFix<P, S>;
  after?: InputsReview;
}

/**
 * The one review pipeline: reviews the inputs (patches as one series with `base`, C files whole)
 * once and, with `fix`, applies the offered fixes (fix/ is pure: edits in, texts out) and reviews
 * the fixed inputs once more. Fixes deferred for overlapping an applied one get another pass on
 * that re-review, at most `maxPasses`; only then does an input cost another review. Only the
 * fixes `level` allows are applied (proven ones; assumed ones too at `assumed`); conditional fixes
 * never are: they need a person. The reports still show every fix.
 *
 * Every file's review goes through the parse check of its fixes (parse-check): a fix that would
 * break the parse is withdrawn before the result, the fixing or any reporter sees it.
 */
export function reviewAndFix<P extends PatchText, S extends SourceText>(
  reviewer: Reviewer,
  inputs: Inputs<P, S>,
  target: Target,
  options: PipelineOptions = {},
): PipelineRun<P, S> {
  const oneLine = options.oneLineErrors ?? false;
  if (options.rounds !== undefined) {
    return settleSources(reviewer, inputs, target, { fix: options.fix ?? false, rounds: options.rounds, level: options.level ?? 'proven', oneLineErrors: oneLine });
  }
  const before = reviewInputs(reviewer, inputs, target, options.base, oneLine);
  if (!options.fix) return { before };
  const maxPasses = options.maxPasses ?? 3;
  const level = options.level ?? 'proven';
  const keep = atLevel(level);
  const heldBack = level === 'proven' ? before.result.findings.filter((f) => f.fix?.verdict === 'assumed').length : 0;
  const fix: InputsFix<P, S> = { inputs: { ...inputs, patches: [...inputs.patches], sources: [...inputs.sources] }, changed: new Set(), applied: [], notAdded: [], notes: [], heldBack };
  const noted = new Set<string>();
  let review = before;
  let seriesOpen = inputs.patches.length > 0;
  const sourcesOpen = new Set(inputs.sources.map((s) => s.path));
  for (let pass = 0; pass < maxPasses && (seriesOpen || sourcesOpen.size > 0); pass++) {
    let progress = false;
    if (seriesOpen && review.patches) {
      const p = review.patches;
      const step = fixSeriesPass(fix.inputs.patches, { series: p.series, perPatch: p.perPatch, findings: p.result.findings.map(keep) }, pass === 0);
      for (const n of step.notes) {
        const key = JSON.stringify(n);
        if (!noted.has(key)) fix.notes.push(n);
        noted.add(key);
      }
      fix.notAdded = step.notAdded;
      fix.inputs.patches = step.inputs;
      for (const s of step.changed) fix.changed.add(s);
      fix.applied.push(...step.applied);
      seriesOpen = step.changed.size > 0 && step.deferred > 0;
      progress ||= step.changed.size > 0;
    } else seriesOpen = false;
    fix.inputs.sources = fix.inputs.sources.map((source) => {
      if (!sourcesOpen.has(source.path)) return source;
      const own = review.result.findings.filter((f) => !f.patch && f.file === source.path).map(keep);
      const step = applyFixes(source.text, own);
      if (step.applied.length === 0 || step.deferred.length === 0) sourcesOpen.delete(source.path);
      if (step.applied.length === 0) return source;
      if (step.text !== inputs.sources.find((s) => s.path === source.path)?.text) fix.changed.add(source.path);
      fix.applied.push(...step.applied);
      progress = true;
      return { ...source, text: step.text };
    });
    if (!progress) break;
    review = reviewInputs(reviewer, fix.inputs, target, options.base, oneLine);
  }
  return { before, fix, after: review };
}

/** A finding keeps its fix only when `level` applies it. */
function atLevel(level: FixLevel): (f: Finding) => Finding {
  return (f) => {
    if (!f.fix || appliesAt(f.fix.verdict, level)) return f;
    const { fix: _left, ...rest } = f;
    return rest;
  };
}
