import { progressLine } from '../../audit/progress-line.js';
import type { Tally } from '../../audit/tally.js';

export interface Terminal {
  write(text: string): void;
  columns: number;
}

/**
 * Redraws the progress line on a terminal's stderr every 100 ms while the audit runs; returns
 * the function that stops it and clears the line. With no terminal it does nothing.
 */
export function startProgress(terminal: Terminal | undefined, tally: Tally, now: () => number = () => performance.now(), total?: number): () => void {
  if (!terminal) return () => {};
  const start = now();
  const draw = () => {
    const line = progressLine({ files: tally.stats.files, bytes: tally.stats.bytes, parsed: tally.stats.parsed, findings: tally.findings, elapsedMs: now() - start, ...(total === undefined ? {} : { total }) }, terminal.columns);
    terminal.write(`\r\x1b[K${line}`);
  };
  draw();
  const timer = setInterval(draw, 100);
  timer.unref();
  return () => {
    clearInterval(timer);
    terminal.write('\r\x1b[K');
  };
}
