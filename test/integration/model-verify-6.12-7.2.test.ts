/**
 * `model verify` and the measured contract on Debian's linux-source-6.12 and -7.2 (fetched at test
 * time by scripts/fetch-linux-source, cached under ${LINUX_SOURCE_CACHE:-~/.cache/linux-source}).
 * Every reader of the word that their include/linux/memcontrol.h defines is compiled and run on
 * every model state; the disagreements with the v6.18 preset are pinned; the check of a file in
 * such a tree validates its fixes by the measured table. No kernel source is kept in this
 * repository: copies of the two files a test needs live in a temporary directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { run, type Deps } from '../../src/cli/run.js';
import { createReviewer } from '../../src/review/reviewer.js';
import type { MeasuredContract } from '../../src/model/contract.js';
import type { VerifyCase } from '../../src/verify/verify-result.js';
import { fetchLinuxSource } from '../helpers/linux-source.js';
import { memoryIo } from '../helpers/memory-io.js';
import { ROOT, spawnCli } from '../helpers/spawn-cli.js';
import { tempDir } from '../helpers/tree.js';

const verifyDeps: Deps = { createReviewer: async () => { throw new Error('model verify does not review'); } };

interface VerifyJson {
  target: string;
  verdict: string;
  helpers: string[];
  measuredOnly: string[];
  leftOut: string[];
  skipped: { helper: string; reason: string }[];
  disagreements: VerifyCase[];
  contract: MeasuredContract;
}

async function verify(tree: string, ...extra: string[]): Promise<{ code: number; json: VerifyJson }> {
  const io = memoryIo(ROOT);
  const code = await run(['model', 'verify', '--tree', tree, '--format', 'json', ...extra], io, verifyDeps);
  expect(io.err.join('')).toBe('');
  return { code, json: JSON.parse(io.out.join('')) as VerifyJson };
}

const cell = (o: { kind: string; text: string }) => (o.kind === 'value' ? o.text : o.kind);
const key = (c: VerifyCase) => `${c.helper} on ${c.state}${c.underRcu ? '' : ' outside RCU'}: model ${cell(c.model)}, tree ${cell(c.tree)}`;
const row = (contract: MeasuredContract, helper: string) =>
  Object.entries(contract.helpers[helper]!.outcomes).map(([s, o]) => `${s}=${cell(o.underRcu)}${cell(o.outsideRcu) === cell(o.underRcu) ? '' : `/${cell(o.outsideRcu)}`}`).join(' ');

/** The readers of the word each memcontrol.h defines (../shared/memcg-api.md, read from the trees). */
const READERS = {
  '6.12': ['folio_memcg', '__folio_memcg', '__folio_objcg', 'folio_memcg_rcu', 'folio_memcg_check', 'folio_memcg_charged', 'folio_memcg_kmem', 'page_memcg_check', 'PageMemcgKmem'],
  '7.2': ['folio_objcg', 'folio_memcg', 'folio_memcg_check', 'folio_memcg_charged', 'folio_memcg_kmem', 'page_memcg_check', 'PageMemcgKmem'],
};

/** lockdep_assert_once() in obj_cgroup_memcg(): outside rcu_read_lock() (and without cgroup_mutex) it WARNs. */
const LOCKDEP = (helpers: string[], states: string[]) => helpers.flatMap((h) => states.map((s) => `${h} on ${s} outside RCU: model memcg, tree WARN`));

const KNOWN = {
  // 6.12's folio_memcg_charged() goes through folio_memcg_kmem() and __folio_memcg(): it BUGs on
  // slab folios, OBJEXTS words and tail pages, where the hand-written v6.18 model answers.
  '6.12': [
    ...LOCKDEP(['folio_memcg'], ['kmem']),
    'folio_memcg_charged on slab-objcgs: model true, tree BUG',
    'folio_memcg_charged on slab-objcgs outside RCU: model true, tree BUG',
    'folio_memcg_charged on slab-bare: model false, tree BUG',
    'folio_memcg_charged on slab-bare outside RCU: model false, tree BUG',
    'folio_memcg_charged on tail: model false, tree BUG',
    'folio_memcg_charged on tail outside RCU: model false, tree BUG',
    ...LOCKDEP(['folio_memcg_check', 'page_memcg_check', 'folio_memcg(page_folio())'], ['kmem']),
  ],
  // 7.2 charges user folios with an obj_cgroup too: every memcg goes through obj_cgroup_memcg().
  '7.2': [
    ...LOCKDEP(['folio_memcg', 'folio_memcg_check', 'page_memcg_check'], ['user', 'kmem']),
    ...LOCKDEP(['folio_memcg(page_folio())'], ['user', 'kmem', 'tail']),
  ],
};

