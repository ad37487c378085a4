import { HELPERS, LEGACY } from '../../src/model/v5.11-expressions.js';
import { ALL_STATES, stateById, type StateId } from '../../src/model/v5.11-states.js';
import { latentBug, validate, validateWrite } from '../../src/model/validate.js';

const rcu = { underRcu: true };
const noRcu = { underRcu: false };

function outcome(helper: string, id: StateId, env = rcu): string {
  const out = HELPERS[helper]!.eval(stateById(id), env);
  return 'bug' in out ? `BUG` : out.value;
}

describe('v5.11 helpers on every state (contracts of ../shared/memcg-api.md)', () => {
  const table: Record<string, Record<StateId, string>> = {
    page_memcg: { uncharged: 'NULL', user: 'memcg', kmem: 'memcg', 'slab-objcgs': 'BUG', 'slab-bare': 'BUG' },
    page_memcg_rcu: { uncharged: 'NULL', user: 'memcg', kmem: 'memcg', 'slab-objcgs': 'BUG', 'slab-bare': 'BUG' },
    page_memcg_check: { uncharged: 'NULL', user: 'memcg', kmem: 'memcg', 'slab-objcgs': 'NULL', 'slab-bare': 'NULL' },
    PageMemcgKmem: { uncharged: 'false', user: 'false', kmem: 'true', 'slab-objcgs': 'BUG', 'slab-bare': 'false' },
    page_objcgs: { uncharged: 'NULL', user: 'BUG', kmem: 'BUG', 'slab-objcgs': 'objcgs', 'slab-bare': 'NULL' },
    page_objcgs_check: { uncharged: 'NULL', user: 'NULL', kmem: 'NULL', 'slab-objcgs': 'objcgs', 'slab-bare': 'NULL' },
    raw_word_test: { uncharged: 'false', user: 'true', kmem: 'true', 'slab-objcgs': 'true', 'slab-bare': 'false' },
  };
  for (const [helper, row] of Object.entries(table)) {
    for (const id of ALL_STATES) {
      it(`${helper} on ${id} is ${row[id]}`, () => expect(outcome(helper, id)).toBe(row[id]));
    }
  }
  it('page_memcg_rcu warns outside rcu_read_lock()', () => {
    expect(HELPERS.page_memcg_rcu!.eval(stateById('user'), noRcu)).toEqual({ bug: 'WARN_ON_ONCE(!rcu_read_lock_held())' });
  });
});

describe('validate', () => {
  it('page_memcg_check is proven for a read on any page', () => {
    expect(validate(LEGACY.memcgRead!, HELPERS.page_memcg_check!, ALL_STATES, noRcu).verdict).toBe('proven');
  });
  it('page_memcg is conditional on any page, with a slab witness', () => {
    const v = validate(LEGACY.memcgRead!, HELPERS.page_memcg!, ALL_STATES, noRcu);
    expect(v.verdict).toBe('conditional');
    expect(v.witness).toBe('slab-objcgs');
    expect(v.explanation).toMatch(/holds only if the page is not a slab page with an obj_cgroup vector/);
  });
  it('page_memcg is proven on user pages', () => {
    expect(validate(LEGACY.memcgRead!, HELPERS.page_memcg!, ['uncharged', 'user'], noRcu).verdict).toBe('proven');
  });
  it('page_memcg_check is rejected as a "charged at all" test where slab pages are reachable', () => {
    const v = validate(LEGACY.memcgTruth!, HELPERS.page_memcg_check!, ALL_STATES, noRcu, true);
    expect(v).toMatchObject({ verdict: 'rejected', witness: 'slab-objcgs' });
  });
  it('the raw word is proven as a "charged at all" test', () => {
    expect(validate(LEGACY.memcgTruth!, HELPERS.raw_word_test!, ALL_STATES, noRcu).verdict).toBe('proven');
  });
  it('PageMemcgKmem trips on a slab page with a vector', () => {
    expect(validate(LEGACY.pageKmemcg!, HELPERS.PageMemcgKmem!, ALL_STATES, noRcu)).toMatchObject({ verdict: 'conditional', witness: 'slab-objcgs' });
  });
  it('a legacy read misreads the tagged vector on slab pages', () => {
    expect(latentBug(LEGACY.memcgRead!, ALL_STATES)).toBe('slab-objcgs');
    expect(latentBug(LEGACY.memcgRead!, ['uncharged', 'user', 'kmem'])).toBeNull();
    expect(latentBug(LEGACY.memcgReadTagTested!, ALL_STATES)).toBeNull();
  });
  it('a plain store is conditional where the page may be a kmem page', () => {
    expect(validateWrite({ setsKmem: false, clearsKmem: false }, ALL_STATES)).toMatchObject({ verdict: 'conditional', witness: 'kmem' });
    expect(validateWrite({ setsKmem: false, clearsKmem: false }, ['uncharged', 'user']).verdict).toBe('proven');
    expect(validateWrite({ setsKmem: true, clearsKmem: false }, ALL_STATES).verdict).toBe('proven');
    expect(validateWrite({ setsKmem: false, clearsKmem: true }, ALL_STATES).verdict).toBe('proven');
  });
});
