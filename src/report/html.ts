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
import { htmlEscape as esc } from './html-escape.js';
import { subsystemChart } from './html-chart.js';
import { HTML_STYLE } from './html-style.js';

/**
 * The audit as one self-contained HTML page (inline style and SVG, no script, a Content
 * Security Policy that forbids loading anything): the counts, a chart of the sites that remain
 * per subsystem, a table per rule, and every finding with its code excerpt, the proposed fix
 * as a diff and the model's verdict with its explanation.
 */
export interface HtmlOptions {
  /** Where the rules' pages (docs/rules/ID.md) are, as a URL ending in '/': each finding links to its rule's page. */
  docsBase?: string;
}

export function formatHtml(result: AuditResult, version: string, options: HtmlOptions = {}): string {
  const title = `memcg-review audit of ${result.tree}`;
  const docsBase = options.docsBase ?? 'docs/rules/';
  const body: string[] = [`<h1>${esc(title)}</h1>`, totals(result), `<ul class="summary">${auditSummaryLines(result).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`];
  if (!result.fixes && result.findings.some((f) => f.fix?.verdict === 'proven')) {
    body.push(`<p class="hint" id="fix-hint">Apply the proven fixes in place with <code>memcg-review audit ${esc(result.tree)} --fix</code>, or print them as one patch with <code>--diff</code>.</p>`);
  }
  if (result.findings.length === 0) body.push('<p class="empty" id="no-findings">No open-coded memcg accesses found.</p>');
  else {
    const checks = new Map(countBy(result.findings.filter((f) => f.severity === 'info'), (f) => subsystemOf(f.file)).map((g) => [g.key, g.total]));
    body.push('<h2>Remaining sites per subsystem</h2>', subsystemChart(countBy(result.findings, (f) => subsystemOf(f.file)), checks));
    body.push('<h2>Per rule</h2>', table('rule', countBy(result.findings, (f) => f.ruleId)));
    body.push(`<h2>Findings (${result.findings.length})</h2>`);
    for (const [file, findings] of groupByFile(result.findings)) {
      const source = sourceOf(result, findings[0]!);
      const index = source === undefined ? undefined : new LineIndex(source);
      body.push(`<section class="file"><h3><code>${esc(file)}</code> ${findings.length} finding${findings.length === 1 ? '' : 's'}</h3>`);
      for (const f of findings) body.push(finding(f, source, index, docsBase));
      body.push('</section>');
    }
  }
  const up = result.baseline?.upstream ?? [];
  if (up.length > 0) {
    body.push(`<h2 id="upstream">Upstream: identical in ${esc(result.baseline!.tree)}, not failing (${up.length})</h2><ul class="upstream">`, ...up.map((f) => `<li><code>${esc(f.file)}:${f.line}</code> <span class="badge ${f.severity}">${f.severity}</span> <code>${esc(f.ruleId)}</code> ${esc(f.message)}</li>`), '</ul>');
  }
  if (result.notes.length > 0) body.push('<h2>Notes</h2><ul>', ...result.notes.map((n) => `<li>${n.file ? `<code>${esc(n.file)}</code>: ` : ''}${esc(n.message)}</li>`), '</ul>');
  if (result.errors.length > 0) body.push('<h2>Errors</h2><ul>', ...result.errors.map((e) => `<li>${esc(e)}</li>`), '</ul>');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="memcg-review ${esc(version)}">`,
    `<title>${esc(title)}</title><style>${HTML_STYLE}</style></head>`,
    `<body>${body.join('\n')}</body></html>`,
    '',
  ].join('\n');
}

function table(title: string, groups: readonly GroupCount[]): string {
  const rows = groups.map((g) => `<tr><td><code>${esc(g.key)}</code></td><td>${g.severity.error}</td><td>${g.severity.warning}</td><td>${g.severity.info}</td><td>${g.proven}</td><td>${g.assumed}</td><td>${g.conditional}</td></tr>`);
  return `<table><thead><tr><th>${esc(title)}</th><th>errors</th><th>warnings</th><th>checks</th><th>proven fixes</th><th>assumed fixes</th><th>conditional fixes</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The header's totals: findings by severity, by fix, and the files they are in. */
function totals(result: AuditResult): string {
  const n = (p: (f: Finding) => boolean) => result.findings.filter(p).length;
  const errorsAndWarnings = (f: Finding) => f.severity !== 'info';
  const items: [string, string, number][] = [
    ['error', 'errors', n((f) => f.severity === 'error')],
    ['warning', 'warnings', n((f) => f.severity === 'warning')],
    ['info', 'checks', n((f) => f.severity === 'info')],
    ['proven', 'proven fixes', n((f) => f.fix?.verdict === 'proven')],
    ['assumed', 'assumed fixes', n((f) => f.fix?.verdict === 'assumed')],
    ['conditional', 'conditional fixes', n((f) => f.fix?.verdict === 'conditional')],
    ['none', 'need a person (no fix)', n((f) => errorsAndWarnings(f) && !f.fix)],
    ['files', 'files with findings', new Set(result.findings.map((f) => f.file)).size],
  ];
  return `<dl class="totals" id="totals">${items.map(([key, label, count]) => `<div class="${key}" data-total="${key}"><dt>${esc(label)}</dt><dd>${count}</dd></div>`).join('')}</dl>`;
}

function finding(f: Finding, source: string | undefined, index: LineIndex | undefined, docsBase: string): string {
  const verdict = f.fix ? `<span class="badge ${f.fix.verdict}">${f.fix.verdict} fix</span>` : '<span class="badge nofix">no fix</span>';
  const parts = [
    `<article class="finding ${f.severity}" data-rule="${esc(f.ruleId)}" data-verdict="${f.fix ? f.fix.verdict : 'none'}">`,
    `<div class="head"><span class="badge ${f.severity}">${f.severity}</span><a class="rule" href="${esc(docsBase + encodeURIComponent(f.ruleId))}.md"><code>${esc(f.ruleId)}</code></a><span class="where">${esc(f.file)}:${f.line}:${f.column}</span>${verdict}</div>`,
    `<p class="message">${esc(f.message)}</p>`,
  ];
  if (source !== undefined && index) {
    const lines = excerpt(source, f, 2, index);
    const width = String(lines[lines.length - 1]?.number ?? 0).length;
    const rendered = lines.map((l) => `<span class="${l.hit ? 'hit' : 'ctx'}"><span class="ln">${String(l.number).padStart(width)} </span>${esc(l.text)}</span>`);
    parts.push(`<pre class="excerpt">${rendered.join('\n')}</pre>`);
  }
  if (f.fix) {
    if (source !== undefined) {
      const { before, after } = fixLines(source, f.fix);
      const lines = [...before.map((l) => `<span class="del">-${esc(expandTabs(l))}</span>`), ...after.map((l) => `<span class="add">+${esc(expandTabs(l))}</span>`)];
      parts.push(`<pre class="fix">${lines.join('\n')}</pre>`);
    }
    parts.push(`<p class="explanation">${esc(f.fix.verdict)}: ${esc(f.fix.explanation)}</p>`);
  }
  parts.push('</article>');
  return parts.join('');
}
