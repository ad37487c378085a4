import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { indexNodes, type NodeIndex } from '../../src/c/node-index.js';
import { loadCParser, type SyntaxNode } from '../../src/c/parser.js';
import { RELEVANT } from '../../src/c/source-analysis.js';
import { MEMCG_CALLS } from '../../src/model/helper-names.js';

/**
 * What indexNodes gathers, by a plain recursive walk of every named node (no piece left out):
 * the reference the skipping of quiet file-level pieces must agree with.
 */
function byWalk(root: SyntaxNode, text: string): NodeIndex {
  const index: NodeIndex = { memcgFields: [], memcgCalls: [], comments: [], macroValues: [], structs: [], functions: [], fileDeclarations: [] };
  const visit = (n: SyntaxNode, blockDepth: number): void => {
    let descend = true;
    switch (n.type) {
      case 'field_expression': {
        const field = n.childForFieldName('field')?.text;
        if (field && ['mem_cgroup', 'obj_cgroups', 'memcg_data'].includes(field)) index.memcgFields.push(n);
        break;
      }
      case 'call_expression': {
        const fn = n.childForFieldName('function');
        if (fn?.type === 'identifier' && MEMCG_CALLS.has(fn.text)) index.memcgCalls.push(n);
        break;
      }
      case 'comment':
        index.comments.push(n);
        descend = false;
        break;
      case 'string_literal':
      case 'char_literal':
      case 'number_literal':
        descend = false;
        break;
      case 'preproc_def':
      case 'preproc_function_def': {
        const value = n.childForFieldName('value');
        if (value && RELEVANT.test(value.text)) index.macroValues.push(value);
        descend = false;
        break;
      }
      case 'struct_specifier':
      case 'union_specifier':
        if (n.childForFieldName('body')) index.structs.push(n);
        break;
      case 'function_definition':
        index.functions.push(n);
        if (!RELEVANT.test(text.slice(n.startIndex, n.endIndex))) descend = false;
        break;
      case 'declaration':
        if (blockDepth === 0) index.fileDeclarations.push(n);
        break;
    }
    if (!descend) return;
    const depth = n.type === 'compound_statement' || n.type === 'function_definition' ? blockDepth + 1 : blockDepth;
    for (const c of n.namedChildren) if (c) visit(c, depth);
  };
  visit(root, 0);
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

test('the walk that leaves quiet file-level pieces out gathers what a walk of every node gathers', async () => {
  const tree = (await loadCParser()).parse(TEXT);
  try {
    const got = indexNodes(tree.rootNode, RELEVANT, MEMCG_CALLS, new Map(), TEXT);
    const want = byWalk(tree.rootNode, TEXT);
    expect(ids(got)).toEqual(ids(want));
    // The pieces it could leave out are there, and so is what only the walk could find in them.
    expect(got.fileDeclarations.length).toBeGreaterThanOrEqual(6);
    expect(got.comments.map((c) => c.text)).toEqual(expect.arrayContaining(['/* how */', '/* a comment between */', '/* inner */', '/* first */']));
    expect(got.memcgFields.map((f) => f.text)).toEqual(expect.arrayContaining(['x-> /* a comment between */ mem_cgroup', 'page->mem_cgroup']));
    expect(got.memcgCalls.map((c) => c.text)).toEqual(['__page_objcg(NULL)']);
  } finally {
    tree.delete();
  }
});

test('the same on the fixtures\' kernel-like file', async () => {
  const text = fs.readFileSync(fileURLToPath(new URL('../../fixtures/c/memcontrol-legacy.c', import.meta.url)), 'utf8');
  const tree = (await loadCParser()).parse(text);
  try {
    expect(ids(indexNodes(tree.rootNode, RELEVANT, MEMCG_CALLS, new Map(), text))).toEqual(ids(byWalk(tree.rootNode, text)));
  } finally {
    tree.delete();
  }
});
