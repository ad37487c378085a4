import type { AuditMode } from '../../audit/audit-file.js';
import type { BatchReport } from '../../audit/tally.js';
import type { FixLevel, ReviewOptions } from '../../types.js';

/** What each review worker is started with. */
export interface WorkerSetup {
  root: string;
  options: ReviewOptions;
  mode: AuditMode;
  /** The fixes --fix/--diff apply: proven, or assumed too. */
  level: FixLevel;
}

/** Main thread to worker. */
export type ToWorker = { type: 'batch'; id: number; files: string[] };

/** Worker to main thread: a batch's report, or a failure that ends the audit. */
export type FromWorker = { type: 'done'; id: number; report: BatchReport } | { type: 'fatal'; usage: boolean; message: string };
