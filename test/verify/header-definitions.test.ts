import { loadCParser, type CParser } from '../../src/c/parser.js';
import { headerDefinitions } from '../../src/verify/header-definitions.js';

let parser: CParser;
beforeAll(async () => {
  parser = await loadCParser();
});

const defsOf = (text: string) => headerDefinitions(text, parser);

describe('headerDefinitions: the variant the memcg configuration selects', () => {
  it('takes the CONFIG_MEMCG branch, never the stub of its #else, whichever comes first', () => {
    const defs = defsOf(`#ifndef CONFIG_MEMCG
static inline int f(struct page *page) { return 0; }
#else
static inline int f(struct page *page) { return 1; }
#endif
#ifdef CONFIG_MEMCG
static inline int g(struct page *page) { return 2; }
#else
static inline int g(struct page *page) { return 3; }
#endif
`);
    expect(defs.functions.get('f')!.text).toContain('return 1;');
    expect(defs.functions.get('g')!.text).toContain('return 2;');
  });

  it('follows nested branches and #if expressions (defined, IS_ENABLED, !, &&, ||, #elif)', () => {
    const defs = defsOf(`#ifdef CONFIG_MEMCG
#if defined(CONFIG_MEMCG_KMEM) && !defined(CONFIG_MEMCG)
static inline int a(void) { return 1; }
#elif IS_ENABLED(CONFIG_MEMCG_KMEM) || defined(CONFIG_SOMETHING)
static inline int a(void) { return 2; }
#else
static inline int a(void) { return 3; }
#endif
#endif
`);
    expect(defs.functions.get('a')!.text).toContain('return 2;');
  });

  it('prefers a branch the configuration decides over one it says nothing about, and keeps the first among equals', () => {
    const defs = defsOf(`#ifdef CONFIG_DEBUG_VM
static inline int d(void) { return 1; }
#else
static inline int d(void) { return 2; }
#endif
#ifdef CONFIG_DEBUG_VM
static inline int k(void) { return 1; }
#endif
#ifdef CONFIG_MEMCG_KMEM
static inline int k(void) { return 2; }
#endif
`);
    expect(defs.functions.get('d')!.text).toContain('return 1;');
    expect(defs.functions.get('k')!.text).toContain('return 2;');
  });

  it('names what is defined only where the configuration is off', () => {
    const defs = defsOf('#ifndef CONFIG_MEMCG_KMEM\nstatic inline bool off(struct page *page) { return false; }\n#define OFF 1\n#endif\n');
    expect(defs.functions.has('off')).toBe(false);
    expect([...defs.offOnly].sort()).toEqual(['OFF', 'off']);
  });
});

describe('headerDefinitions: what a definition is and uses', () => {
  const defs = () =>
    defsOf(`enum flags { F_A = (1UL << 0), F_B = F_A << SHIFT };
#define MASK(x) ((x) & ~(F_A | OTHER))
static inline struct obj_cgroup **vec(struct page *page, struct obj_cgroup **fresh)
{
	unsigned long data = READ_ONCE(page->memcg_data), *p = &data;

	return (struct obj_cgroup **)MASK(*p) ?: helper(fresh, page);
}
static inline void nothing(struct folio *folio) { }
`);

  it('reads a function: its prototype, what it returns, its parameters, the names it uses but does not declare', () => {
    const vec = defs().functions.get('vec')!;
    expect(vec.prototype).toBe('static inline struct obj_cgroup **vec(struct page *page, struct obj_cgroup **fresh);');
    expect(vec.returns).toBe('pointer');
    expect(vec.params).toEqual([
      { type: 'struct page', pointers: 1 },
      { type: 'struct obj_cgroup', pointers: 2 },
    ]);
    expect(vec.uses.sort()).toEqual(['MASK', 'READ_ONCE', 'helper']);
    expect(defs().functions.get('nothing')!.returns).toBe('void');
  });

  it('reads macros (without their parameters) and enums (with the names their values use)', () => {
    expect(defs().macros.get('MASK')!.uses.sort()).toEqual(['F_A', 'OTHER']);
    expect(defs().enums).toEqual([expect.objectContaining({ name: 'flags', enumerators: ['F_A', 'F_B'], uses: ['SHIFT'], text: 'enum flags { F_A = (1UL << 0), F_B = F_A << SHIFT };' })]);
  });
});
