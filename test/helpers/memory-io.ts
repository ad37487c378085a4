import type { Io } from '../../src/cli/shared/io.js';
import { nodeIo } from '../../src/cli/shared/node-io.js';

export interface CapturedIo extends Io {
  out: string[];
  err: string[];
}

/** An Io on the real file system with captured streams, a given cwd and stdin. */
export function memoryIo(cwd: string, stdin: string | null = null): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    ...nodeIo('9.9.9'),
    cwd,
    out,
    err,
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: async () => stdin ?? '',
    stdinIsTTY: stdin === null,
  };
}
