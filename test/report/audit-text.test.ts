import { formatAuditText } from '../../src/report/audit-text.js';
import { auditSample, cleanAudit } from './audit-sample.js';

test('the counts, a table per folder and per rule, then the findings in checkpatch layout', () => {
  const text = formatAuditText(auditSample());
  expect(text.split('\n').slice(0, 3)).toEqual([
    'tree: linux <5.10>',
    'target: v5.11',
    'files: 1000 C files (2.5 MB) scanned, 12 through the prefilter, 3 parsed, 2 with findings',
  ]);
  expect(text).toContain(
    [
      'directory        errors  warnings    checks    proven   assumed     cond.',
      'drivers/gpu           0         1         0         0         0         1',
      'mm                    2         0         1         1         0         0',
    ].join('\n'),
  );
  expect(text).toContain(
    [
      'rule                   errors  warnings    checks    proven   assumed     cond.',
      'memcg-field-read            1         0         0         1         0         0',
      'memcg-field-write           1         0         0         0         0         0',
      'page-kmemcg                 0         1         0         0         0         1',
      'stale-comment               0         0         1         0         0         0',
    ].join('\n'),
  );
  expect(text).toContain('mm/page_stats.c:3: ERROR: open-coded read of page->mem_cgroup; use page_memcg()\n \tif (page->mem_cgroup)\n \t    ^~~~~~~~~~~~~~~~\n  fix (proven): if (page_memcg(page))');
  expect(text).toContain('drivers/gpu/pool.c:3: WARNING: tests PageKmemcg');
  expect(text).toContain('error: mm/crash.c: review failed: boom');
  expect(text).toMatch(/total: 2 errors, 1 warnings, 1 checks, 11 lines checked\nverdict: review incomplete, see the errors above.\n$/);
});

test('with fixes: says what was applied and that the findings are what remains', () => {
  const text = formatAuditText(auditSample({ fixes: { mode: 'fix', files: ['mm/a.c'], applied: 3 } }));
  expect(text).toContain('fixes: 3 proven fixes applied, 1 file changed; the findings below are what remains');
});

test('a clean tree: no tables, the clean verdict', () => {
  const text = formatAuditText(cleanAudit());
  expect(text).not.toContain('directory');
  expect(text).toMatch(/verdict: no open-coded memcg accesses found.\n$/);
});

test('with --target auto: the evidence', () => {
  const text = formatAuditText(auditSample({ detected: { target: 'v5.11', evidence: 'include/linux/memcontrol.h defines page_memcg_check()' } }));
  expect(text).toContain('target: v5.11 (detected: include/linux/memcontrol.h defines page_memcg_check())');
});
