import os from 'node:os';
import type { NativeCommands } from './grep-audit.js';
import type { Terminal } from './progress.js';

/** What an audit needs of the machine besides the Io: cores, and stderr when it is a terminal. */
export interface AuditSystem {
  cores: number;
  /** stderr, when it is a terminal: the progress line goes there. */
  terminal?: Terminal;
  /** The find and grep commands the walk and the literal search are handed to (default: on the PATH). */
  native?: NativeCommands;
}

export function nodeAuditSystem(): AuditSystem {
  const stderr = process.stderr;
  return {
    cores: Math.max(1, os.availableParallelism()),
    ...(stderr.isTTY ? { terminal: { write: (t: string) => void stderr.write(t), columns: stderr.columns || 80 } } : {}),
  };
}
