import { describe, expect, it } from '@jest/globals';
import { fenceFor, fixedLines } from '../../src/app/fix-text.js';
import { rangeFits, reviewCommentFor } from '../../src/app/review-comment.js';
import { allCommentable, findingAt, resultWith, SOURCE } from './sample-result.js';

const FP = '0123456789abcdef';

describe('fixedLines', () => {
  it('gives the whole lines a fix touches, after the fix', () => {
    const f = findingAt('page->mem_cgroup', { fixTo: 'page_memcg_check(page)' });
    expect(fixedLines(SOURCE, f.fix!)).toEqual({ startLine: 5, endLine: 5, text: '\tmemcg = page_memcg_check(page);' });
  });

  it('treats a deleted whole line as that line only, leaving nothing', () => {
    const line = '\tif (memcg && (unsigned long)memcg & 0x1UL)\n\t\tmemcg = NULL;\n';
    const f = findingAt('(unsigned long)memcg & 0x1UL', { fixFrom: line, fixTo: '' });
    expect(fixedLines(SOURCE, f.fix!)).toEqual({ startLine: 6, endLine: 7, text: '' });
  });

  it('fences with more backticks than the text has', () => {
    expect(fenceFor('a ``` b')).toBe('````');
    expect(fenceFor('plain')).toBe('```');
  });
});

describe('reviewCommentFor', () => {
  it('puts a proven fix in a suggestion block on the finding line, with the marker and the commit', () => {
    const f = findingAt('page->mem_cgroup', { fixTo: 'page_memcg_check(page)', patch: 2 });
    const c = reviewCommentFor(resultWith([f]), f, allCommentable(), FP)!;
    expect(c).toMatchObject({ path: f.file, line: 5, side: 'RIGHT' });
    expect(c.start_line).toBeUndefined();
    expect(c.body).toContain('```suggestion\n\tmemcg = page_memcg_check(page);\n```');
    expect(c.body).toContain('Introduced by [PATCH 2/2] patch 2 (bbbbbbb).');
    expect(c.body).toContain(`<!-- memcg-review:fp=${FP} -->`);
  });

  it('spans start_line..line when the proven fix rewrites several lines', () => {
    const two = '\tif (memcg && (unsigned long)memcg & 0x1UL)\n\t\tmemcg = NULL;';
    const f = findingAt('(unsigned long)memcg & 0x1UL', { ruleId: 'tag-trick', fixFrom: two, fixTo: '\t/* gone */' });
    const c = reviewCommentFor(resultWith([f]), f, allCommentable(), FP)!;
    expect(c).toMatchObject({ start_line: 6, start_side: 'RIGHT', line: 7 });
    expect(c.body).toContain('```suggestion\n\t/* gone */\n```');
  });

  it('offers a conditional fix as plain code, never as a suggestion', () => {
    const f = findingAt('page->mem_cgroup', { fixTo: 'page_memcg(page)', verdict: 'conditional' });
    const c = reviewCommentFor(resultWith([f]), f, allCommentable(), FP)!;
    expect(c.body).not.toContain('suggestion');
    expect(c.body).toContain('Possible fix (conditional)');
    expect(c.body).toContain('```c\n\tmemcg = page_memcg(page);\n```');
  });

  it('offers an assumed fix as a suggestion that states its assumption', () => {
    const f = findingAt('page->mem_cgroup', { fixTo: 'page_memcg(page)', verdict: 'assumed' });
    f.fix!.explanation = 'page_memcg() matches page->mem_cgroup and trips no VM_BUG_ON if the page is a user/LRU page, as `mem_cgroup_charge()` suggests';
    const c = reviewCommentFor(resultWith([f]), f, allCommentable(), FP)!;
    expect(c.body).toContain('```suggestion\n\tmemcg = page_memcg(page);\n```');
    expect(c.body).toContain('Suggested fix (assumed, not proven: accept it only if the assumption holds): page_memcg() matches page->mem_cgroup and trips no VM_BUG_ON if the page is a user/LRU page, as `mem_cgroup_charge()` suggests');
    expect(c.body).not.toContain('Fix (proven)');
  });

  it('drops the suggestion when the rewritten lines are not all in one hunk', () => {
    const two = '\tif (memcg && (unsigned long)memcg & 0x1UL)\n\t\tmemcg = NULL;';
    const f = findingAt('(unsigned long)memcg & 0x1UL', { fixFrom: two, fixTo: '' });
    const split = new Map([[6, 0], [7, 1]]);
    const c = reviewCommentFor(resultWith([f]), f, split, FP)!;
    expect(c.line).toBe(6);
    expect(c.start_line).toBeUndefined();
    expect(c.body).not.toContain('```suggestion');
  });

  it('gives no comment for a line outside the diff', () => {
    const f = findingAt('page->mem_cgroup', { fixTo: 'page_memcg_check(page)' });
    expect(reviewCommentFor(resultWith([f]), f, new Map([[1, 0]]), FP)).toBeNull();
  });

  it('checks ranges hunk by hunk', () => {
    expect(rangeFits(new Map([[1, 0], [2, 0]]), 1, 2)).toBe(true);
    expect(rangeFits(new Map([[1, 0], [3, 0]]), 1, 3)).toBe(false);
  });
});
