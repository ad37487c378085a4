import { generationOf } from '../../src/model/generation.js';
import { wordLayout } from '../../src/verify/word-layout.js';

describe('wordLayout', () => {
  it("reads what the memcg core stores: a memcg in user folios, an obj_cgroup with MEMCG_DATA_KMEM in kmem pages", () => {
    const core = 'static void commit_charge(struct folio *folio, struct mem_cgroup *memcg)\n{\n\tfolio->memcg_data = (unsigned long)memcg;\n}\n\tpage->memcg_data = (unsigned long)objcg |\n\t\tMEMCG_DATA_KMEM;\n';
    expect(wordLayout(core, generationOf('v6.18'))).toEqual({ user: 'memcg', kmem: 'objcg', evidence: 'mm/memcontrol.c: a user folio holds a memcg, a kmem page an obj_cgroup' });
  });

  it('sees user folios charged with an obj_cgroup (7.2)', () => {
    const core = '\tfolio->memcg_data = (unsigned long)objcg;\n\tpage->memcg_data = (unsigned long)objcg | MEMCG_DATA_KMEM;\n';
    expect(wordLayout(core, generationOf('v6.18'))).toMatchObject({ user: 'objcg', kmem: 'objcg' });
  });

  it("falls back to the preset where the file says nothing, and says so", () => {
    expect(wordLayout(null, generationOf('v5.11'))).toEqual({ user: 'memcg', kmem: 'memcg', evidence: 'the v5.11 preset (no mm/memcontrol.c in the tree)' });
    expect(wordLayout('int x;\n', generationOf('v6.1'))).toMatchObject({ user: 'memcg', kmem: 'objcg' });
    expect(wordLayout('\tfolio->memcg_data = (unsigned long)objcg;\n', generationOf('v5.11'))).toMatchObject({ user: 'objcg', kmem: 'memcg' });
  });
});
