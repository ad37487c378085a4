import type { AuditStats } from './audit-result.js';
import type { FileOutcome } from './audit-file.js';

/** Counts of a batch of files, and the outcomes worth keeping (findings or errors). */
export interface BatchReport {
  files: number;
  bytes: number;
  candidates: number;
  parsed: number;
  /** Lines of the parsed files. */
  lines: number;
  findings: number;
  kept: FileOutcome[];
}

export function emptyBatch(): BatchReport {
  return { files: 0, bytes: 0, candidates: 0, parsed: 0, lines: 0, findings: 0, kept: [] };
}

/** Adds one file's outcome to a batch; files without findings or errors leave only counts. */
export function addOutcome(batch: BatchReport, outcome: FileOutcome, bytes: number): void {
  batch.files++;
  batch.bytes += bytes;
  if (outcome.candidate) batch.candidates++;
  if (outcome.parsed) batch.parsed++;
  batch.lines += outcome.lines;
  batch.findings += outcome.findings.length;
  if (outcome.findings.length > 0 || outcome.error || outcome.note) batch.kept.push(outcome);
}

/** Running totals over batches, for the progress line and the result. */
export class Tally {
  readonly stats: AuditStats = { files: 0, bytes: 0, candidates: 0, parsed: 0, withFindings: 0, symlinks: 0 };
  lines = 0;
  findings = 0;
  readonly outcomes: FileOutcome[] = [];

  add(batch: BatchReport): void {
    this.stats.files += batch.files;
    this.stats.bytes += batch.bytes;
    this.stats.candidates += batch.candidates;
    this.stats.parsed += batch.parsed;
    this.lines += batch.lines;
    this.findings += batch.findings;
    for (const o of batch.kept) {
      if (o.findings.length > 0) this.stats.withFindings++;
      this.outcomes.push(o);
    }
  }
}
