import type { AuditResult } from '../../audit/audit-result.js';
import { formatAuditJson } from '../../report/audit-json.js';
import { formatAuditText } from '../../report/audit-text.js';
import { formatHtml } from '../../report/html.js';
import { formatMarkdown } from '../../report/markdown.js';
import { formatSarif } from '../../report/sarif.js';
import { RULES } from '../../rules/index.js';
import type { AuditFormat } from './audit-args.js';
import { RULE_DOCS } from '../paths.js';

/** The audit report in the chosen format. */
export function formatAudit(result: AuditResult, format: AuditFormat, version: string): string {
  switch (format) {
    case 'json':
      return formatAuditJson(result, version);
    case 'sarif':
      return formatSarif(result, version, RULES.map((r) => r.meta));
    case 'markdown':
      return formatMarkdown(result);
    case 'html':
      return formatHtml(result, version, { docsBase: RULE_DOCS.href });
    case 'text':
      return formatAuditText(result);
  }
}
