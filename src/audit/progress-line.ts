/** What the progress line shows. */
export interface Progress {
  files: number;
  bytes: number;
  parsed: number;
  findings: number;
  elapsedMs: number;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * One line of progress for a terminal, cut to `width` columns: a spinner frame, files scanned
 * with the throughput, files parsed, findings so far.
 */
export function progressLine(p: Progress, width: number): string {
  const frame = SPINNER[Math.floor(p.elapsedMs / 100) % SPINNER.length]!;
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? ` (${(p.bytes / 1e6 / seconds).toFixed(0)} MB/s)` : '';
  const line = `${frame} audit: ${count(p.files)} files scanned${rate}, ${count(p.parsed)} parsed, ${count(p.findings)} finding${p.findings === 1 ? '' : 's'}`;
  return [...line].slice(0, Math.max(10, width - 1)).join('');
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
