import { formatMarkdown } from '../../src/report/markdown.js';
import { mdBlock, mdCode, mdEscape } from '../../src/report/markdown-escape.js';
import { auditSample, cleanAudit } from './audit-sample.js';

describe('formatMarkdown', () => {
  const md = formatMarkdown(auditSample());

  test('a title, the counts, tables per subsystem and per rule', () => {
    expect(md.startsWith('# memcg-review audit of `linux <5.10>`\n\n- tree: linux \\<5.10\\>\n- target: v5.11\n')).toBe(true);
    expect(md).toContain(
      [
        '## Remaining sites per subsystem',
        '',
        '| subsystem | errors | warnings | checks | proven fixes | assumed fixes | conditional fixes |',
        '|---|---:|---:|---:|---:|---:|---:|',
        '| `drivers/gpu` | 0 | 1 | 0 | 0 | 0 | 1 |',
        '| `mm` | 2 | 0 | 1 | 1 | 0 | 0 |',
      ].join('\n'),
    );
    expect(md).toContain('| `memcg-field-write` | 1 | 0 | 0 | 0 | 0 | 0 |');
  });

  test('each file folded, each finding with its excerpt, its fix as a diff and the verdict', () => {
    expect(md).toContain('<details open>\n<summary><code>mm/page_stats.c</code>: 3 findings</summary>');
    expect(md).toContain(
      [
        '**ERROR** `memcg-field-read` at line 3, column 6: open-coded read of page-\\>mem\\_cgroup; use page\\_memcg()',
        '',
        '```c',
        '1  void f(struct page *page)',
        '2  {',
        '3>         if (page->mem_cgroup)',
        '4                  count++;',
        '5          page->mem_cgroup = NULL;',
        '```',
        '',
        'Fix (**proven**): page is an LRU page here.',
        '',
        '```diff',
        '-        if (page->mem_cgroup)',
        '+        if (page_memcg(page))',
        '```',
      ].join('\n'),
    );
    expect(md).toContain('_No fix offered: this one needs a person._');
    expect(md).toContain('Fix (**conditional**): holds unless the page is a slab page');
  });

  test('markup in messages and code cannot break out', () => {
    expect(md).toContain('tests PageKmemcg \\<by hand\\> & "quotes"');
    expect(md).toContain('3>         return PageKmemcg(p) | <tag> & `x`;');
  });

  test('notes and errors', () => {
    expect(md).toContain('## Notes\n\n- `mm/latin1.c`: not fixed: the file is not valid UTF-8\n- 2 symbolic links not followed\n');
    expect(md).toContain('## Errors\n\n- mm/crash.c: review failed: boom\n');
  });

  test('a clean tree says so', () => {
    expect(formatMarkdown(cleanAudit())).toContain('No open-coded memcg accesses found.');
  });
});

describe('Markdown escaping', () => {
  test('mdEscape escapes markup and joins lines', () => {
    expect(mdEscape('a_b *c* <d> | `e` #f\nnext')).toBe('a\\_b \\*c\\* \\<d\\> \\| \\`e\\` \\#f next');
  });
  test('mdCode takes a longer backtick run than the text holds', () => {
    expect(mdCode('x')).toBe('`x`');
    expect(mdCode('a `b` c')).toBe('``a `b` c``');
    expect(mdCode('`x')).toBe('`` `x ``');
  });
  test('mdBlock takes a longer fence than any line holds', () => {
    expect(mdBlock('c', ['int x;'])).toBe('```c\nint x;\n```');
    expect(mdBlock('', ['```', 'x'])).toBe('````\n```\nx\n````');
  });
});
