import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { descendants, identifiersNamed } from '../../src/c/nodes.js';
import { loadCParser } from '../../src/c/parser.js';

const TEXT = `static void f(struct page *page, int memcg_id)
{
\tstruct mem_cgroup *memcg = page->mem_cgroup; /* memcg in a comment */
\tconst char *s = "memcg";
\tmemcg2 = memcg;
\tif ((unsigned long)memcg & 0x1UL)
\t\tmemcg = NULL;
\tpage->memcg = memcg_id + x.memcg;
#define M(memcg) memcg
}
`;

/** What the rules used to look for: every identifier under the node whose text is a name. */
const byWalk = (root: Parameters<typeof descendants>[0], names: Set<string>) =>
  [...descendants(root)].filter((n) => n.type === 'identifier' && names.has(n.text)).map((n) => `${n.text}@${n.startIndex}`);

test('the identifiers with a name, as a walk of every node finds them, not in comments, strings, longer names or fields', async () => {
  const tree = (await loadCParser()).parse(TEXT);
  try {
    const fn = tree.rootNode.namedChild(0)!;
    for (const names of [['memcg'], ['memcg', 'page'], ['memcg_id', 'x', 'nothing'], ['s', 'M']]) {
      const got = identifiersNamed(fn, names).map((n) => `${n.text}@${n.startIndex}`);
      expect(got).toEqual(byWalk(fn, new Set(names)));
    }
    expect(identifiersNamed(fn, ['memcg']).length).toBe(5);
  } finally {
    tree.delete();
  }
});

test('the same as the walk on the fixtures\' kernel-like file, for every name in it', async () => {
  const text = fs.readFileSync(fileURLToPath(new URL('../../fixtures/c/memcontrol-legacy.c', import.meta.url)), 'utf8');
  const tree = (await loadCParser()).parse(text);
  try {
    const names = new Set([...descendants(tree.rootNode)].filter((n) => n.type === 'identifier').map((n) => n.text));
    expect(names.size).toBeGreaterThan(20);
    let compared = 0;
    for (let k = 0; k < tree.rootNode.namedChildCount; k++) {
      const item = tree.rootNode.namedChild(k)!;
      if (item.type !== 'function_definition') continue;
      compared++;
      expect(identifiersNamed(item, names).map((n) => `${n.text}@${n.startIndex}`)).toEqual(byWalk(item, names));
    }
    expect(compared).toBeGreaterThan(2);
  } finally {
    tree.delete();
  }
});
