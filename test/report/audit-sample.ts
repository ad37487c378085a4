import type { AuditResult } from '../../src/audit/audit-result.js';
import { sourceKey } from '../../src/review/result.js';
import type { Finding } from '../../src/types.js';
import { findingAt } from '../helpers/findings.js';

export const MM = 'void f(struct page *page)\n{\n\tif (page->mem_cgroup)\n\t\tcount++;\n\tpage->mem_cgroup = NULL;\n}\n';
export const DRV = 'static int drv(struct page *p)\n{\n\treturn PageKmemcg(p) | <tag> & `x`;\n}\n';

/** An audit of three files in two subsystems: proven, conditional and no fixes, a note and an error. */
export function auditSample(overrides: Partial<AuditResult> = {}): AuditResult {
  const read = findingAt(MM, 'page->mem_cgroup', { file: 'mm/page_stats.c', severity: 'error', replace: 'page_memcg(page)' });
  read.ruleId = 'memcg-field-read';
  const write = findingAt(MM, 'page->mem_cgroup', { file: 'mm/page_stats.c', nth: 1, severity: 'error', message: 'stores to page->mem_cgroup' });
  write.ruleId = 'memcg-field-write';
  const kmemcg: Finding = {
    ...findingAt(DRV, 'PageKmemcg(p)', { file: 'drivers/gpu/pool.c', severity: 'warning', message: 'tests PageKmemcg <by hand> & "quotes"' }),
    ruleId: 'page-kmemcg',
  };
  kmemcg.fix = { edits: [{ start: kmemcg.start, end: kmemcg.end, text: 'PageMemcgKmem(p)' }], verdict: 'conditional', explanation: 'holds unless the page is a slab page' };
  const comment: Finding = { ...findingAt(MM, 'count', { file: 'mm/page_stats.c', severity: 'info', message: 'comment names page->mem_cgroup' }), ruleId: 'stale-comment' };
  return {
    target: 'v5.11',
    findings: [kmemcg, read, comment, write],
    notes: [{ file: 'mm/latin1.c', message: 'not fixed: the file is not valid UTF-8' }, { message: '2 symbolic links not followed' }],
    errors: ['mm/crash.c: review failed: boom'],
    linesChecked: 11,
    sources: new Map([
      [sourceKey('mm/page_stats.c'), MM],
      [sourceKey('drivers/gpu/pool.c'), DRV],
    ]),
    tree: 'linux <5.10>',
    stats: { files: 1000, bytes: 2_500_000, candidates: 12, parsed: 3, withFindings: 2, symlinks: 2 },
    ...overrides,
  };
}

/** An audit that found nothing. */
export function cleanAudit(): AuditResult {
  return { ...auditSample(), findings: [], notes: [], errors: [], sources: new Map(), stats: { files: 10, bytes: 1000, candidates: 0, parsed: 0, withFindings: 0, symlinks: 0 } };
}
