import type { Finding, Fix, PatchRef, Severity } from '../../src/types.js';
import { LineIndex } from '../../src/text/line-index.js';

export interface FindingOptions {
  file?: string;
  /** Which occurrence of the needle (0-based). */
  nth?: number;
  severity?: Severity;
  patch?: PatchRef;
  /** Replacement of the needle, as a proven fix. */
  replace?: string;
  fix?: Fix;
  message?: string;
}

/** A finding on the nth occurrence of `needle` in `text`, built by hand like the rules would. */
export function findingAt(text: string, needle: string, o: FindingOptions = {}): Finding {
  let start = -1;
  for (let k = 0; k <= (o.nth ?? 0); k++) start = text.indexOf(needle, start + 1);
  if (start === -1) throw new Error(`'${needle}' not in text`);
  const end = start + needle.length;
  const index = new LineIndex(text);
  const from = index.position(start);
  const to = index.position(end);
  const finding: Finding = {
    ruleId: 'memcg/open-coded-read',
    severity: o.severity ?? 'warning',
    file: o.file ?? 'mm/page_stats.c',
    message: o.message ?? 'open-coded read of page->mem_cgroup; use page_memcg()',
    confidence: 'high',
    start,
    end,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
  };
  if (o.patch) finding.patch = o.patch;
  if (o.fix) finding.fix = o.fix;
  else if (o.replace !== undefined) {
    finding.fix = { edits: [{ start, end, text: o.replace }], verdict: 'proven', explanation: 'page is an LRU page here.' };
  }
  return finding;
}
