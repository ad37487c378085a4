import type { Finding } from '../types.js';

export type Conclusion = 'success' | 'neutral' | 'failure';

/** `failure` on errors, `neutral` on warnings only, `success` when clean (checks alone are clean). */
export function conclusionOf(findings: readonly Finding[]): Conclusion {
  if (findings.some((f) => f.severity === 'error')) return 'failure';
  if (findings.some((f) => f.severity === 'warning')) return 'neutral';
  return 'success';
}

export function countBySeverity(findings: readonly Finding[]): { error: number; warning: number; info: number } {
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}

/** "6 errors, 1 warning, 2 checks": the CLI's words (checkpatch calls an info-level report a CHECK). */
export function countsTitle(findings: readonly Finding[]): string {
  const n = countBySeverity(findings);
  const plural = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return `${plural(n.error, 'error', 'errors')}, ${plural(n.warning, 'warning', 'warnings')}, ${plural(n.info, 'check', 'checks')}`;
}
