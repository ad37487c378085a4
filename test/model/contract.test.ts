import { helperOfMeasured, measuredDoc, withContract, type MeasuredContract, type MeasuredHelper, type MeasuredOutcome } from '../../src/model/contract.js';
import { generationOf } from '../../src/model/generation.js';
import { LEGACY } from '../../src/model/legacy-expressions.js';
import { ALL_STATES, stateById, type StateId } from '../../src/model/states.js';
import { validate } from '../../src/model/validate.js';

const v = (text: string): MeasuredOutcome => ({ kind: 'value', text });
const BUG: MeasuredOutcome = { kind: 'BUG', text: 'VM_BUG_ON_FOLIO(folio_test_slab(folio))' };
const LOCKDEP: MeasuredOutcome = { kind: 'WARN', text: 'lockdep_assert_once(rcu_read_lock_held() || lockdep_is_held(&cgroup_mutex))' };

/** A helper measured as the v6.18 preset's page_memcg_check(), with `change` applied on some states. */
function measured(name: string, change: Partial<Record<StateId, { underRcu: MeasuredOutcome; outsideRcu: MeasuredOutcome }>> = {}, inPreset = true): MeasuredHelper {
  const preset = generationOf('v6.18').helpers['page_memcg_check']!;
  const outcomes = Object.fromEntries(
    ALL_STATES.map((id) => {
      const o = preset.eval(stateById(id), { underRcu: true });
      const same = 'value' in o ? v(o.value) : BUG;
      return [id, change[id] ?? { underRcu: same, outsideRcu: same }];
    }),
  ) as MeasuredHelper['outcomes'];
  return { name, inPreset, takes: 'page', outcomes };
}

function contract(helpers: MeasuredHelper[], target: MeasuredContract['target'] = 'v6.18'): MeasuredContract {
  return { target, source: 'tree/include/linux/memcontrol.h', layout: 'the v6.18 preset', stores: { user: 'memcg', kmem: 'objcg' }, helpers: Object.fromEntries(helpers.map((h) => [h.name, h])), unmeasured: [] };
}

describe('the measured contract', () => {
  it('a helper measured as the preset validates as the preset does', () => {
    const gen = withContract(generationOf('v6.18'), contract([measured('page_memcg_check')]));
    const preset = validate(LEGACY.memcgRead!, generationOf('v6.18').helpers['page_memcg_check']!, ALL_STATES, { underRcu: false });
    expect(validate(LEGACY.memcgRead!, gen.helpers['page_memcg_check']!, ALL_STATES, { underRcu: false })).toEqual(preset);
    expect(preset.verdict).toBe('proven');
  });

  it('one altered cell is exactly the change: a lockdep WARN outside RCU on kmem makes the fix conditional there, and only outside RCU', () => {
    const altered = measured('page_memcg_check', { kmem: { underRcu: v('memcg'), outsideRcu: LOCKDEP } });
    const gen = withContract(generationOf('v6.18'), contract([altered]));
    expect(validate(LEGACY.memcgRead!, gen.helpers['page_memcg_check']!, ALL_STATES, { underRcu: false })).toEqual({
      verdict: 'conditional',
      witness: 'kmem',
      explanation: `page_memcg_check() holds only if the page is not a kmem page (accounted non-slab kernel page): there it hits WARN: ${LOCKDEP.text}`,
    });
    expect(validate(LEGACY.memcgRead!, gen.helpers['page_memcg_check']!, ALL_STATES, { underRcu: true }).verdict).toBe('proven');
  });

  it('a measured value that differs from the original rejects the candidate, with the state as witness', () => {
    const altered = measured('page_memcg_check', { user: { underRcu: v('NULL'), outsideRcu: v('NULL') } });
    const gen = withContract(generationOf('v6.18'), contract([altered]));
    expect(validate(LEGACY.memcgRead!, gen.helpers['page_memcg_check']!, ALL_STATES, { underRcu: true })).toMatchObject({ verdict: 'rejected', witness: 'user' });
  });

  it('a crash of the compiled helper is a trip, never a value', () => {
    const altered = measured('page_memcg_check', { 'slab-objcgs': { underRcu: { kind: 'FAULT', text: 'SIGSEGV' }, outsideRcu: { kind: 'FAULT', text: 'SIGSEGV' } } });
    const h = helperOfMeasured(altered);
    expect(h.eval(stateById('slab-objcgs'), { underRcu: true })).toEqual({ bug: "FAULT: SIGSEGV (the tree's helper dereferences a bad pointer)" });
  });

  it('changes nothing for another target, and keeps the preset where nothing was measured', () => {
    const altered = measured('page_memcg_check', { user: { underRcu: v('NULL'), outsideRcu: v('NULL') } });
    const v61 = generationOf('v6.1');
    expect(withContract(v61, contract([altered]))).toBe(v61);
    const gen = withContract(generationOf('v6.18'), contract([altered]));
    expect(gen.helpers['PageMemcgKmem']).toBe(generationOf('v6.18').helpers['PageMemcgKmem']);
    expect(gen.helpers['raw word test']).toBe(generationOf('v6.18').helpers['raw word test']);
  });

  it("does not add the tree's own helpers to the generation's names (which names exist is the API surface's to say)", () => {
    const gen = withContract(generationOf('v6.18'), contract([measured('__folio_memcg', {}, false)]));
    expect(gen.helpers['__folio_memcg']).toBeUndefined();
  });

  it('says in one sentence what the table holds', () => {
    const altered = measured('page_memcg_check', { kmem: { underRcu: v('memcg'), outsideRcu: LOCKDEP } });
    expect(measuredDoc(altered)).toBe('measured from the tree: NULL on uncharged, slab-objcgs, slab-bare, tail; memcg on user, kmem; outside rcu_read_lock(): WARN on kmem');
  });
});
