import type { Finding, InputNote, Target } from '../types.js';

/** One patch of a reviewed series, as the reporters name it: `[PATCH index/total] subject`. */
export interface ReviewedPatch {
  index: number;
  total: number;
  subject: string;
  /** Where the patch came from (a file name, '-' for stdin). */
  source?: string;
}

/** What a review produced, ready for a reporter. */
export interface ReviewResult {
  target: Target;
  findings: Finding[];
  notes: InputNote[];
  /** Failures of the review itself (a reviewer that threw on a file); the rest of the input was still reviewed. */
  errors: string[];
  /** Added lines of C files in patches plus all lines of whole C files. */
  linesChecked: number;
  /** The reviewed texts, keyed by {@link sourceKey}; reporters take source lines and fix previews from them. */
  sources: Map<string, string>;
  /** The patches of a reviewed series, in order; absent or empty for whole-file reviews. */
  patches?: ReviewedPatch[];
}

/** Key of a reviewed text in {@link ReviewResult.sources}: the patch index (0 for a whole file) and the path. */
export function sourceKey(file: string, patchIndex?: number): string {
  return `${patchIndex ?? 0}:${file}`;
}

/** The reviewed text a finding points into. */
export function sourceOf(result: ReviewResult, finding: Finding): string | undefined {
  return result.sources.get(sourceKey(finding.file, finding.patch?.index));
}

export function emptyResult(target: Target): ReviewResult {
  return { target, findings: [], notes: [], errors: [], linesChecked: 0, sources: new Map() };
}
