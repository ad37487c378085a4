import { generationOf } from '../../src/model/generation.js';
import { stateById } from '../../src/model/states.js';
import { parseHarnessOutput } from '../../src/verify/harness-output.js';
import { verdictLine } from '../../src/model-report/verify-text.js';
import { compareWithModel, disagreements, measuredContract } from '../../src/verify/verify-result.js';

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

describe('the verdict', () => {
  const v618 = generationOf('v6.18');
  const STATES = ['uncharged', 'user', 'kmem', 'slab-objcgs', 'slab-bare', 'tail'] as const;
  /** Every state inside and outside RCU, each as the v6.18 model says, except `override`. */
  const lines = (helper: string, override: Partial<Record<(typeof STATES)[number], string>> = {}) =>
    STATES.flatMap((s) =>
      [1, 0].map((rcu) => {
        const model = v618.helpers[helper]?.eval(stateById(s), { underRcu: rcu === 1 });
        const out = override[s] ?? (model && 'value' in model ? `value\t${model.value}` : 'BUG\tVM_BUG_ON(x)');
        return `${helper}\t${s}\t${rcu}\t${out}`;
      }),
    );

  function result(outputs: string[], cases: { helper: string; inModel: boolean }[], skipped: { helper: string; reason: string }[]) {
    const outcomes = parseHarnessOutput(`${outputs.join('\n')}\n`);
    const contract = measuredContract(v618, outcomes, cases.map((c) => ({ ...c, takes: 'folio' as const })), skipped, { source: 'h', layout: 'l' });
    return compareWithModel(v618, outcomes, skipped, contract);
  }

  it('claims agreement only for the helpers that ran, and names every one left out', () => {
    const r = result(lines('folio_memcg_kmem'), [{ helper: 'folio_memcg_kmem', inModel: true }], [
      { helper: 'raw word test', reason: 'an expression' },
      { helper: 'folio_memcg', reason: 'uses something' },
    ]);
    expect(verdictLine(r)).toBe('verdict: the 1 helper run agrees with the v6.18 model on every state, under rcu_read_lock() and outside it (12 cases); 1 left out, no agreement claimed (folio_memcg)');
  });

  it("measures the tree's own helpers without comparing them, and lists one altered helper's disagreement alone", () => {
    const r = result(
      [...lines('folio_memcg_kmem', { tail: 'value\tfalse' }), ...lines('folio_objcg', { user: 'value\tobjcg' })],
      [{ helper: 'folio_memcg_kmem', inModel: true }, { helper: 'folio_objcg', inModel: false }],
      [],
    );
    expect(r.measuredOnly).toEqual(['folio_objcg']);
    expect(r.contract!.helpers['folio_objcg']!.outcomes.user.underRcu).toEqual({ kind: 'value', text: 'objcg' });
    expect(disagreements(r).map((c) => `${c.helper} ${c.state} ${c.underRcu}`)).toEqual(['folio_memcg_kmem tail true', 'folio_memcg_kmem tail false']);
    expect(verdictLine(r)).toBe("verdict: 1 of 1 helpers disagree with the v6.18 model (2 of 12 cases: folio_memcg_kmem); 1 of the tree's own measured, not compared (folio_objcg); none left out");
  });
});
