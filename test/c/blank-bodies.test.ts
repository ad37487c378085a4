import { blank, blankableBodies, rangesAround } from '../../src/c/blank-bodies.js';
import { loadCParser, type SyntaxNode } from '../../src/c/parser.js';
import { analyzeSource, blocksParsed, parseReviewed, RELEVANT } from '../../src/c/source-analysis.js';
import { LineIndex } from '../../src/text/line-index.js';
import { MEMCG_CALLS } from '../../src/model/helper-names.js';
import { DEFAULT_OPTIONS } from '../../src/types.js';

/** The text of each blankable span. */
const bodies = (text: string) => blankableBodies(text, RELEVANT).map(([s, e]) => text.slice(s, e));

const FILE = `/* a { in a comment */
struct mem_cgroup;
struct page { unsigned long flags; struct mem_cgroup *mem_cgroup; };
static const int table[] = { 1, 2 };

static int quiet(int a)
{
\tconst char *s = "}{";
\tchar c = '}';
\treturn a + s[0] + c; // }
}

static struct mem_cgroup *loud(struct page *page)
{
\treturn page->mem_cgroup;
}

int with_directive(int a)
{
#ifdef CONFIG_X
\ta++;
#endif
\treturn a;
}

SYSCALL_DEFINE1(nap, int, n)
{
\treturn n;
}
`;

describe('blankableBodies', () => {
  test('the bodies of functions with no relevant token, after a ) at file level; not structs, initializers or relevant ones', () => {
    expect(bodies(FILE)).toEqual([
      `\n\tconst char *s = "}{";\n\tchar c = '}';\n\treturn a + s[0] + c; // }\n`,
      '\n#ifdef CONFIG_X\n\ta++;\n#endif\n\treturn a;\n',
      '\n\treturn n;\n',
    ]);
  });

  test('a body whose conditionals leave the braces as they found them in every branch is blanked', () => {
    const text = [
      'int f(int a)', '{', '#if defined(A)', '\tif (a) {', '\t\ta++;', '\t}', '#elif B', '\ta--;', '#else', '# ifdef C', '\t{ a = 0; }', '# endif', '#endif', '#define LOCAL 1', '\treturn a;', '}', '',
    ].join('\n');
    expect(bodies(text)).toEqual([text.slice(text.indexOf('{') + 1, text.lastIndexOf('}'))]);
  });

  test.each([
    ['a branch that leaves a brace open', 'int f(int a)\n{\n#ifdef X\n\tif (a) {\n#endif\n\t\ta++;\n#ifdef X\n\t}\n#endif\n\treturn a;\n}\n'],
    ['a branch that closes a brace it did not open', 'int f(int a)\n{\n\tif (a) {\n#ifdef X\n\t}\n\tif (a) {\n#endif\n\t}\n\treturn a;\n}\n'],
    ['a conditional left open in the body', 'int f(int a)\n{\n#ifdef X\n\treturn a;\n}\n#endif\n'],
    ['a conditional opened before the body', '#ifdef X\nint f(int a)\n{\n#else\nint f(long a)\n{\n#endif\n\treturn a;\n}\n'],
  ])('a body is kept on %s', (_, text) => {
    expect(bodies(text).filter((b) => b.includes('return a'))).toEqual([]);
  });

  test.each([
    ['an unbalanced }', 'int f(void) { return 0; } }\nint g(void) { return 1; }\n'],
    ['an unbalanced {', 'int f(void) { return 0;\nint g(void) { return 1; }\n'],
    ['an open comment', 'int f(void) { return 0; }\n/* never closed\n'],
    ['an open string', 'int f(void) { return 0; }\nconst char *s = "abc\n;\n'],
  ])('gives up on the whole file on %s', (_, text) => {
    expect(blankableBodies(text, RELEVANT)).toEqual([]);
  });

  test('blanking keeps length, offsets and line breaks', () => {
    const spans = blankableBodies(FILE, RELEVANT);
    const out = blank(FILE, spans);
    expect(out.length).toBe(FILE.length);
    expect(out.split('\n').length).toBe(FILE.split('\n').length);
    expect(out.indexOf('page->mem_cgroup')).toBe(FILE.indexOf('page->mem_cgroup'));
    expect(out).not.toContain('"}{"');
    expect(out.slice(spans[0]![0], spans[0]![1]).trim()).toBe('');
  });
});

