import { RELEVANT, RELEVANT_LITERALS } from '../../src/c/source-analysis.js';
import { createPrefilter } from '../../src/audit/prefilter.js';

const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('the literal prefilter', () => {
  const prefilter = createPrefilter();

  test('searches the literals that every match of the reviewer’s own RELEVANT expression holds', () => {
    expect(prefilter.literals).toEqual([...RELEVANT_LITERALS]);
    // The field names at least, or the loop below proves nothing.
    expect(prefilter.literals).toEqual(expect.arrayContaining(['mem_cgroup', 'obj_cgroups', 'memcg_data']));
    // Each literal, written as RELEVANT wants it (mem_cgroup as a field), is relevant: none is dead weight.
    for (const literal of prefilter.literals!) expect([literal, RELEVANT.test(`p->${literal}`)]).toEqual([literal, true]);
  });

  test('mem_cgroup is relevant as a field only, not as the type name', () => {
    for (const field of ['page->mem_cgroup', 'page[0].mem_cgroup', 'page ->\n\t\tmem_cgroup = NULL', '.mem_cgroup = memcg,']) expect([field, RELEVANT.test(field)]).toEqual([field, true]);
    for (const other of ['struct mem_cgroup *memcg;', 'mem_cgroup_from_task(p)', 'page->mem_cgroup_id', '/* the mem_cgroup of a task */']) expect([other, RELEVANT.test(other)]).toEqual([other, false]);
  });

  test.each([
    'x = page->mem_cgroup;',
    'cmpxchg(&page->obj_cgroups, NULL, vec);',
    'unsigned long memcg_data;',
    'if (PageKmemcg(page))',
    '__SetPageKmemcg(page);',
  ])('lets through a file with a relevant token: %s', (text) => {
    expect(prefilter.test(bytes(`int a;\n${text}\nint b;\n`))).toBe('candidate');
  });

  test.each(['int main(void) { return 0; }', 'struct cgroup_subsys_state *css;', 'memcg = get_memcg_of(mm);', ''])(
    'skips a file without one: %s',
    (text) => {
      expect(prefilter.test(bytes(text))).toBe('skip');
    },
  );

  test('agrees with RELEVANT on every file that RELEVANT accepts (no file the reviewer would parse is skipped)', () => {
    const samples = [
      'a mem_cgroup b', 'mem_cgroups', 'xobj_cgroupsx', 'memcg_datum', 'memcg_data', 'PageKmemcg', 'Kmem cg', 'mem cgroup', 'cg', 'memcg',
      'struct mem_cgroup *memcg;', 'page->mem_cgroup_id', '/* mem_cgroup */', '"obj_cgroups"', 'page->mem_cgroup', 'p .mem_cgroup',
      'x->\n mem_cgroup', 'PageMemcgKmem(page)', 'folio_memcg(f)',
    ];
    const relevant = samples.filter((s) => RELEVANT.test(s));
    // Most samples name a field: the comparison below must run on them (and a few must be irrelevant).
    expect(relevant.length).toBeGreaterThanOrEqual(5);
    expect(relevant.length).toBeLessThan(samples.length);
    for (const s of relevant) expect([s, prefilter.test(bytes(s))]).toEqual([s, 'candidate']);
  });

  test('reads bytes that are not valid UTF-8 without failing', () => {
    const latin1 = Buffer.concat([bytes('/* Copyright '), Buffer.from([0xa9, 0xff]), bytes(' */ page->mem_cgroup')]);
    expect(prefilter.test(latin1)).toBe('candidate');
  });

  test('works on a Uint8Array view as on a Buffer', () => {
    const b = bytes('xx page->memcg_data yy');
    expect(prefilter.test(new Uint8Array(b.buffer, b.byteOffset, b.byteLength))).toBe('candidate');
  });

  test('an expression that is not literals falls back to testing the text, and agrees with it', () => {
    const rich = createPrefilter(/folio_memcg\s*\(|PageMemcg\w+/);
    expect(rich.literals).toBeNull();
    expect(rich.test(bytes('x = folio_memcg (folio);'))).toBe('candidate');
    expect(rich.test(bytes('PageMemcgKmem(page)'))).toBe('candidate');
    expect(rich.test(bytes('folio_memcg_kmem'))).toBe('skip');
  });

  test('a single literal needs no gate', () => {
    const one = createPrefilter(/memcg_data/);
    expect(one.literals).toEqual(['memcg_data']);
    expect(one.test(bytes('page->memcg_data'))).toBe('candidate');
    expect(one.test(bytes('page->memcg'))).toBe('skip');
  });
});
