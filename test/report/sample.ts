import type { ReviewResult } from '../../src/review/result.js';
import { sourceKey } from '../../src/review/result.js';
import { findingAt } from '../helpers/findings.js';

export const IMAGE = 'void f(struct page *page)\n{\n\tif (page->mem_cgroup)\n\t\tcount++;\n}\n';
export const WHOLE = 'int g(struct page *p)\n{\n\treturn p->mem_cgroup != NULL;\n}\n';

/** A series of two patches (one finding with a fix in patch 1) and one whole C file. */
export function sampleResult(): ReviewResult {
  const patch = { index: 1, subject: 'mm: count charged pages' };
  const withFix = findingAt(IMAGE, 'page->mem_cgroup', { file: 'mm/page_stats.c', patch, replace: 'page_memcg(page)' });
  const whole = {
    ...findingAt(WHOLE, 'p->mem_cgroup', { file: 'mm/legacy.c', severity: 'error', message: 'open-coded read of p->mem_cgroup' }),
    confidence: 'low' as const,
  };
  const info = findingAt(WHOLE, 'NULL', { file: 'mm/legacy.c', severity: 'info', message: 'comparison with NULL' });
  return {
    target: 'v5.11',
    findings: [whole, info, withFix],
    notes: [
      { file: 'Documentation/mm/page_stats.rst', patch, message: 'skipped: not a C file' },
      { message: 'a second cover letter was ignored' },
    ],
    errors: [],
    linesChecked: 9,
    sources: new Map([
      [sourceKey('mm/page_stats.c', 1), IMAGE],
      [sourceKey('mm/legacy.c'), WHOLE],
    ]),
    patches: [
      { index: 1, total: 2, subject: 'mm: count charged pages' },
      { index: 2, total: 2, subject: 'mm: export the count' },
    ],
  };
}
