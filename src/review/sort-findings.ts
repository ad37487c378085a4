import type { Finding } from '../types.js';

/** Orders findings by patch index (whole-file findings first), file, line, column. */
export function compareFindings(a: Finding, b: Finding): number {
  return (a.patch?.index ?? 0) - (b.patch?.index ?? 0)
    || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
    || a.line - b.line
    || a.column - b.column;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}
