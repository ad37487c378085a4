import { describe, expect, it } from '@jest/globals';
import { annotationBatches, annotationFor, ANNOTATIONS_PER_REQUEST } from '../../src/app/annotations.js';
import { findingAt, resultWith } from './sample-result.js';

describe('annotations', () => {
  it('map a finding to GitHub levels, lines, columns, the commit and the fix', () => {
    const f = findingAt('page->mem_cgroup', { fixTo: 'page_memcg_check(page)', patch: 1 });
    const a = annotationFor(resultWith([f]), f);
    expect(a).toMatchObject({ path: f.file, start_line: 5, end_line: 5, start_column: 10, end_column: 25, annotation_level: 'failure', title: 'memcg-review: memcg-field-read' });
    expect(a.message).toContain('Introduced by [PATCH 1/2] patch 1 (aaaaaaa).');
    expect(a.message).toContain('Fix (proven): memcg = page_memcg_check(page);');
    expect(annotationFor(resultWith([f]), { ...f, severity: 'warning' }).annotation_level).toBe('warning');
    expect(annotationFor(resultWith([f]), { ...f, severity: 'info' }).annotation_level).toBe('notice');
  });

  it('leave columns out of a multi-line annotation', () => {
    const f = { ...findingAt('page->mem_cgroup'), endLine: 6, endColumn: 4 };
    const a = annotationFor(resultWith([f]), f);
    expect(a).toMatchObject({ start_line: 5, end_line: 6 });
    expect(a.start_column).toBeUndefined();
  });

  it('come in batches of at most 50', () => {
    const f = findingAt('page->mem_cgroup');
    const many = Array.from({ length: 120 }, (_, i) => ({ ...f, line: i + 1 }));
    const batches = annotationBatches(resultWith(many));
    expect(batches.map((b) => b.length)).toEqual([ANNOTATIONS_PER_REQUEST, ANNOTATIONS_PER_REQUEST, 20]);
    expect(annotationBatches(resultWith([]))).toEqual([]);
  });
});
