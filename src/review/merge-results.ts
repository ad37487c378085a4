import type { Target } from '../types.js';
import type { ReviewResult } from './result.js';
import { sortFindings } from './sort-findings.js';

/** Joins the results of several reviews (a series and whole files) into one. */
export function mergeResults(target: Target, parts: readonly ReviewResult[]): ReviewResult {
  const sources = new Map<string, string>();
  for (const p of parts) for (const [k, v] of p.sources) sources.set(k, v);
  const patches = parts.flatMap((p) => p.patches ?? []);
  return {
    target,
    findings: sortFindings(parts.flatMap((p) => p.findings)),
    notes: parts.flatMap((p) => p.notes),
    errors: parts.flatMap((p) => p.errors),
    linesChecked: parts.reduce((n, p) => n + p.linesChecked, 0),
    sources,
    ...(patches.length > 0 ? { patches } : {}),
  };
}
