import type { AuditResult } from '../audit/audit-result.js';
import { subsystemOf } from '../audit/subsystem.js';
import { sourceOf } from '../review/result.js';
import { LineIndex } from '../text/line-index.js';
import type { Finding } from '../types.js';
import { countBy, type GroupCount } from './audit-counts.js';
import { auditSummaryLines } from './audit-summary-lines.js';
import { excerpt, expandTabs } from './excerpt.js';
import { fixLines } from './fix-diff-lines.js';
import { groupByFile } from './group-by-file.js';
import { htmlEscape } from './html-escape.js';
import { mdBlock, mdCode, mdEscape } from './markdown-escape.js';

const LABEL = { error: 'ERROR', warning: 'WARNING', info: 'CHECK' } as const;

/**
 * The audit in Markdown for an issue tracker: the counts, tables per subsystem and per rule,
 * then the findings file by file (each file folded in <details>), each with its code excerpt,
 * the proposed fix as a diff and the model's verdict.
 */
export function formatMarkdown(result: AuditResult): string {
  const out = [`# memcg-review audit of ${mdCode(result.tree)}`, '', ...auditSummaryLines(result).map((l) => `- ${mdEscape(l)}`), ''];
  if (result.findings.length === 0) out.push('No open-coded memcg accesses found.', '');
  else {
    out.push('## Remaining sites per subsystem', '', ...table('subsystem', countBy(result.findings, (f) => subsystemOf(f.file))), '');
    out.push('## Per rule', '', ...table('rule', countBy(result.findings, (f) => f.ruleId)), '');
    out.push('## Findings', '');
    for (const [file, findings] of groupByFile(result.findings)) {
      out.push('<details open>', `<summary><code>${htmlEscape(file)}</code>: ${findings.length} finding${findings.length === 1 ? '' : 's'}</summary>`, '');
      const source = sourceOf(result, findings[0]!);
      const index = source === undefined ? undefined : new LineIndex(source);
      for (const f of findings) out.push(...finding(f, source, index), '');
      out.push('</details>', '');
    }
  }
  const up = result.baseline?.upstream ?? [];
  if (up.length > 0) {
    out.push(`## Upstream (identical in ${mdCode(result.baseline!.tree)}, not failing)`, '', ...up.map((f) => `- ${mdCode(`${f.file}:${f.line}`)} **${LABEL[f.severity]}** ${mdCode(f.ruleId)}: ${mdEscape(f.message)}`), '');
  }
  if (result.notes.length > 0) out.push('## Notes', '', ...result.notes.map((n) => `- ${n.file ? `${mdCode(n.file)}: ` : ''}${mdEscape(n.message)}`), '');
  if (result.errors.length > 0) out.push('## Errors', '', ...result.errors.map((e) => `- ${mdEscape(e)}`), '');
  return out.join('\n');
}

function table(title: string, groups: readonly GroupCount[]): string[] {
  return [
    `| ${title} | errors | warnings | checks | proven fixes | assumed fixes | conditional fixes |`,
    '|---|---:|---:|---:|---:|---:|---:|',
    ...groups.map((g) => `| ${mdCode(g.key)} | ${g.severity.error} | ${g.severity.warning} | ${g.severity.info} | ${g.proven} | ${g.assumed} | ${g.conditional} |`),
  ];
}

function finding(f: Finding, source: string | undefined, index: LineIndex | undefined): string[] {
  const out = [`**${LABEL[f.severity]}** ${mdCode(f.ruleId)} at line ${f.line}, column ${f.column}: ${mdEscape(f.message)}`];
  if (source !== undefined && index) {
    const lines = excerpt(source, f, 2, index);
    const width = String(lines[lines.length - 1]?.number ?? 0).length;
    out.push('', mdBlock('c', lines.map((l) => `${String(l.number).padStart(width)}${l.hit ? '>' : ' '} ${l.text}`)));
  }
  if (f.fix) {
    out.push('', `Fix (**${f.fix.verdict}**): ${mdEscape(f.fix.explanation)}`);
    if (source !== undefined) {
      const { before, after } = fixLines(source, f.fix);
      out.push('', mdBlock('diff', [...before.map((l) => `-${expandTabs(l)}`), ...after.map((l) => `+${expandTabs(l)}`)]));
    }
  } else out.push('', '_No fix offered: this one needs a person._');
  return out;
}
