import fs from 'node:fs';
import path from 'node:path';
import { run, type Deps } from '../../src/cli/run.js';
import { ALL_STATES } from '../../src/model/states.js';
import type { VerifyCase } from '../../src/verify/verify-result.js';
import { memoryIo } from '../helpers/memory-io.js';
import { ROOT } from '../helpers/spawn-cli.js';
import { tempDir } from '../helpers/tree.js';
import { fixtureHeader } from '../verify/fixture-header.js';

/** `model verify` in-process on the kernel-like trees of fixtures/verify, compiled with the machine's cc. */
const deps: Deps = { createReviewer: async () => { throw new Error('model verify does not review'); } };

async function cli(argv: string[]) {
  const io = memoryIo(ROOT);
  const code = await run(argv, io, deps);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

interface VerifyJson {
  agree: boolean;
  helpers: string[];
  cases: VerifyCase[];
  disagreements: VerifyCase[];
}

async function verifyJson(tree: string, target = 'auto'): Promise<{ code: number; json: VerifyJson }> {
  const r = await cli(['model', 'verify', '--tree', tree, '--target', target, '--format', 'json']);
  expect(r.err).toBe('');
  return { code: r.code, json: JSON.parse(r.out) as VerifyJson };
}

/** The tree's outcomes as rows `helper: one cell per state`, under rcu_read_lock() or outside it. */
function treeTable(json: VerifyJson, underRcu: boolean): Record<string, string> {
  return Object.fromEntries(
    json.helpers.map((h) => [h, ALL_STATES.map((s) => json.cases.find((c) => c.helper === h && c.state === s && c.underRcu === underRcu)!.tree).map((o) => (o.kind === 'value' ? o.text : o.kind)).join(' ')]),
  );
}

const key = (c: VerifyCase) => `${c.helper} on ${c.state}${c.underRcu ? '' : ' outside RCU'}: model ${c.model.kind === 'value' ? c.model.text : c.model.kind}, tree ${c.tree.kind === 'value' ? c.tree.text : c.tree.kind}`;

/** A copy of a fixture tree whose memcontrol.h is changed by `alter` (which must change it). */
function alteredTree(fixture: 'folio-6.1' | 'page-5.15', alter: (header: string) => string): string {
  const dir = tempDir('memcg-verify-tree-');
  const header = fixtureHeader(fixture);
  const altered = alter(header);
  expect(altered).not.toBe(header);
  fs.mkdirSync(path.join(dir, 'include/linux'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'include/linux/memcontrol.h'), altered);
  return dir;
}

const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('model verify on a 5.15-shaped tree', () => {
  it('agrees with the v5.15 model on every state: exit 0, a table, the verdict', async () => {
    const r = await cli(['model', 'verify', '--tree', 'fixtures/verify/page-5.15']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^model verify: fixtures\/verify\/page-5\.15\/include\/linux\/memcontrol\.h against the v5\.15 model \(read from the tree: /);
    expect(r.out).toMatch(/\n {2}page_objcgs +NULL +BUG +BUG +objcgs +NULL +NULL\n/);
    expect(r.out).not.toContain('Disagreements');
    expect(r.out).toMatch(/\nverdict: the 10 helpers run agree with the v5\.15 model on every state, under rcu_read_lock\(\) and outside it \(120 cases\); 1 of the tree's own measured, not compared \(page_memcg_is_root\); none left out\n$/);
  });

  it("runs set_page_objcgs() on each state's word: it installs only where the word is 0", async () => {
    const { json } = await verifyJson('fixtures/verify/page-5.15');
    expect(treeTable(json, true)).toMatchObject({
      set_page_objcgs: 'true false false false true true',
      '!set_page_objcgs': 'false true true true false false',
      __page_objcg: 'BUG BUG objcg BUG BUG BUG',
    });
  });
});

describe('model verify on a 6.1-shaped tree', () => {
  it("runs the tree's folio helpers on every state", async () => {
    const { json } = await verifyJson('fixtures/verify/folio-6.1');
    // Written from the fixture's bodies and the harness's page-flags (folio_test_slab() asserts !PageTail).
    expect(treeTable(json, true)).toEqual({
      folio_memcg: 'NULL memcg memcg BUG BUG BUG',
      __folio_memcg: 'NULL memcg BUG BUG BUG BUG',
      __folio_objcg: 'BUG BUG objcg BUG BUG BUG',
      folio_memcg_rcu: 'NULL memcg memcg BUG BUG BUG',
      folio_memcg_kmem: 'false false true BUG false BUG',
      page_memcg: 'NULL memcg memcg BUG BUG memcg',
      page_memcg_check: 'NULL memcg memcg NULL NULL NULL',
      PageMemcgKmem: 'false false true BUG false false',
      'folio_memcg_rcu(page_folio())': 'NULL memcg memcg BUG BUG memcg',
    });
    expect(treeTable(json, false)).toMatchObject({
      folio_memcg_rcu: 'WARN WARN WARN BUG BUG BUG',
      'folio_memcg_rcu(page_folio())': 'WARN WARN WARN BUG BUG WARN',
      page_memcg: 'NULL memcg memcg BUG BUG memcg',
    });
  });

  it('reports exactly the disagreement a helper altered to return the raw word brings, with the tagged pointers it returns', async () => {
    const original = (await verifyJson('fixtures/verify/folio-6.1')).json.disagreements.map(key);
    const tree = alteredTree('folio-6.1', (h) => h.replace(/(page_memcg_check\(struct page \*page\)\n\{\n)/, '$1\treturn (struct mem_cgroup *)READ_ONCE(page->memcg_data);\n'));
    made.push(tree);
    const { code, json } = await verifyJson(tree, 'v6.1');
    expect(code).toBe(1);
    expect(json.disagreements.map(key).filter((d) => !original.includes(d))).toEqual([
      'page_memcg_check on kmem: model memcg, tree objcg|0x2',
      'page_memcg_check on kmem outside RCU: model memcg, tree objcg|0x2',
      'page_memcg_check on slab-objcgs: model NULL, tree objcgs|0x1',
      'page_memcg_check on slab-objcgs outside RCU: model NULL, tree objcgs|0x1',
    ]);
    expect(original.every((d) => json.disagreements.map(key).includes(d))).toBe(true);
  });

  it('reports a helper that dereferences a bad pointer as FAULT, and goes on', async () => {
    const tree = alteredTree('folio-6.1', (h) => h.replace('\tif (data & MEMCG_DATA_KMEM)\n\t\treturn obj_cgroup_memcg((struct obj_cgroup *)(data & ~MEMCG_DATA_FLAGS_MASK));\n\treturn (struct mem_cgroup *)(data & ~MEMCG_DATA_FLAGS_MASK);\n}\n\n/* Takes', '\treturn obj_cgroup_memcg((struct obj_cgroup *)(data & ~MEMCG_DATA_FLAGS_MASK));\n}\n\n/* Takes'));
    made.push(tree);
    const { json } = await verifyJson(tree, 'v6.1');
    expect(treeTable(json, true).page_memcg_check).toBe('FAULT NULL memcg NULL FAULT FAULT');
    expect(json.cases.find((c) => c.helper === 'page_memcg_check' && c.state === 'uncharged')!.tree).toEqual({ kind: 'FAULT', text: 'SIGSEGV' });
    expect(treeTable(json, true).PageMemcgKmem).toBe('false false true BUG false false');
  });
});

describe('model verify: input errors are one line and exit 2', () => {
  it('when the harness does not compile', async () => {
    const tree = alteredTree('page-5.15', (h) => h.replace('return page->memcg_data & MEMCG_DATA_KMEM;', 'return page->kmem_bits & MEMCG_DATA_KMEM;'));
    made.push(tree);
    const r = await cli(['model', 'verify', '--tree', tree]);
    expect(r).toEqual({ code: 2, out: '', err: expect.stringMatching(/^memcg-review: the harness built from include\/linux\/memcontrol\.h does not compile: harness\.c:\d+:\d+: error: .*kmem_bits.*\n$/) });
  });

  it('when there is no C compiler', async () => {
    const saved = process.env.CC;
    process.env.CC = '/nonexistent/bin/cc';
    try {
      expect(await cli(['model', 'verify', '--tree', 'fixtures/verify/page-5.15'])).toEqual({
        code: 2,
        out: '',
        err: "memcg-review: cannot run the C compiler '/nonexistent/bin/cc': not found (model verify compiles the tree's helpers: install cc, or set CC)\n",
      });
    } finally {
      if (saved === undefined) delete process.env.CC;
      else process.env.CC = saved;
    }
  });

  it.each([
    [['--target', 'legacy'], 'memcg-review: the legacy model has no MEMCG_DATA_* flag word to verify (model verify covers v5.11 and later)\n'],
    [['--target', 'v6.18'], 'memcg-review: include/linux/memcontrol.h does not define MEMCG_DATA_OBJEXTS: not a v6.18 header\n'],
  ])('for a target the tree cannot be held to: %j', async (extra, err) => {
    expect(await cli(['model', 'verify', '--tree', 'fixtures/verify/folio-6.1', ...extra])).toEqual({ code: 2, out: '', err });
  });
});
