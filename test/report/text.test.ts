import { formatText } from '../../src/report/text.js';
import { emptyResult, sourceKey } from '../../src/review/result.js';
import { findingAt } from '../helpers/findings.js';
import { sampleResult } from './sample.js';

describe('formatText', () => {
  it('writes checkpatch-style lines with carets, fixes, patch headings, notes, total and verdict', () => {
    expect(formatText(sampleResult())).toBe(
      [
        'mm/legacy.c:3: ERROR: open-coded read of p->mem_cgroup',
        ' \treturn p->mem_cgroup != NULL;',
        ' \t       ^~~~~~~~~~~~~',
        'mm/legacy.c:3: CHECK: comparison with NULL',
        ' \treturn p->mem_cgroup != NULL;',
        ' \t                        ^~~~',
        'NOTE: a second cover letter was ignored',
        '',
        '[PATCH 1/2] mm: count charged pages',
        'mm/page_stats.c:3: WARNING: open-coded read of page->mem_cgroup; use page_memcg()',
        '+\tif (page->mem_cgroup)',
        ' \t    ^~~~~~~~~~~~~~~~',
        '  fix (proven): if (page_memcg(page))',
        '  page is an LRU page here.',
        'NOTE: Documentation/mm/page_stats.rst: skipped: not a C file',
        '',
        '[PATCH 2/2] mm: export the count',
        '',
        'total: 1 errors, 1 warnings, 1 checks, 9 lines checked',
        'verdict: open-coded memcg accesses found, please review.',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing was found', () => {
    expect(formatText({ ...emptyResult('v6.1'), linesChecked: 12 })).toBe(
      'total: 0 errors, 0 warnings, 0 checks, 12 lines checked\nverdict: no open-coded memcg accesses found.\n',
    );
  });

  it('lists review errors and calls the review incomplete', () => {
    expect(formatText({ ...emptyResult('v5.11'), errors: ['mm/x.c: review failed: boom'] })).toBe(
      'error: mm/x.c: review failed: boom\n\ntotal: 0 errors, 0 warnings, 0 checks, 0 lines checked\nverdict: review incomplete, see the errors above.\n',
    );
  });

  it('shows multi-line fixes and deletions on one line and carets to the end of the first line', () => {
    const text = 'a = page->mem_cgroup->css;\n__ClearPageKmemcg(page);\nb = 1;\n';
    const span = findingAt(text, 'page->mem_cgroup->css;\n__Clear', {
      file: 'x.c',
      fix: { edits: [{ start: 4, end: 20, text: 'page_memcg(page)' }, { start: 27, end: 52, text: '' }], verdict: 'conditional', explanation: '' },
    });
    const drop = findingAt(text, '__ClearPageKmemcg(page);\n', { file: 'x.c', replace: '', severity: 'info' });
    const out = formatText({ ...emptyResult('v5.11'), findings: [span, drop], sources: new Map([[sourceKey('x.c'), text]]) });
    expect(out).toContain('x.c:1: WARNING: open-coded read of page->mem_cgroup; use page_memcg()\n a = page->mem_cgroup->css;\n     ^~~~~~~~~~~~~~~~~~~~~~\n  fix (conditional): a = page_memcg(page)->css;\n');
    expect(out).toContain('x.c:2: CHECK: open-coded read of page->mem_cgroup; use page_memcg()\n __ClearPageKmemcg(page);\n ^~~~~~~~~~~~~~~~~~~~~~~~\n  fix (proven): (removes the code)\n');
  });
});

describe('formatText of a plain diff', () => {
  it('names the input where a patch has no subject', () => {
    const text = formatText({ ...emptyResult('v5.11'), patches: [{ index: 1, total: 1, subject: '', source: '-' }] });
    expect(text.split('\n')[0]).toBe('[PATCH 1/1] (no subject: a plain diff from stdin)');
  });
});