describe('analyzeSource', () => {
  test('parses the blanked text; the relevant function and the heads of the others are as in the file', async () => {
    const parser = await loadCParser();
    const src = analyzeSource(parser, { path: 'x.c', text: FILE }, DEFAULT_OPTIONS, MEMCG_CALLS);
    try {
      expect(src.parsedText).toBe(blank(FILE, blankableBodies(FILE, RELEVANT)));
      expect(src.parsedText).not.toBe(FILE);
      expect(src.text).toBe(FILE);
      expect(src.indexes[0]!.memcgFields.map((n) => n.text)).toEqual(['page->mem_cgroup']);
      expect(src.indexes[0]!.functions.map((f) => f.childForFieldName('declarator')!.text)).toEqual([
        'quiet(int a)', '*loud(struct page *page)', 'with_directive(int a)',
      ]);
    } finally {
      src.dispose();
    }
  });

  test('a span the parse does not give back as one block fails the check (the file is then parsed whole)', async () => {
    const parser = await loadCParser();
    const spans = blankableBodies(FILE, RELEVANT);
    const tree = parser.parse(blank(FILE, spans));
    try {
      expect(blocksParsed(tree.rootNode, spans)).toBe(true);
      expect(blocksParsed(tree.rootNode, [[spans[0]![0] + 1, spans[0]![1]]])).toBe(false);
      expect(blocksParsed(tree.rootNode, [[FILE.indexOf('{ 1, 2 }') + 1, FILE.indexOf('{ 1, 2 }') + 7]])).toBe(false);
    } finally {
      tree.delete();
    }
  });
});

describe('rangesAround and blank', () => {
  test('parsing the text within the ranges around the spans gives the tree of the blanked text, node for node', async () => {
    const parser = await loadCParser();
    const text = `const char *s = "é😀";\r\n${FILE}`;
    const spans = blankableBodies(text, RELEVANT);
    expect(spans.length).toBe(3);
    const lines = text.split('\n');
    const position = (offset: number) => {
      const before = text.slice(0, offset).split('\n');
      return { row: before.length - 1, column: before[before.length - 1]!.length };
    };
    expect(lines.length).toBeGreaterThan(10);
    const skipped = parser.parseWithin(text, Date.now() + 10_000, rangesAround(spans, text.length, position))!;
    const blanked = parser.parse(blank(text, spans));
    try {
      const shape = (n: SyntaxNode): string[] => [`${n.type} ${n.startIndex}-${n.endIndex} ${n.startPosition.row}:${n.startPosition.column}`, ...n.children.flatMap((c) => shape(c!))];
      expect(shape(skipped.rootNode)).toEqual(shape(blanked.rootNode));
      expect(shape(skipped.rootNode).length).toBeGreaterThan(50);
    } finally {
      skipped.delete();
      blanked.delete();
    }
  });

  test('blank keeps line breaks, a CR among them', () => {
    expect(blank('a{x\r\ny\nz}b', [[2, 8]])).toBe('a{ \r\n \n }b');
    expect(blank('a{xy\nz}b', [[2, 6]])).toBe('a{  \n }b');
  });
});

describe('parseReviewed', () => {
  test('bodies that are less than a tenth of the text are parsed with it; more are left out', async () => {
    const parser = await loadCParser();
    const body = 'static int quiet(int a)\n{\n\treturn a + 1;\n}\n';
    const declarations = (n: number) => Array.from({ length: n }, (_, k) => `extern int v${k};\n`).join('');
    for (const [text, blanked] of [[body + declarations(2), true], [body + declarations(40), false]] as const) {
      const { tree, spans } = parseReviewed(text, new LineIndex(text), (t, ranges) => parser.parseWithin(t, Infinity, ranges)!);
      tree.delete();
      expect({ length: text.length, blanked: spans.length > 0 }).toEqual({ length: text.length, blanked });
    }
  });
});
