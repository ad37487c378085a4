import type { Finding } from '../types.js';
import type { SeverityOverride } from './config.js';

/** Applies the configured per-rule severities; `off` drops the rule's findings. */
export function applySeverity(findings: readonly Finding[], overrides: Readonly<Record<string, SeverityOverride>>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const o = overrides[f.ruleId];
    if (o === 'off') continue;
    out.push(o ? { ...f, severity: o } : f);
  }
  return out;
}
