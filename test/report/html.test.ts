import { subsystemChart } from '../../src/report/html-chart.js';
import { htmlEscape } from '../../src/report/html-escape.js';
import { formatHtml } from '../../src/report/html.js';
import { auditSample, cleanAudit } from './audit-sample.js';

describe('formatHtml', () => {
  const html = formatHtml(auditSample(), '0.1.0');

  test('one self-contained page: no script, no external asset, a policy that forbids loading any', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|https?:\/\//i);
  });

  test('a chart of the remaining sites per subsystem, largest first, split by fix, the checks kept apart', () => {
    expect(html).toMatch(/<h2>Remaining sites per subsystem<\/h2>\n<svg id="chart"/);
    const bars = [...html.matchAll(/<g class="bar" data-subsystem="([^"]+)" data-total="(\d+)" data-checks="(\d+)">/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
    expect(bars).toEqual([['mm', 3, 1], ['drivers/gpu', 1, 0]]);
    expect(html).toMatch(/<rect class="seg proven"[^>]*><title>mm: 1 errors and warnings with a proven fix<\/title>/);
    // The stale comment (info) is not a red "no fix": it is a grey check.
    expect(html).toMatch(/<rect class="seg none"[^>]*><title>mm: 1 errors and warnings without a fix<\/title>/);
    expect(html).toMatch(/<rect class="seg check"[^>]*><title>mm: 1 checks \(info\), nothing to fix<\/title>/);
    expect(html).toMatch(/<text class="count"[^>]*>2 \+ 1 check<\/text>/);
    expect(html).toMatch(/<rect class="seg conditional"[^>]*><title>drivers\/gpu: 1 errors and warnings with a conditional fix<\/title>/);
  });

  test('header totals by severity, by fix and files; a --fix/--diff hint; a link from each finding to its rule page', () => {
    const totals = Object.fromEntries([...html.matchAll(/<div class="[a-z]+" data-total="([a-z]+)"><dt>[^<]+<\/dt><dd>(\d+)<\/dd><\/div>/g)].map((m) => [m[1], Number(m[2])]));
    expect(totals).toEqual({ error: 2, warning: 1, info: 1, proven: 1, assumed: 0, conditional: 1, none: 1, files: 2 });
    expect(html).toContain('<p class="hint" id="fix-hint">Apply the proven fixes in place with <code>memcg-review audit linux &lt;5.10&gt; --fix</code>, or print them as one patch with <code>--diff</code>.</p>');
    expect(html).toContain('<a class="rule" href="docs/rules/memcg-field-read.md"><code>memcg-field-read</code></a>');
    expect([...html.matchAll(/<a class="rule" href=/g)]).toHaveLength(4);
    expect(formatHtml(auditSample(), '0.1.0', { docsBase: 'file:///opt/memcg-review/docs/rules/' })).toContain('href="file:///opt/memcg-review/docs/rules/stale-comment.md"');
  });

  test('every finding with its excerpt, its fix as a diff and the verdict', () => {
    expect([...html.matchAll(/<article class="finding /g)]).toHaveLength(4);
    expect(html).toContain('<article class="finding error" data-rule="memcg-field-read" data-verdict="proven">');
    expect(html).toContain('<span class="hit"><span class="ln">3 </span>        if (page-&gt;mem_cgroup)</span>');
    expect(html).toContain('<pre class="fix"><span class="del">-        if (page-&gt;mem_cgroup)</span>\n<span class="add">+        if (page_memcg(page))</span></pre>');
    expect(html).toContain('<p class="explanation">proven: page is an LRU page here.</p>');
    expect(html).toContain('<span class="badge nofix">no fix</span>');
    expect(html).toContain('data-verdict="conditional"');
  });

  test('text from the tree is escaped everywhere', () => {
    expect(html).toContain('<title>memcg-review audit of linux &lt;5.10&gt;</title>');
    expect(html).toContain('tests PageKmemcg &lt;by hand&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('return PageKmemcg(p) | &lt;tag&gt; &amp; `x`;');
    expect(html).not.toContain('<tag>');
  });

  test('notes and errors', () => {
    expect(html).toContain('<li><code>mm/latin1.c</code>: not fixed: the file is not valid UTF-8</li>');
    expect(html).toContain('<h2>Errors</h2><ul>\n<li>mm/crash.c: review failed: boom</li>');
  });

  test('a clean tree: no chart, a clear line', () => {
    const clean = formatHtml(cleanAudit(), '0.1.0');
    expect(clean).not.toContain('<svg');
    expect(clean).toContain('<p class="empty" id="no-findings">No open-coded memcg accesses found.</p>');
  });
});

test('subsystemChart scales the longest bar to the plot and labels every bar with its count', () => {
  const svg = subsystemChart([
    { key: 'a', total: 10, severity: { error: 10, warning: 0, info: 0 }, proven: 10, assumed: 0, conditional: 0 },
    { key: 'b<', total: 5, severity: { error: 5, warning: 0, info: 0 }, proven: 0, assumed: 0, conditional: 0 },
  ]);
  expect(svg).toContain('<rect class="seg proven" x="190.0" y="8" width="520.0" height="22">');
  expect(svg).toContain('<rect class="seg none" x="190.0" y="38" width="260.0" height="22">');
  expect(svg).toContain('data-subsystem="b&lt;"');
  expect(svg).toMatch(/<text class="count" x="716\.0"[^>]*>10<\/text>/);
});

test('htmlEscape', () => {
  expect(htmlEscape(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});
