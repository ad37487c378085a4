import { loadCParser } from '../../src/c/parser.js';
import { withdrawBreakingFixes } from '../../src/pipeline/withdraw-breaking-fixes.js';
import type { Finding } from '../../src/types.js';

const TEXT = 'int a(struct page *p)\n{\n\treturn f(p->x);\n}\n\nint b(struct page *p)\n{\n\treturn g(p->y);\n}\nint top = h(q->z);\n';

function finding(needle: string, replacement: string): Finding {
  const start = TEXT.indexOf(needle);
  const end = start + needle.length;
  return {
    ruleId: 'r', severity: 'error', file: 'x.c', message: 'm', confidence: 'high', start, end, line: 1, column: 1, endLine: 1, endColumn: 1,
    fix: { edits: [{ start, end, text: replacement }], verdict: 'proven', explanation: '' },
  };
}

const regions = [
  { start: 0, end: TEXT.indexOf('}\n') + 1 },
  { start: TEXT.indexOf('int b'), end: TEXT.lastIndexOf('}') + 1 },
];

describe('withdrawBreakingFixes', () => {
  it('keeps fixes that parse and withdraws, in functions and at file level, those that add syntax errors', async () => {
    const parser = await loadCParser();
    const good = [finding('p->x', 'page_memcg(p)'), finding('q->z', 'k(q)')];
    const bad = [finding('p->y', 'page_memcg(p'), finding('h(q->z)', 'h((q->z)')];
    const all = [good[0]!, bad[0]!, good[1]!, bad[1]!];
    withdrawBreakingFixes(parser, TEXT, 0, regions, all);
    expect(all.map((f) => !!f.fix)).toEqual([true, false, true, false]);
  });

  it('judges a fix against the errors its function already had', async () => {
    const parser = await loadCParser();
    const broken = 'int a(struct page *p)\n{\n\treturn f(p->x;\n}\n';
    const start = broken.indexOf('p->x');
    const f: Finding = { ...finding('p->x', ''), start, end: start + 4, fix: { edits: [{ start, end: start + 4, text: 'page_memcg(p)' }], verdict: 'proven', explanation: '' } };
    withdrawBreakingFixes(parser, broken, 1, [{ start: 0, end: broken.length - 1 }], [f]);
    expect(f.fix).toBeDefined();
  });
});

describe('fixes that break the parse only together', () => {
  it('keeps the first and withdraws the one that breaks it with it', async () => {
    const parser = await loadCParser();
    const text = 'int a(int x)\n{\n\tf(1);\n\tg(2);\n}\n';
    const at = (needle: string, replacement: string): Finding => {
      const start = text.indexOf(needle);
      return { ...finding('p->x', ''), start, end: start + needle.length, fix: { edits: [{ start, end: start + needle.length, text: replacement }], verdict: 'proven', explanation: '' } };
    };
    // Each parses alone (`if (x) g(2);`, and f(1); alone); together an if has no statement.
    const open = at('f(1);', 'if (x)');
    const close = at('g(2);', '');
    withdrawBreakingFixes(parser, text, 0, [{ start: 0, end: text.length - 1 }], [open, close]);
    expect([!!open.fix, !!close.fix]).toEqual([true, false]);
  });
});
