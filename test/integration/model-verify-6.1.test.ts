/**
 * `model verify` against the real helpers of Debian's linux-source-6.1 (fetched at test time by
 * scripts/fetch-linux-source, cached under ${LINUX_SOURCE_CACHE:-~/.cache/linux-source}): the
 * definitions are taken from its include/linux/memcontrol.h, compiled with cc and run on every
 * model state. No kernel source is kept in this repository; an altered copy of the header lives
 * in a temporary directory for the length of one test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { run, type Deps } from '../../src/cli/run.js';
import { generationOf } from '../../src/model/generation.js';
import type { VerifyCase } from '../../src/verify/verify-result.js';
import { fetchLinuxSource } from '../helpers/linux-source.js';
import { memoryIo } from '../helpers/memory-io.js';
import { ROOT } from '../helpers/spawn-cli.js';
import { tempDir } from '../helpers/tree.js';

const deps: Deps = { createReviewer: async () => { throw new Error('model verify does not review'); } };

interface VerifyJson {
  target: string;
  detected: string | null;
  helpers: string[];
  skipped: { helper: string; reason: string }[];
  cases: VerifyCase[];
  disagreements: VerifyCase[];
}

let linux = '';
beforeAll(() => {
  linux = fetchLinuxSource('6.1');
}, 300_000);

async function verify(tree: string, ...extra: string[]): Promise<{ code: number; json: VerifyJson }> {
  const io = memoryIo(ROOT);
  const code = await run(['model', 'verify', '--tree', tree, '--format', 'json', ...extra], io, deps);
  expect(io.err.join('')).toBe('');
  return { code, json: JSON.parse(io.out.join('')) as VerifyJson };
}

const key = (c: VerifyCase) => `${c.helper} on ${c.state}${c.underRcu ? '' : ' outside RCU'}: model ${c.model.kind === 'value' ? c.model.text : c.model.kind}, tree ${c.tree.kind === 'value' ? c.tree.text : c.tree.kind}`;

/**
 * The harness follows 6.1's page-flags.h: folio_test_slab() goes through folio_flags(), whose
 * VM_BUG_ON_PGFLAGS(PageTail()) fires when a tail page is passed as a folio; the model says so too
 * (__folio_memcg(), __folio_objcg() and folio_memcg_rcu() BUG on the tail state).
 */
/** Disagreements between the model and the real 6.1 helpers: none. */
const KNOWN_6_1: string[] = [];

describe('model verify on linux-source-6.1', () => {
  it('reads v6.1 from the tree and runs every v6.1 helper the header defines, on every state, inside and outside RCU', async () => {
    const { json } = await verify(linux);
    expect(json.target).toBe('v6.1');
    expect(json.detected).toBe('include/linux/memcontrol.h defines folio_memcg()');
    const helpers = Object.values(generationOf('v6.1').helpers).filter((h) => h.takes !== 'none').map((h) => h.name);
    expect(json.helpers).toEqual(helpers);
    expect(json.skipped.map((s) => s.helper)).toEqual(['raw word test', 'raw word printed']);
    expect(json.cases).toHaveLength(helpers.length * 6 * 2);
  });

  it('agrees with the model everywhere but the known tail-folio cases', async () => {
    const { code, json } = await verify(linux);
    expect(json.disagreements.map(key)).toEqual(KNOWN_6_1);
    expect(code).toBe(KNOWN_6_1.length === 0 ? 0 : 1);
  });

  it('reports exactly the disagreement one altered helper brings: __folio_memcg() without its KMEM assertion', async () => {
    const header = fs.readFileSync(path.join(linux, 'include/linux/memcontrol.h'), 'utf8');
    const assertion = '\tVM_BUG_ON_FOLIO(memcg_data & MEMCG_DATA_KMEM, folio);\n';
    expect(header.split(assertion)).toHaveLength(2);
    const tree = tempDir('memcg-verify-6.1-');
    try {
      fs.mkdirSync(path.join(tree, 'include/linux'), { recursive: true });
      fs.writeFileSync(path.join(tree, 'include/linux/memcontrol.h'), header.replace(assertion, ''));
      const { code, json } = await verify(tree, '--target', 'v6.1');
      expect(code).toBe(1);
      expect(json.disagreements.map(key).filter((d) => !KNOWN_6_1.includes(d))).toEqual([
        '__folio_memcg on kmem: model BUG, tree objcg',
        '__folio_memcg on kmem outside RCU: model BUG, tree objcg',
      ]);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });
});
