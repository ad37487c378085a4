import { generationOf } from '../../src/model/generation.js';
import { parseHarnessOutput } from '../../src/verify/harness-output.js';
import { compareWithModel, disagreements } from '../../src/verify/verify-result.js';

describe('parseHarnessOutput', () => {
  it('reads helper, state, RCU, kind and text (which may hold tabs)', () => {
    expect(parseHarnessOutput('page_memcg\tkmem\t1\tvalue\tmemcg\nPageMemcgKmem\tslab-objcgs\t0\tBUG\tVM_BUG_ON_PAGE(a\tb)\n')).toEqual([
      { helper: 'page_memcg', state: 'kmem', underRcu: true, tree: { kind: 'value', text: 'memcg' } },
      { helper: 'PageMemcgKmem', state: 'slab-objcgs', underRcu: false, tree: { kind: 'BUG', text: 'VM_BUG_ON_PAGE(a\tb)' } },
    ]);
  });

  it.each(['page_memcg\tnowhere\t1\tvalue\tNULL', 'page_memcg\tuser\t2\tvalue\tNULL', 'page_memcg\tuser\t1\tOOPS\tx', 'garbage'])('refuses %j', (line) => {
    expect(() => parseHarnessOutput(`${line}\n`)).toThrow('unexpected line from the harness');
  });
});

describe('compareWithModel', () => {
  const v511 = generationOf('v5.11');

  it('agrees on the same value, and on BUG or WARN whatever condition tripped', () => {
    const result = compareWithModel(
      v511,
      parseHarnessOutput(
        ['page_memcg\tuser\t1\tvalue\tmemcg', 'page_memcg\tslab-bare\t1\tBUG\tVM_BUG_ON_PAGE(PageSlab(page))', 'page_memcg_rcu\tuser\t0\tWARN\tWARN_ON(!rcu_read_lock_held())'].join('\n'),
      ),
      [],
    );
    expect(result.helpers).toEqual(['page_memcg', 'page_memcg_rcu']);
    expect(disagreements(result)).toEqual([]);
  });

  it('names the helper, the state, what the model says and what the tree did', () => {
    const result = compareWithModel(v511, parseHarnessOutput('page_memcg_check\tslab-objcgs\t1\tvalue\tobjcgs|0x1\nPageMemcgKmem\tslab-objcgs\t1\tFAULT\tSIGSEGV\n'), []);
    expect(disagreements(result)).toEqual([
      { helper: 'page_memcg_check', state: 'slab-objcgs', underRcu: true, model: { kind: 'value', text: 'NULL' }, tree: { kind: 'value', text: 'objcgs|0x1' }, agree: false },
      { helper: 'PageMemcgKmem', state: 'slab-objcgs', underRcu: true, model: { kind: 'BUG', text: expect.stringMatching(/^VM_BUG_ON/) }, tree: { kind: 'FAULT', text: 'SIGSEGV' }, agree: false },
    ]);
  });

  it('refuses a helper the model does not have', () => {
    expect(() => compareWithModel(v511, parseHarnessOutput('folio_memcg\tuser\t1\tvalue\tmemcg\n'), [])).toThrow('the harness ran folio_memcg, which the v5.11 model does not have');
  });
});
