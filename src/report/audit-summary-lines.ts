import type { AuditResult } from '../audit/audit-result.js';

/** The audit's opening lines, shared by the text and Markdown reports: tree, target, counts, fixes. */
export function auditSummaryLines(result: AuditResult): string[] {
  const s = result.stats;
  const lines = [
    `tree: ${result.tree}`,
    `target: ${result.target}${result.detected ? ` (detected: ${result.detected.evidence})` : ''}`,
    ...(result.contracts ? [`contracts: ${result.contracts}`] : []),
    `files: ${s.files} C files (${(s.bytes / 1e6).toFixed(1)} MB) scanned, ${s.candidates} through the prefilter, ${s.parsed} parsed, ${s.withFindings} with findings`,
  ];
  if (result.fixes) {
    const verb = result.fixes.mode === 'fix' ? 'applied' : 'in the patch';
    lines.push(`fixes: ${result.fixes.applied} proven fix${result.fixes.applied === 1 ? '' : 'es'} ${verb}, ${result.fixes.files.length} file${result.fixes.files.length === 1 ? '' : 's'} changed; the findings below are what remains`);
  }
  return lines;
}
