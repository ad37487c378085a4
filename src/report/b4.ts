import type { Severity } from '../types.js';
import type { ReviewResult } from '../review/result.js';
import { formatText } from './text.js';

/** One entry of b4's review CI protocol (b4 review, `review-perpatch-check-cmd`). */
export interface B4CheckResult {
  tool: string;
  status: 'pass' | 'warn' | 'fail';
  summary: string;
  details?: string;
}

export const B4_TOOL = 'memcg-review';

/**
 * The review as b4's external check commands report it: a JSON array with one result for the
 * message b4 piped in. Errors fail; warnings and checks warn, as b4's own checkpatch handler
 * does; the details are the text report with the source lines and the proposed fixes.
 */
export function formatB4(result: ReviewResult): string {
  return JSON.stringify([b4Result(result)], null, 2) + '\n';
}

export function b4Result(result: ReviewResult): B4CheckResult {
  const count = (s: Severity) => result.findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  const checks = count('info');
  if (result.errors.length > 0) {
    return { tool: B4_TOOL, status: 'fail', summary: `review incomplete: ${result.errors[0]}`, details: formatText(result, { verbose: true }) };
  }
  if (errors + warnings + checks === 0) {
    return { tool: B4_TOOL, status: 'pass', summary: `no open-coded memcg accesses (${result.linesChecked} lines checked)` };
  }
  const parts = [plural(errors, 'error'), plural(warnings, 'warning'), plural(checks, 'check')].filter((p) => p !== '');
  return {
    tool: B4_TOOL,
    status: errors > 0 ? 'fail' : 'warn',
    summary: `${parts.join(', ')}: open-coded memcg accesses`,
    details: formatText(result, { verbose: true }),
  };
}

function plural(n: number, what: string): string {
  return n === 0 ? '' : `${n} ${what}${n === 1 ? '' : 's'}`;
}
