import { SEVERITY_RANK, type Severity } from '../../types.js';
import type { ReviewResult } from '../../review/result.js';
import { EXIT, type ExitCode } from './exit-codes.js';

/** 3 when the reviewer failed on a file, 1 when a finding is at or above failOn, else 0. */
export function exitCodeFor(result: ReviewResult, failOn: Severity): ExitCode {
  if (result.errors.length > 0) return EXIT.internal;
  const failing = result.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
  return failing ? EXIT.findings : EXIT.clean;
}
