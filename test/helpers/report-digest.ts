import { createHash } from 'node:crypto';

/** A finding of an audit's JSON report, reduced to what a finding is: where, which rule, which fix. */
export interface FindingDigest {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  confidence?: string;
  verdict?: string;
  /** sha256 of the fix's edits (positions and text), so no kernel text is kept in the repository. */
  edits?: string;
}

export interface ReportDigest {
  target: string;
  detected?: unknown;
  stats: Record<string, number>;
  errors: unknown[];
  /** How many notes (their wording belongs to the reporters). */
  notes: number;
  findings: FindingDigest[];
}

interface JsonReport {
  target: string;
  detected?: unknown;
  stats: Record<string, number>;
  errors: unknown[];
  notes: unknown[];
  findings: { ruleId: string; severity: string; file: string; line: number; column: number; endLine: number; endColumn: number; confidence?: string; fix?: { verdict: string; edits: unknown[] } }[];
}

/**
 * An audit's JSON report normalized for comparison across versions of the audit: the tree's
 * path and the tool's version dropped, messages left to the reporters (notes counted), each fix's
 * edits hashed.
 */
export function reportDigest(report: JsonReport): ReportDigest {
  return {
    target: report.target,
    ...(report.detected ? { detected: report.detected } : {}),
    stats: report.stats,
    errors: report.errors,
    notes: report.notes.length,
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ...(f.confidence ? { confidence: f.confidence } : {}),
      ...(f.fix ? { verdict: f.fix.verdict, edits: createHash('sha256').update(JSON.stringify(f.fix.edits)).digest('hex').slice(0, 16) } : {}),
    })),
  };
}
