import { generationOf } from '../../src/model/generation.js';
import { LEGACY } from '../../src/model/legacy-expressions.js';
import { ALL_STATES } from '../../src/model/states.js';
import { latentBug, validate, validateWrite } from '../../src/model/validate.js';

const v511 = generationOf('v5.11').helpers;
const v61 = generationOf('v6.1').helpers;
const noRcu = { underRcu: false };
const USER = ['uncharged', 'user', 'tail'] as const;

describe('validate', () => {
  it('page_memcg_check is proven for a read on any page', () => {
    expect(validate(LEGACY.memcgRead!, v511.page_memcg_check!, ALL_STATES, noRcu).verdict).toBe('proven');
  });
  it('page_memcg is conditional on any page, with a slab witness', () => {
    const v = validate(LEGACY.memcgRead!, v511.page_memcg!, ALL_STATES, noRcu);
    expect(v.verdict).toBe('conditional');
    expect(v.witness).toBe('slab-objcgs');
    expect(v.explanation).toMatch(/holds only if the page is not a slab page with an obj_cgroup vector or a slab page without/);
  });
  it('page_memcg is proven on user pages', () => {
    expect(validate(LEGACY.memcgRead!, v511.page_memcg!, USER, noRcu).verdict).toBe('proven');
  });
  it('page_memcg_check is rejected as a "charged at all" test where slab pages are reachable', () => {
    expect(validate(LEGACY.memcgTruth!, v511.page_memcg_check!, ALL_STATES, noRcu, true)).toMatchObject({ verdict: 'rejected', witness: 'slab-objcgs' });
  });
  it('in v6.1 page_memcg() answers for the head of a tail page: rejected as a "charged" test', () => {
    expect(validate(LEGACY.memcgTruth!, v61.page_memcg!, USER, noRcu, true)).toMatchObject({ verdict: 'rejected', witness: 'tail' });
    expect(validate(LEGACY.memcgTruth!, v61.page_memcg_check!, USER, noRcu, true).verdict).toBe('proven');
  });
  it('the raw word is proven as a "charged at all" test', () => {
    expect(validate(LEGACY.memcgTruth!, v511['raw word test']!, ALL_STATES, noRcu).verdict).toBe('proven');
  });
  it('PageMemcgKmem trips on a slab page with a vector', () => {
    expect(validate(LEGACY.pageKmemcg!, v511.PageMemcgKmem!, ALL_STATES, noRcu)).toMatchObject({ verdict: 'conditional', witness: 'slab-objcgs' });
  });
  it('printing: page_memcg_check hides a slab page\'s vector, the raw word does not', () => {
    expect(validate(LEGACY.memcgPrinted!, v511.page_memcg_check!, ALL_STATES, noRcu)).toMatchObject({ verdict: 'rejected', witness: 'slab-objcgs' });
    expect(validate(LEGACY.memcgPrinted!, v511['raw word printed']!, ALL_STATES, noRcu).verdict).toBe('proven');
  });
  it('a legacy read misreads the tagged vector on slab pages, and only there', () => {
    expect(latentBug(LEGACY.memcgRead!, ALL_STATES)).toBe('slab-objcgs');
    expect(latentBug(LEGACY.memcgRead!, ['uncharged', 'user', 'kmem', 'tail'])).toBeNull();
    expect(latentBug(LEGACY.memcgReadTagTested!, ALL_STATES)).toBeNull();
  });
  it('a plain store is conditional where the page may be a kmem page', () => {
    expect(validateWrite({ setsKmem: false, clearsKmem: false }, ALL_STATES)).toMatchObject({ verdict: 'conditional', witness: 'kmem' });
    expect(validateWrite({ setsKmem: false, clearsKmem: false }, USER).verdict).toBe('proven');
    expect(validateWrite({ setsKmem: true, clearsKmem: false }, ALL_STATES).verdict).toBe('proven');
    expect(validateWrite({ setsKmem: false, clearsKmem: true }, ALL_STATES).verdict).toBe('proven');
    expect(validateWrite({ setsKmem: 'as-legacy', clearsKmem: false }, ALL_STATES).verdict).toBe('proven');
  });
  it('a candidate proven only on the states a name suggests is assumed, never proven, and says so', () => {
    const scope = { established: ALL_STATES, reachable: [...USER], assumption: { condition: 'the page is a user/LRU page', source: '`mem_cgroup_charge()`' } };
    const v = validate(LEGACY.memcgRead!, v511.page_memcg!, scope, noRcu);
    expect(v.verdict).toBe('assumed');
    expect(v.witness).toBe('slab-objcgs');
    expect(v.explanation).toMatch(/if the page is a user\/LRU page, as `mem_cgroup_charge\(\)` suggests/);
    // Proven on the facts alone: the name adds nothing and takes nothing away.
    expect(validate(LEGACY.memcgRead!, v511.page_memcg_check!, scope, noRcu).verdict).toBe('proven');
    // A name can lower a verdict: where the candidate trips on the assumed states too, conditional.
    const slab = { established: ALL_STATES, reachable: ['slab-objcgs', 'slab-bare'] as const, assumption: { condition: 'the page is a slab page', source: '`f()`' } };
    expect(validate(LEGACY.memcgRead!, v511.page_memcg!, slab, noRcu).verdict).toBe('conditional');
  });
  it('a store proven only under an assumption is assumed', () => {
    const scope = { established: ALL_STATES, reachable: [...USER], assumption: { condition: 'the page is a user/LRU page', source: '`commit_charge()`' } };
    expect(validateWrite({ setsKmem: false, clearsKmem: false }, scope)).toMatchObject({ verdict: 'assumed', witness: 'kmem' });
  });
});
