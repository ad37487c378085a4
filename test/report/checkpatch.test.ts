import { formatCheckpatch } from '../../src/report/checkpatch.js';
import type { PatchLocations } from '../../src/report/patch-locations.js';
import { sampleResult } from './sample.js';

const locations: PatchLocations = new Map([
  [1, { lines: new Map([['mm/page_stats.c:3', 21]]), linesChecked: 4 }],
  [2, { lines: new Map(), linesChecked: 2 }],
]);

/** checkpatch's header over each of several files: the name between two rules as long as it. */
const header = (name: string) => ['-'.repeat(name.length), name, '-'.repeat(name.length)];

describe('formatCheckpatch', () => {
  it('prints each file and patch as checkpatch.pl prints a file: reports, total, verdict, a header each', () => {
    expect(formatCheckpatch(sampleResult(), { locations })).toBe(
      [
        ...header('mm/legacy.c'),
        'ERROR:MEMCG_OPEN_CODED_READ: open-coded read of p->mem_cgroup',
        'FILE: mm/legacy.c:3:',
        '+\treturn p->mem_cgroup != NULL;',
        '',
        'CHECK:MEMCG_OPEN_CODED_READ: comparison with NULL',
        'FILE: mm/legacy.c:3:',
        '+\treturn p->mem_cgroup != NULL;',
        '',
        'total: 1 errors, 0 warnings, 1 checks, 4 lines checked',
        '',
        'mm/legacy.c has open-coded memcg accesses, please review.',
        ...header('[PATCH 1/2] mm: count charged pages'),
        'WARNING:MEMCG_OPEN_CODED_READ: open-coded read of page->mem_cgroup; use page_memcg()',
        '#21: FILE: mm/page_stats.c:3:',
        '+\tif (page->mem_cgroup)',
        '',
        'total: 0 errors, 1 warnings, 0 checks, 4 lines checked',
        '',
        'NOTE: Documentation/mm/page_stats.rst: skipped: not a C file',
        '',
        'NOTE: memcg-review can apply the proposed fixes with --fix, or print them with --diff.',
        '',
        '[PATCH 1/2] mm: count charged pages has open-coded memcg accesses, please review.',
        ...header('[PATCH 2/2] mm: export the count'),
        'total: 0 errors, 0 warnings, 0 checks, 2 lines checked',
        '',
        '[PATCH 2/2] mm: export the count has no open-coded memcg accesses and is ready for submission.',
        'NOTE: a second cover letter was ignored',
        '',
      ].join('\n'),
    );
  });

  it('--terse: one line per report, NAME:LINE: in front (the patch line for a patch), no header, no verdict, nothing for a clean file', () => {
    const result = sampleResult();
    result.patches = result.patches!.map((p) => ({ ...p, source: `000${p.index}-x.patch` }));
    expect(formatCheckpatch(result, { locations, style: { terse: true } })).toBe(
      [
        'mm/legacy.c:3: ERROR:MEMCG_OPEN_CODED_READ: open-coded read of p->mem_cgroup',
        'mm/legacy.c:3: CHECK:MEMCG_OPEN_CODED_READ: comparison with NULL',
        'total: 1 errors, 0 warnings, 1 checks, 4 lines checked',
        '0001-x.patch:21: WARNING:MEMCG_OPEN_CODED_READ: open-coded read of page->mem_cgroup; use page_memcg()',
        'total: 0 errors, 1 warnings, 0 checks, 4 lines checked',
        '',
      ].join('\n'),
    );
    expect(formatCheckpatch(result, { locations, style: { terse: true, summary: false } })).not.toContain('total:');
  });

  it('--emacs keeps the full report with NAME:LINE: in front; --showfile puts FILE:LINE: there and drops the #N line', () => {
    const result = sampleResult();
    result.findings = result.findings.filter((f) => f.patch);
    result.sources.delete('0:mm/legacy.c');
    result.patches = [{ index: 1, total: 1, subject: 'mm: count charged pages', source: '-' }];
    expect(formatCheckpatch(result, { locations, style: { emacs: true } }).split('\n').slice(0, 4)).toEqual([
      '-:21: WARNING:MEMCG_OPEN_CODED_READ: open-coded read of page->mem_cgroup; use page_memcg()',
      '#21: FILE: mm/page_stats.c:3:',
      '+\tif (page->mem_cgroup)',
      '',
    ]);
    expect(formatCheckpatch(result, { locations, style: { showFile: true } }).split('\n').slice(0, 3)).toEqual([
      'mm/page_stats.c:3: WARNING:MEMCG_OPEN_CODED_READ: open-coded read of page->mem_cgroup; use page_memcg()',
      '+\tif (page->mem_cgroup)',
      '',
    ]);
    expect(formatCheckpatch(result, { locations })).toContain('\nYour patch has open-coded memcg accesses, please review.\n');
  });

  it('names commits as checkpatch --git does, and the rule selection in closing notes', () => {
    const result = sampleResult();
    result.findings = [];
    result.sources.clear();
    result.notes = [];
    result.patches = [{ index: 1, total: 1, subject: 'mm: count charged pages', source: '0123456789abcdef0123456789abcdef01234567' }];
    expect(formatCheckpatch(result, { locations, git: true, ignored: ['stale-comment'], used: ['memcg-field-read'] })).toBe(
      [
        'total: 0 errors, 0 warnings, 0 checks, 4 lines checked',
        '',
        'NOTE: Used message types: MEMCG_FIELD_READ',
        '',
        'NOTE: Ignored message types: STALE_COMMENT',
        '',
        'Commit 0123456789ab ("mm: count charged pages") has no open-coded memcg accesses and is ready for submission.',
        '',
      ].join('\n'),
    );
  });

  it('says when the review failed, in every variant', () => {
    const result = sampleResult();
    result.errors = ['mm/legacy.c: review failed: boom'];
    expect(formatCheckpatch(result, { locations, style: { terse: true } })).toMatch(/\nERROR: memcg-review failed: mm\/legacy\.c: review failed: boom\n$/);
  });
});