describe.each(['6.12', '7.2'] as const)('model verify on linux-source-%s', (version) => {
  let linux = '';
  beforeAll(() => {
    linux = fetchLinuxSource(version);
  }, 300_000);

  it('runs every reader of the word the header defines, on every state: none left out', async () => {
    const { json } = await verify(linux);
    expect(json.target).toBe('v6.18');
    expect(json.leftOut).toEqual([]);
    expect([...json.helpers, ...json.measuredOnly].filter((h) => /^\w+$/.test(h)).sort()).toEqual([...READERS[version]].sort());
    expect(json.skipped.map((s) => s.helper)).toEqual(['raw word test', 'raw word printed']);
    expect(json.verdict).toContain('none left out');
    expect(json.verdict).not.toMatch(/agree with the v6\.18 model on every state/);
  });

  it('lists every disagreement with the v6.18 preset, and only those', async () => {
    const { code, json } = await verify(linux);
    expect(json.disagreements.map(key)).toEqual(KNOWN[version]);
    expect(code).toBe(1);
  });

  it("reads what the word holds from the tree's mm/memcontrol.c", async () => {
    const { json } = await verify(linux);
    expect(json.contract.layout).toBe(version === '7.2' ? 'mm/memcontrol.c: a user folio holds an obj_cgroup, a kmem page an obj_cgroup' : 'mm/memcontrol.c: a user folio holds a memcg, a kmem page an obj_cgroup');
  });

  it('measures the helpers the preset does not have', async () => {
    const { json } = await verify(linux);
    if (version === '6.12') {
      expect(json.measuredOnly).toEqual(['__folio_memcg', '__folio_objcg', 'folio_memcg_rcu']);
      expect(row(json.contract, '__folio_memcg')).toBe('uncharged=NULL user=memcg kmem=BUG slab-objcgs=BUG slab-bare=BUG tail=BUG');
      expect(row(json.contract, 'folio_memcg_rcu')).toBe('uncharged=NULL/WARN user=memcg/WARN kmem=memcg/WARN slab-objcgs=BUG slab-bare=BUG tail=BUG');
    } else {
      expect(json.measuredOnly).toEqual(['folio_objcg']);
      expect(row(json.contract, 'folio_objcg')).toBe('uncharged=NULL user=objcg kmem=objcg slab-objcgs=BUG slab-bare=BUG tail=BUG');
    }
  });

  it('model --tree prints the measured table', async () => {
    const io = memoryIo(ROOT);
    expect(await run(['model', '--tree', linux], io, verifyDeps)).toBe(0);
    const out = io.out.join('');
    expect(out).toContain(`measured: ${linux}/include/linux/memcontrol.h, compiled and run on every state`);
    if (version === '6.12') expect(out).toMatch(/\n {2}folio_memcg_charged +folio +false +true +true +BUG \[\d\] +BUG \[\d\] +BUG \[\d\]\n/);
    else expect(out).toMatch(/\n {2}folio_objcg +folio +NULL +objcg +objcg +BUG \[\d\] +BUG \[\d\] +BUG \[\d\]\n/);
  });

  it('model --explain with --tree explains the helper as measured, the tree\'s own included', async () => {
    const io = memoryIo(ROOT);
    const helper = version === '6.12' ? 'folio_memcg_charged' : 'folio_objcg';
    expect(await run(['model', '--tree', linux, '--explain', helper], io, verifyDeps)).toBe(0);
    const out = io.out.join('');
    expect(out).toContain(`${helper} (v6.18) takes a struct folio *`);
    expect(out).toContain('In short: measured from the tree:');
    expect(out).toMatch(/\(tail\): BUGs: VM_BUG_ON_(PGFLAGS\(PageTail\(&folio->page\)\)|FOLIO\(folio_test_slab\(folio\)\)|PGFLAGS\(PageTail\(page\)\) in folio_flags)/);
  });

  it("checks a file of the tree by the measured contract: outside RCU page_memcg_check() is not proven on this tree (lockdep), inside it is", async () => {
    const tree = tempDir(`memcg-contract-${version}-`);
    try {
      for (const rel of ['include/linux/memcontrol.h', 'mm/memcontrol.c']) {
        fs.mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true });
        fs.copyFileSync(path.join(linux, rel), path.join(tree, rel));
      }
      fs.mkdirSync(path.join(tree, 'drivers/foo'), { recursive: true });
      fs.writeFileSync(
        path.join(tree, 'drivers/foo/foo.c'),
        [
          'static struct mem_cgroup *foo_memcg(struct page *page)',
          '{',
          '\treturn (struct mem_cgroup *)(page->memcg_data & ~MEMCG_DATA_FLAGS_MASK);',
          '}',
          '',
          'static struct mem_cgroup *foo_memcg_rcu(struct page *page)',
          '{',
          '\tstruct mem_cgroup *memcg;',
          '',
          '\trcu_read_lock();',
          '\tmemcg = (struct mem_cgroup *)page->memcg_data;',
          '\trcu_read_unlock();',
          '\treturn memcg;',
          '}',
          '',
        ].join('\n'),
      );
      const check = async (env: Record<string, string | undefined>) => {
        const saved = process.env.CC;
        if (env.CC === undefined) delete process.env.CC;
        else process.env.CC = env.CC;
        try {
          const io = memoryIo(ROOT);
          await run(['check', '--tree', tree, '--target', 'auto', '--format', 'json', path.join(tree, 'drivers/foo/foo.c')], io, { createReviewer });
          const report = JSON.parse(io.out.join('')) as { findings: { line: number; fix?: { verdict: string; explanation: string } }[] };
          return report.findings.map((f) => `${f.line}: ${f.fix?.verdict} ${f.fix?.explanation}`);
        } finally {
          if (saved === undefined) delete process.env.CC;
          else process.env.CC = saved;
        }
      };
      const measured = await check({ CC: process.env.CC });
      expect(measured[0]).toMatch(/^3: conditional .*lockdep_assert_once\(rcu_read_lock_held\(\) \|\| lockdep_is_held\(&cgroup_mutex\)\)/);
      expect(measured[1]).toMatch(/^11: proven page_memcg_check\(\) matches/);
      // The audit of the tree too, on worker threads: it says where the contracts came from.
      const audited = spawnCli(['audit', tree, '--target', 'auto', '--measure', '--jobs', '2', '--format', 'json']);
      expect(audited.err).toBe('');
      const audit = JSON.parse(audited.out) as { contracts: string; findings: { file: string; line: number; fix?: { verdict: string } }[] };
      expect(audit.contracts).toMatch(/^measured from .*include\/linux\/memcontrol\.h: \d+ helpers compiled and run on every state$/);
      expect(audit.findings.filter((f) => f.file === 'drivers/foo/foo.c').map((f) => `${f.line}: ${f.fix?.verdict}`)).toEqual(['3: conditional', '11: proven']);
      // Without --measure the audit compiles nothing (its tree is not trusted): the preset.
      const unmeasured = JSON.parse(spawnCli(['audit', tree, '--target', 'auto', '--jobs', '1', '--format', 'json']).out) as typeof audit;
      expect(unmeasured.contracts).toMatch(/^the v6\.18 preset \(--measure compiles/);
      expect(unmeasured.findings.filter((f) => f.file === 'drivers/foo/foo.c').map((f) => `${f.line}: ${f.fix?.verdict}`)).toEqual(['3: proven', '11: proven']);
      // No compiler: the preset, which knows nothing of lockdep, proves both.
      const preset = await check({ CC: '/nonexistent/bin/cc' });
      expect(preset[0]).toMatch(/^3: proven page_memcg_check\(\)/);
      expect(preset[1]).toMatch(/^11: proven page_memcg_check\(\)/);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });
});

