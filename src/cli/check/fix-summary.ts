import type { Finding, InputNote } from '../../types.js';
import type { InputsFix } from '../../pipeline/review-and-fix.js';

/** What --fix did, one line each: fixed findings, fixes left alone, notes, files written. */
export function fixSummary(fix: InputsFix, written: readonly string[]): string {
  const lines = [
    ...fix.applied.map((f) => `fixed: ${where(f)}: ${f.message}`),
    ...fix.notAdded.map((f) => `not fixed: ${where(f)}: the fix touches lines the patch does not add`),
    ...fix.notes.map((n: InputNote) => `NOTE: ${n.file ? `${n.file}: ` : ''}${n.message}`),
    ...written.map((w) => `wrote: ${w}`),
    `fixed ${count(fix.applied.length, 'finding')} in ${count(written.length, 'file')}.`,
  ];
  return lines.join('\n') + '\n';
}

function where(f: Finding): string {
  return `${f.patch ? `[PATCH ${f.patch.index}] ` : ''}${f.file}:${f.line}`;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}
