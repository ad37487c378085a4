import { parseSeries } from '../../src/patch/parse-series.js';
import { buildPostImages } from '../../src/patch/post-image.js';
import { reviewSeries, reviewSources } from '../../src/review/review-series.js';
import { sourceKey } from '../../src/review/result.js';
import { mergeResults } from '../../src/review/merge-results.js';
import { fakeReviewer } from '../helpers/fake-reviewer.js';
import { readFixture } from '../helpers/tree.js';

const PATCH = [
  'diff --git a/mm/a.c b/mm/a.c',
  '--- a/mm/a.c',
  '+++ b/mm/a.c',
  '@@ -1,3 +1,4 @@ void f(struct page *page)',
  ' x = page->mem_cgroup;',
  '+y = page->mem_cgroup;',
  ' z = 1;',
  ' w = 2;',
  'diff --git a/README b/README',
  '--- a/README',
  '+++ b/README',
  '@@ -1 +1,2 @@',
  ' text',
  '+page->mem_cgroup',
  '',
].join('\n');

describe('reviewSeries', () => {
  it('keeps findings on added lines, tags them with the patch and notes non-C files', () => {
    const { series } = parseSeries([{ source: 'p', text: PATCH }]);
    const { perPatch } = buildPostImages(series);
    const reviewer = fakeReviewer();
    const result = reviewSeries(reviewer, series, perPatch, { target: 'v5.11' });
    expect(result.findings.map((f) => [f.file, f.line, f.column, f.patch])).toEqual([['mm/a.c', 2, 5, { index: 1, subject: series.patches[0]!.subject }]]);
    expect(result.notes).toEqual([{ file: 'README', patch: { index: 1, subject: series.patches[0]!.subject }, message: 'skipped: not a C file' }]);
    expect(reviewer.seen.map((s) => [s.path, s.headings])).toEqual([['mm/a.c', [{ line: 1, text: 'void f(struct page *page)' }]]]);
    expect(result.linesChecked).toBe(1);
    expect(result.sources.get(sourceKey('mm/a.c', 1))).toBe(perPatch[0]![0]!.text);
    expect(result.patches).toEqual([{ index: 1, total: 1, subject: series.patches[0]!.subject, source: series.patches[0]!.source }]);
  });

  it('sorts findings by patch, file, line and column across a series', () => {
    const { series } = parseSeries([{ source: 'series.mbox', text: readFixture('series.mbox') }]);
    const { perPatch } = buildPostImages(series);
    const result = reviewSeries(fakeReviewer(), series, perPatch, { target: 'v5.11' });
    expect(result.findings.map((f) => `${f.patch!.index} ${f.file}:${f.line}:${f.column}`)).toEqual(['1 mm/page_stats.c:19:6', '1 mm/page_stats.c:25:29']);
  });

  it('turns a reviewer that throws into an error and goes on', () => {
    const { series } = parseSeries([{ source: 'p', text: PATCH.replace('+y = page->mem_cgroup;', '+#error fake-reviewer-crash') }]);
    const { perPatch } = buildPostImages(series);
    const result = reviewSeries(fakeReviewer(), series, perPatch, { target: 'v5.11' });
    expect(result.errors).toEqual(['mm/a.c: review failed: fake crash\nwith a second line']);
    expect(result.findings).toEqual([]);
  });
});

describe('reviewSources', () => {
  it('reviews whole files without a patch ref and counts their lines', () => {
    const result = reviewSources(fakeReviewer(), [
      { path: 'b.c', text: 'a = p->mem_cgroup;\nb = q->mem_cgroup;\n' },
      { path: 'a.c', text: 'c = r->mem_cgroup;' },
    ], { target: 'v6.1' });
    expect(result.findings.map((f) => [f.file, f.line, f.patch])).toEqual([['a.c', 1, undefined], ['b.c', 1, undefined], ['b.c', 2, undefined]]);
    expect(result.linesChecked).toBe(3);
    expect(result.target).toBe('v6.1');
  });

  it('merges with a series review, whole files first', () => {
    const { series } = parseSeries([{ source: 'p', text: PATCH }]);
    const merged = mergeResults('v5.11', [
      reviewSeries(fakeReviewer(), series, buildPostImages(series).perPatch, { target: 'v5.11' }),
      reviewSources(fakeReviewer(), [{ path: 'z.c', text: 'p->mem_cgroup;\n' }], { target: 'v5.11' }),
    ]);
    expect(merged.findings.map((f) => f.file)).toEqual(['z.c', 'mm/a.c']);
    expect(merged.linesChecked).toBe(2);
    expect(merged.sources.size).toBe(2);
  });
});
