import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { indexNodes, type NodeIndex } from '../../src/c/node-index.js';
import { descendants } from '../../src/c/nodes.js';
import { loadCParser, type SyntaxNode } from '../../src/c/parser.js';
import { RELEVANT } from '../../src/c/source-analysis.js';
import { MEMCG_CALLS } from '../../src/model/helper-names.js';

/** Node types whose inside the index never looks at: comments, literals, macro definitions. */
const OPAQUE = new Set(['comment', 'string_literal', 'char_literal', 'number_literal', 'preproc_def', 'preproc_function_def']);

/**
 * What indexNodes gathers, said by where a node sits rather than by a walk: every named node but
 * those inside a function whose text holds no relevant token or inside an opaque node, sorted
 * into the index's lists by its type and, for a declaration, by having no block or function
 * around it. The reference the walk (which leaves quiet file-level pieces out) must agree with.
 */
function byAncestry(root: SyntaxNode, text: string): NodeIndex {
  const index: NodeIndex = { memcgFields: [], memcgCalls: [], comments: [], macroValues: [], structs: [], functions: [], fileDeclarations: [] };
  const ancestors = (n: SyntaxNode) => {
    const up: SyntaxNode[] = [];
    for (let p = n.parent; p; p = p.parent) up.push(p);
    return up;
  };
  const irrelevantFunction = (p: SyntaxNode) => p.type === 'function_definition' && !RELEVANT.test(text.slice(p.startIndex, p.endIndex));
  for (const n of descendants(root)) {
    if (!n.isNamed) continue;
    const up = ancestors(n);
    if (up.some((p) => irrelevantFunction(p) || OPAQUE.has(p.type))) continue;
    const field = n.type === 'field_expression' ? n.childForFieldName('field')?.text : undefined;
    const callee = n.type === 'call_expression' ? n.childForFieldName('function') : null;
    const value = n.type === 'preproc_def' || n.type === 'preproc_function_def' ? n.childForFieldName('value') : null;
    if (field !== undefined && ['mem_cgroup', 'obj_cgroups', 'memcg_data'].includes(field)) index.memcgFields.push(n);
    else if (callee?.type === 'identifier' && MEMCG_CALLS.has(callee.text)) index.memcgCalls.push(n);
    else if (n.type === 'comment') index.comments.push(n);
    else if (value && RELEVANT.test(value.text)) index.macroValues.push(value);
    else if ((n.type === 'struct_specifier' || n.type === 'union_specifier') && n.childForFieldName('body')) index.structs.push(n);
    else if (n.type === 'function_definition') index.functions.push(n);
    else if (n.type === 'declaration' && !up.some((p) => p.type === 'compound_statement' || p.type === 'function_definition')) index.fileDeclarations.push(n);
  }
  return index;
}

const ids = (index: NodeIndex) => Object.fromEntries(Object.entries(index).map(([k, nodes]) => [k, (nodes as SyntaxNode[]).map((n) => `${n.type}@${n.startIndex}`)]));

/** File-level pieces of every kind the walk leaves out or must not: quiet ones, ones with a brace, a relevant token, a field or a call name. */
const TEXT = `/* a licence */
#include <linux/mm.h>
extern struct page *alloc_it(gfp_t gfp, /* how */ unsigned int order);
extern int quiet_one(int a), quiet_two(long b);
DEFINE_PER_CPU(struct page *, cached_page);
EXPORT_SYMBOL(alloc_it);
static struct mem_cgroup *(*lookup)(struct page *page) = __page_objcg(NULL);
static int weird = x-> /* a comment between */ mem_cgroup;
typedef unsigned long memcg_word_t;
typedef struct { int a; /* inner */ } boxed_t;
struct shape { struct page *page; int (*fn)(int); };
TRACE_EVENT(quiet_event,
	TP_PROTO(struct page *page, int nr),
	TP_ARGS(page, nr),
	TP_fast_assign(__entry->nr = nr; __entry->flags = page->flags;),
	TP_printk("nr=%d", __entry->nr)
);
TRACE_EVENT(loud_event,
	TP_PROTO(struct page *page),
	TP_fast_assign(__entry->ino = cgroup_ino(page->mem_cgroup->css.cgroup);),
	TP_printk("ino=%lu", __entry->ino)
);
int broken(int a b c; int after_error;
#ifdef CONFIG_MEMCG
static inline struct mem_cgroup *memcg_of(struct page *page)
{
	return page->mem_cgroup;
}
extern void under_ifdef(struct page *page);
#else
static inline void nothing(void) { }
#endif
#define MEMCG_OF(p) ((p)->mem_cgroup)
static struct ops table[] = { { .fn = f, /* first */ }, { .fn = g } };
`;

test('the walk that leaves quiet file-level pieces out gathers what every node in its place gives', async () => {
  const parser = await loadCParser();
  const fixture = fs.readFileSync(fileURLToPath(new URL('../../fixtures/c/memcontrol-legacy.c', import.meta.url)), 'utf8');
  for (const text of [TEXT, fixture]) {
    const tree = parser.parse(text);
    try {
      expect(ids(indexNodes(tree.rootNode, RELEVANT, MEMCG_CALLS, new Map(), text))).toEqual(ids(byAncestry(tree.rootNode, text)));
    } finally {
      tree.delete();
    }
  }
  // The pieces it could leave out are in TEXT, and so is what only a walk could find in them.
  const tree = parser.parse(TEXT);
  try {
    const got = indexNodes(tree.rootNode, RELEVANT, MEMCG_CALLS, new Map(), TEXT);
    expect(got.fileDeclarations.length).toBeGreaterThanOrEqual(6);
    expect(got.comments.map((c) => c.text)).toEqual(expect.arrayContaining(['/* how */', '/* a comment between */', '/* inner */', '/* first */']));
    expect(got.memcgFields.map((f) => f.text)).toEqual(expect.arrayContaining(['x-> /* a comment between */ mem_cgroup', 'page->mem_cgroup']));
    expect(got.memcgCalls.map((c) => c.text)).toEqual(['__page_objcg(NULL)']);
  } finally {
    tree.delete();
  }
});
