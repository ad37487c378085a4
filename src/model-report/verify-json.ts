import { disagreements, type VerifyResult } from '../verify/verify-result.js';
import { leftOut, verdictLine, type VerifySource } from './verify-text.js';

/** `model verify` as JSON: every case with both outcomes, the disagreements, what was not run. */
export function verifyJson(result: VerifyResult, source: VerifySource): string {
  const bad = disagreements(result);
  return `${JSON.stringify({ target: result.target, tree: source.tree, detected: source.detected ?? null, agree: bad.length === 0, verdict: verdictLine(result).replace(/^verdict: /, ''), helpers: result.helpers, measuredOnly: result.measuredOnly, leftOut: leftOut(result), disagreements: bad, skipped: result.skipped, cases: result.cases, contract: result.contract ?? null }, null, 2)}\n`;
}