describe('model verify on linux-source-7.2, one helper altered', () => {
  it('reports exactly the disagreement the alteration brings: folio_memcg_kmem() without its tail-page assertion', async () => {
    const linux = fetchLinuxSource('7.2');
    const header = fs.readFileSync(path.join(linux, 'include/linux/memcontrol.h'), 'utf8');
    const assertion = '\tVM_BUG_ON_PGFLAGS(PageTail(&folio->page), &folio->page);\n';
    expect(header.split(assertion)).toHaveLength(2);
    const tree = tempDir('memcg-verify-7.2-');
    try {
      fs.mkdirSync(path.join(tree, 'include/linux'), { recursive: true });
      fs.mkdirSync(path.join(tree, 'mm'), { recursive: true });
      fs.writeFileSync(path.join(tree, 'include/linux/memcontrol.h'), header.replace(assertion, ''));
      fs.copyFileSync(path.join(linux, 'mm/memcontrol.c'), path.join(tree, 'mm/memcontrol.c'));
      const { code, json } = await verify(tree, '--target', 'v6.18');
      expect(code).toBe(1);
      expect(json.disagreements.map(key).filter((d) => !KNOWN['7.2'].includes(d))).toEqual([
        'folio_memcg_kmem on tail: model BUG, tree false',
        'folio_memcg_kmem on tail outside RCU: model BUG, tree false',
      ]);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  }, 300_000);
});
