import { appliesAt, type Finding, type FixLevel, type InputNote, type Target } from '../types.js';
import type { Reviewer } from '../review/reviewer.js';
import type { ReviewResult } from '../review/result.js';
import type { ReadBase } from '../review/review-patches.js';
import { fixFile } from '../fix/fix-file.js';
import { fixSeries } from '../fix/fix-series.js';
import type { Inputs } from './load-inputs.js';

export interface InputsFix {
  /** The inputs with fixed texts. */
  inputs: Inputs;
  /** Patch sources and C file paths whose text changed. */
  changed: Set<string>;
  applied: Finding[];
  notAdded: Finding[];
  notes: InputNote[];
  /** Assumed fixes offered but not applied at level `proven` (--fix=assumed applies them). */
  heldBack: number;
}

/** A finding keeps its fix only when `level` applies it (the report still shows every fix). */
function atLevel(level: FixLevel): (f: Finding) => Finding {
  return (f) => {
    if (!f.fix || appliesAt(f.fix.verdict, level)) return f;
    const { fix: _left, ...rest } = f;
    return rest;
  };
}

/**
 * Applies the fixes `level` allows (proven ones; assumed ones too at `assumed`) to every input in
 * memory; `result` is the review of `inputs`. Conditional fixes are never applied: they need a person.
 */
export function fixInputs(given: Reviewer, inputs: Inputs, result: ReviewResult, target: Target, read?: ReadBase, level: FixLevel = 'proven'): InputsFix {
  const keep = atLevel(level);
  const reviewer: Reviewer = { review: (file) => given.review(file).map(keep) };
  const out: InputsFix = { inputs: { patches: inputs.patches, sources: [], ...(inputs.skipped ? { skipped: inputs.skipped } : {}) }, changed: new Set(), applied: [], notAdded: [], notes: [], heldBack: level === 'proven' ? result.findings.filter((f) => f.fix?.verdict === 'assumed').length : 0 };
  if (inputs.patches.length > 0) {
    const fixed = fixSeries(reviewer, inputs.patches, { target }, read);
    out.inputs.patches = inputs.patches.map((p, k) => ({ ...p, text: fixed.inputs[k]!.text }));
    for (const source of fixed.changed) out.changed.add(source);
    out.applied.push(...fixed.applied);
    out.notAdded.push(...fixed.notAdded);
    out.notes.push(...fixed.notes);
  }
  for (const source of inputs.sources) {
    const own = result.findings.filter((f) => !f.patch && f.file === source.path).map(keep);
    const review = (text: string) => reviewer.review({ path: source.path, text }).map((f) => ({ ...f, file: source.path }));
    const fixed = fixFile(source.text, own, review);
    out.inputs.sources.push({ ...source, text: fixed.text });
    if (fixed.text !== source.text) out.changed.add(source.path);
    out.applied.push(...fixed.applied);
  }
  return out;
}
