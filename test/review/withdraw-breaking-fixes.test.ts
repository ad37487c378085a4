import { loadCParser } from '../../src/c/parser.js';
import { withdrawBreakingFixes } from '../../src/review/withdraw-breaking-fixes.js';
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
