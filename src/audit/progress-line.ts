/** What the progress line shows. */
export interface Progress {
  files: number;
  bytes: number;
  parsed: number;
  findings: number;
  elapsedMs: number;
  /** Files the walk found in all, when it was walked first (on a terminal): percentage and time left. */
  total?: number;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * One line of progress for a terminal, cut to `width` columns: a spinner frame, files scanned
 * (with the percentage of the total and the time left when the total is known) with the
 * throughput, files parsed, findings so far.
 */
export function progressLine(p: Progress, width: number): string {
  const frame = SPINNER[Math.floor(p.elapsedMs / 100) % SPINNER.length]!;
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? ` (${(p.bytes / 1e6 / seconds).toFixed(0)} MB/s)` : '';
  const scanned = p.total === undefined ? `${count(p.files)} files scanned` : `${percent(p.files, p.total)} ${count(p.files)}/${count(p.total)} files${timeLeft(p, p.total)}`;
  const line = `${frame} audit: ${scanned}${rate}, ${count(p.parsed)} parsed, ${count(p.findings)} finding${p.findings === 1 ? '' : 's'}`;
  return [...line].slice(0, Math.max(10, width - 1)).join('');
}

function percent(done: number, total: number): string {
  return `${total === 0 ? 100 : Math.min(100, Math.floor((done / total) * 100))}%`;
}

/** The time left at the pace so far (files per second), once a file is done; nothing before. */
function timeLeft(p: Progress, total: number): string {
  if (p.files === 0 || p.elapsedMs <= 0) return '';
  const seconds = Math.ceil(((total - p.files) * p.elapsedMs) / p.files / 1000);
  if (seconds <= 0) return '';
  return `, ${seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`} left`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
