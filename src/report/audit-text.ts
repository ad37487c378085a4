import type { AuditResult } from '../audit/audit-result.js';
import { directoryOf } from '../audit/subsystem.js';
import { countBy, type GroupCount } from './audit-counts.js';
import { auditSummaryLines } from './audit-summary-lines.js';
import { formatText } from './text.js';

/**
 * The audit as text: the tree, target and counts; a table of findings per folder and per
 * rule; then every finding in checkpatch's layout (source line, caret, fix and verdict) and
 * the total and verdict lines.
 */
export function formatAuditText(result: AuditResult): string {
  const out = auditSummaryLines(result);
  if (result.findings.length > 0) {
    out.push('', ...table('directory', countBy(result.findings, (f) => directoryOf(f.file))));
    out.push('', ...table('rule', countBy(result.findings, (f) => f.ruleId)));
  }
  return `${out.join('\n')}\n\n${formatText(result)}${upstreamText(result)}`;
}

const LABEL = { error: 'ERROR', warning: 'WARNING', info: 'CHECK' } as const;

/** The findings on upstream code (--baseline), one line each: shown apart, not counted. */
export function upstreamText(result: AuditResult): string {
  const up = result.baseline?.upstream ?? [];
  if (up.length === 0) return '';
  const lines = up.map((f) => `${f.file}:${f.line}: ${LABEL[f.severity]} [upstream]: ${f.message}`);
  return `\nupstream: ${up.length} finding${up.length === 1 ? '' : 's'} on code identical in ${result.baseline!.tree} (not failing):\n${lines.join('\n')}\n`;
}

function table(title: string, groups: readonly GroupCount[]): string[] {
  const width = Math.max(title.length, ...groups.map((g) => g.key.length));
  const row = (key: string, cells: (string | number)[]) => `${key.padEnd(width)}  ${cells.map((c) => String(c).padStart(10)).join('')}`;
  return [
    row(title, ['errors', 'warnings', 'checks', 'proven', 'assumed', 'cond.']),
    ...groups.map((g) => row(g.key, [g.severity.error, g.severity.warning, g.severity.info, g.proven, g.assumed, g.conditional])),
  ];
}
