import { detectGeneration } from '../../src/model/detect-generation.js';

function tree(files: Record<string, string>) {
  return (p: string) => files[p] ?? null;
}

describe('detectGeneration', () => {
  it.each([
    ['v6.18', { 'include/linux/memcontrol.h': 'enum { MEMCG_DATA_OBJEXTS = (1UL << 0) };\nstatic inline struct mem_cgroup *folio_memcg(struct folio *folio);' }],
    ['v6.1', { 'include/linux/memcontrol.h': 'static inline struct mem_cgroup *folio_memcg(struct folio *folio)\n{' }],
    ['v5.15', { 'include/linux/memcontrol.h': 'static inline struct obj_cgroup *__page_objcg(struct page *page)\n{\nstatic inline struct mem_cgroup *page_memcg_check(struct page *page)' }],
    ['v5.11', { 'include/linux/memcontrol.h': 'MEMCG_DATA_OBJCGS = (1UL << 0),\nstatic inline struct mem_cgroup *page_memcg_check(struct page *page)' }],
    ['rfc-v1', { 'include/linux/memcontrol.h': 'PG_MEMCG_OBJ_CGROUPS,\nstatic inline struct mem_cgroup *page_mem_cgroup(struct page *page)' }],
    ['legacy', { 'include/linux/memcontrol.h': 'struct mem_cgroup;', 'include/linux/mm_types.h': 'union {\n\t\tstruct mem_cgroup *mem_cgroup;\n\t\tstruct obj_cgroup **obj_cgroups;\n\t};' }],
  ])('%s', (target, files) => {
    expect(detectGeneration(tree(files)).target).toBe(target);
  });

  it('says why when nothing matches', () => {
    expect(detectGeneration(tree({}))).toEqual({ target: null, evidence: 'no include/linux/memcontrol.h or include/linux/mm_types.h in the tree' });
    expect(detectGeneration(tree({ 'include/linux/memcontrol.h': 'int x;' })).target).toBeNull();
  });
});
