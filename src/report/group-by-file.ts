import type { Finding } from '../types.js';

/** Findings grouped by file, files in the order they first appear (findings come sorted by file). */
export function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const files = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = files.get(f.file);
    if (list) list.push(f);
    else files.set(f.file, [f]);
  }
  return files;
}
