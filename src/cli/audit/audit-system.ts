import os from 'node:os';
import type { Terminal } from './progress.js';

/** What an audit needs of the machine besides the Io: cores, and stderr when it is a terminal. */
export interface AuditSystem {
  cores: number;
  /** stderr, when it is a terminal: the progress line goes there. */
  terminal?: Terminal;
  /** The grep command the prefilter's literal search is handed to (default: grep on the PATH). */
  grep?: string;
}

export function nodeAuditSystem(): AuditSystem {
  const stderr = process.stderr;
  return {
    cores: Math.max(1, os.availableParallelism()),
    ...(stderr.isTTY ? { terminal: { write: (t: string) => void stderr.write(t), columns: stderr.columns || 80 } } : {}),
  };
}
