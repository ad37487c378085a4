import type { Finding, InputNote } from '../../types.js';
import type { InputsFix } from '../../pipeline/review-and-fix.js';

/**
 * What --fix did: one line per fixed file (per patch of a series) with how many findings and on
 * which lines, one line per fix left alone, the notes, the files written, and a total. The
 * findings' messages are in the report that follows; the JSON report keeps each fixed finding.
 */
export function fixSummary(fix: InputsFix, written: readonly string[]): string {
  const lines = [
    ...perFile(fix.applied).map(([where, found]) => `fixed: ${where}: ${count(found.length, 'finding')} (line${found.length === 1 ? '' : 's'} ${found.map((f) => f.line).join(', ')})`),
    ...fix.notAdded.map((f) => `not fixed: ${where(f)}:${f.line}: the fix touches lines the patch does not add`),
    ...fix.notes.map((n: InputNote) => `NOTE: ${n.file ? `${n.file}: ` : ''}${n.message}`),
    ...(fix.heldBack > 0 ? [`not fixed: ${count(fix.heldBack, 'assumed fix')}, each proven only under what a name suggests (read them, then --fix=assumed)`] : []),
    ...written.map((w) => `wrote: ${w}`),
    `fixed ${count(fix.applied.length, 'finding')} in ${count(written.length, 'file')}.`,
  ];
  return lines.join('\n') + '\n';
}

function perFile(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = where(f);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups];
}

function where(f: Finding): string {
  return `${f.patch ? `[PATCH ${f.patch.index}] ` : ''}${f.file}`;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}
