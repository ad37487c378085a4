import { GENERATIONS, generationOf } from '../../src/model/generation.js';
import { ALL_STATES, stateById } from '../../src/model/states.js';
import type { Target } from '../../src/types.js';

/**
 * Every helper of every generation on every state, written from the contracts of
 * ../shared/memcg-api.md (and the 6.1 bodies), not from the model's code. Columns:
 * uncharged, user, kmem, slab-objcgs, slab-bare, tail. Evaluated under rcu_read_lock().
 */
const V511_TABLE = {
  page_memcg: 'NULL memcg memcg BUG BUG NULL',
  page_memcg_rcu: 'NULL memcg memcg BUG BUG NULL',
  page_memcg_check: 'NULL memcg memcg NULL NULL NULL',
  PageMemcgKmem: 'false false true BUG false false',
  page_objcgs: 'NULL BUG BUG objcgs NULL NULL',
  page_objcgs_check: 'NULL NULL NULL objcgs NULL NULL',
  set_page_objcgs: 'true false false false true true',
  '!set_page_objcgs': 'false true true true false false',
};
const RAW = {
  'raw word test': 'false true true true false false',
  'raw word printed': 'NULL memcg memcg|KMEM objcgs|OBJCGS NULL NULL',
};

const TABLES: Record<Target, Record<string, string>> = {
  legacy: {
    page_memcg: 'NULL memcg memcg objcgs|0x1 NULL NULL',
    page_memcg_rcu: 'NULL memcg memcg objcgs|0x1 NULL NULL',
    PageKmemcg: 'false false true false false false',
    page_obj_cgroups: 'NULL memcg memcg objcgs NULL NULL',
    page_has_obj_cgroups: 'false false false true false false',
  },
  'rfc-v1': {
    page_mem_cgroup: 'NULL memcg memcg BUG BUG NULL',
    page_mem_cgroup_check: 'NULL memcg memcg NULL NULL NULL',
    PageMemcgKmem: 'false false true BUG false false',
    page_obj_cgroups: 'NULL BUG BUG objcgs NULL NULL',
    page_obj_cgroups_check: 'NULL NULL NULL objcgs NULL NULL',
    set_page_obj_cgroups: 'true false false false true true',
    '!set_page_obj_cgroups': 'false true true true false false',
    ...RAW,
  },
  'v5.11': { ...V511_TABLE, ...RAW },
  'v5.15': {
    ...V511_TABLE,
    ...RAW,
    __page_memcg: 'NULL memcg BUG BUG BUG NULL',
    __page_objcg: 'BUG BUG objcg BUG BUG BUG',
  },
  'v6.1': {
    folio_memcg: 'NULL memcg memcg BUG BUG BUG',
    __folio_memcg: 'NULL memcg BUG BUG BUG BUG',
    __folio_objcg: 'BUG BUG objcg BUG BUG BUG',
    folio_memcg_rcu: 'NULL memcg memcg BUG BUG BUG',
    folio_memcg_kmem: 'false false true BUG false BUG',
    page_memcg: 'NULL memcg memcg BUG BUG memcg',
    page_memcg_check: 'NULL memcg memcg NULL NULL NULL',
    PageMemcgKmem: 'false false true BUG false false',
    'folio_memcg_rcu(page_folio())': 'NULL memcg memcg BUG BUG memcg',
    ...RAW,
  },
  'v6.18': {
    folio_memcg: 'NULL memcg memcg BUG BUG BUG',
    folio_memcg_charged: 'false true true true false false',
    folio_memcg_check: 'NULL memcg memcg NULL NULL NULL',
    page_memcg_check: 'NULL memcg memcg NULL NULL NULL',
    folio_memcg_kmem: 'false false true BUG false BUG',
    PageMemcgKmem: 'false false true BUG false false',
    'folio_memcg(page_folio())': 'NULL memcg memcg BUG BUG memcg',
    ...RAW,
  },
};

describe.each(GENERATIONS.map((g) => g.id))('generation %s', (target) => {
  const gen = generationOf(target);
  const table = TABLES[target];

  it('the table covers every helper of the model, and no other', () => {
    expect(Object.keys(gen.helpers).sort()).toEqual(Object.keys(table).sort());
  });

  const cases = Object.entries(table).flatMap(([helper, row]) => ALL_STATES.map((state, i) => [helper, state, row.split(' ')[i]!] as const));
  it.each(cases)('%s on %s is %s', (helper, state, expected) => {
    const out = gen.helpers[helper]!.eval(stateById(state), { underRcu: true });
    expect('bug' in out ? 'BUG' : out.value).toBe(expected);
  });

  it('every intent it spells names one of its helpers', () => {
    const spellings = Object.values(gen.intents);
    // The legacy layout spells no intent (its field is the API); every other generation spells the readers and more.
    if (target === 'legacy') expect(spellings).toHaveLength(0);
    else expect(spellings.length).toBeGreaterThanOrEqual(5);
    for (const spelling of spellings) expect(gen.helpers[spelling!.helper]).toBeDefined();
  });
});

describe('outside rcu_read_lock()', () => {
  it.each([
    ['v5.11', 'page_memcg_rcu'],
    ['v6.1', 'folio_memcg_rcu'],
    ['legacy', 'page_memcg_rcu'],
  ] as const)('%s %s warns', (target, helper) => {
    expect(generationOf(target).helpers[helper]!.eval(stateById('user'), { underRcu: false })).toEqual({ bug: 'WARN_ON_ONCE(!rcu_read_lock_held())' });
  });
});
