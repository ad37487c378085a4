import type { Finding, Severity } from '../types.js';

/** Findings of one group (a folder, a subsystem, a rule) by severity and by what fix is offered. */
export interface GroupCount {
  key: string;
  total: number;
  severity: Record<Severity, number>;
  /** With a proven fix. */
  proven: number;
  /** With an assumed fix (proven only under what a name or file suggests). */
  assumed: number;
  /** With a conditional fix. */
  conditional: number;
}

/** Counts findings per key (kept in first-seen order of the sorted keys), e.g. per folder or per rule. */
export function countBy(findings: readonly Finding[], keyOf: (f: Finding) => string): GroupCount[] {
  const groups = new Map<string, GroupCount>();
  for (const f of findings) {
    const key = keyOf(f);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, total: 0, severity: { error: 0, warning: 0, info: 0 }, proven: 0, assumed: 0, conditional: 0 }));
    g.total++;
    g.severity[f.severity]++;
    if (f.fix?.verdict === 'proven') g.proven++;
    if (f.fix?.verdict === 'assumed') g.assumed++;
    if (f.fix?.verdict === 'conditional') g.conditional++;
  }
  return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
