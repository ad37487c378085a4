import type { ResolvedFinding } from './check-summary.js';
import type { ReviewState } from './markers.js';

/** Findings of the previous review whose fingerprint this review no longer has. */
export function resolvedFindings(previous: ReviewState | null, current: ReadonlySet<string>): ResolvedFinding[] {
  if (!previous) return [];
  return previous.findings.filter(([fp]) => !current.has(fp)).map(([, ruleId, file, line]) => ({ ruleId, file, line }));
}
