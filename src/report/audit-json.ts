import type { AuditResult } from '../audit/audit-result.js';
import { formatJson } from './json.js';

/**
 * The audit as JSON: `check`'s report (`version`, `target`, `findings` of the same shape with
 * paths relative to the tree, `notes`, `errors`) plus `tree`, `stats`, `detected` (with
 * --target auto) and `fixes` (with --fix/--diff).
 */
export function formatAuditJson(result: AuditResult, version: string): string {
  const report = JSON.parse(formatJson(result, version)) as Record<string, unknown>;
  const audit = {
    version: report['version'],
    target: report['target'],
    tree: result.tree,
    ...(result.detected ? { detected: result.detected } : {}),
    ...(result.contracts ? { contracts: result.contracts } : {}),
    stats: result.stats,
    ...(result.fixes ? { fixes: result.fixes } : {}),
    findings: report['findings'],
    notes: report['notes'],
    errors: report['errors'],
  };
  return JSON.stringify(audit, null, 2) + '\n';
}
