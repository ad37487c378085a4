import { loadCParser, type SyntaxNode } from '../../src/c/parser.js';
import { ReviewContext } from '../../src/c/review-context.js';
import { ReviewLimitError } from '../../src/c/source-analysis.js';
import { reviewWith } from '../../src/review/reviewer.js';
import type { Rule, RuleContext } from '../../src/rules/rule.js';
import { DEFAULT_OPTIONS } from '../../src/types.js';

const parser = await loadCParser();
const tree = parser.parse('void f(void)\n{\n\tif (x)\n\t\ty = 1;\n}\n');
const root = tree.rootNode;
const ifStmt = root.descendantsOfType('if_statement')[0]!;
const assign = root.descendantsOfType('assignment_expression')[0]!;

afterAll(() => tree.delete());

describe('ReviewContext', () => {
  it('gives the recorded parent of a node, else the tree\'s', () => {
    const recorded = new ReviewContext(new Map<number, SyntaxNode>([[assign.id, root]]));
    expect(recorded.parentOf(assign)?.id).toBe(root.id);
    expect(new ReviewContext(new Map()).parentOf(assign)?.id).toBe(assign.parent!.id);
  });

  it('computes a value once per node and kind, in its own table', () => {
    const a = new ReviewContext(new Map());
    const b = new ReviewContext(new Map());
    let calls = 0;
    const count = () => ++calls;
    expect(a.perNode('k', ifStmt, count)).toBe(1);
    expect(a.perNode('k', ifStmt, count)).toBe(1);
    expect(a.perNode('other', ifStmt, count)).toBe(2);
    expect(b.perNode('k', ifStmt, count)).toBe(3);
    expect(a.perNode('k', ifStmt, count)).toBe(1);
  });

  it('throws a review-time limit past its deadline, and never without one', () => {
    expect(() => ReviewContext.start(new Map(), 'mm/a.c', 50, Date.now() - 100).checkDeadline()).toThrow(ReviewLimitError);
    expect(() => ReviewContext.start(new Map(), 'mm/a.c', 50, Date.now() - 100).checkDeadline()).toThrow('mm/a.c: not reviewed: the review took longer than 50 ms');
    expect(() => ReviewContext.start(new Map(), 'mm/a.c', 60_000).checkDeadline()).not.toThrow();
    expect(() => new ReviewContext(new Map()).checkDeadline()).not.toThrow();
  });
});

describe('a review started inside another', () => {
  const OUTER = { path: 'mm/outer.c', text: 'void outer(struct page *page)\n{\n\tuse(page->mem_cgroup);\n}\n' };
  const INNER = { path: 'mm/inner.c', text: 'void inner(struct page *page)\n{\n\tif (page->mem_cgroup)\n\t\tuse(page);\n}\n' };

  it('has its own context: the outer review\'s parents, memo and deadline are the same after it', () => {
    const seen: { path: string; reviewContext: RuleContext['reviewContext']; parent: string | undefined; memo: number }[] = [];
    const probe: Rule = {
      meta: { id: 'probe', severity: 'info', description: 'probe', docs: 'probe', fixable: false },
      check(ctx) {
        const access = ctx.accesses[0]!.node;
        const before = ctx.reviewContext.perNode('probe', access, () => seen.length);
        if (ctx.src.path === OUTER.path) reviewWith(parser, [probe], INNER, { ...DEFAULT_OPTIONS, limits: { maxBytes: 1 << 20, maxParseMillis: 10_000, maxReviewMillis: 60_000 } });
        seen.push({ path: ctx.src.path, reviewContext: ctx.reviewContext, parent: ctx.reviewContext.parentOf(access)?.type, memo: ctx.reviewContext.perNode('probe', access, () => -1) });
        expect(ctx.reviewContext.perNode('probe', access, () => -1)).toBe(before);
        ctx.reviewContext.checkDeadline();
      },
    };
    reviewWith(parser, [probe], OUTER, { ...DEFAULT_OPTIONS, limits: { maxBytes: 1 << 20, maxParseMillis: 10_000, maxReviewMillis: 120_000 } });
    expect(seen.map((s) => [s.path, s.parent, s.memo])).toEqual([
      ['mm/inner.c', 'parenthesized_expression', 0],
      ['mm/outer.c', 'argument_list', 0],
    ]);
    expect(seen[0]!.reviewContext).not.toBe(seen[1]!.reviewContext);
    expect(seen.map((s) => [s.reviewContext.deadline?.path, s.reviewContext.deadline?.millis])).toEqual([
      ['mm/inner.c', 60_000],
      ['mm/outer.c', 120_000],
    ]);
  });
});
