import type { Generation } from '../model/generation.js';
import { STATES, stateById, type PageState } from '../model/states.js';
import { wordOf, type Word } from '../model/word.js';
import type { WordLayout } from './word-layout.js';

/** The objects a word can point to, as the harness names them. */
const POINTER: Record<Word['pointer'], string> = {
  none: '0UL',
  memcg: '(unsigned long)&harness_memcg',
  objcg: '(unsigned long)&harness_objcg',
  objcgs: '(unsigned long)harness_objcgs',
};

/** The C value of a state's own word in the tree's layout, with its flags spelled by the header's names. */
function wordValue(s: PageState, gen: Generation, layout: WordLayout): string {
  const base = wordOf(s, layout.kmem);
  const w = s.id === 'user' ? { ...base, pointer: layout.user } : base;
  return [POINTER[w.pointer], ...(w.objcgs ? [gen.flags!.objcgs] : []), ...(w.kmem ? [gen.flags!.kmem] : [])].join(' | ');
}

/**
 * `harness_setup()`: puts `harness_page` into a model state and returns it. The word is the
 * model's (word.ts) in the tree's layout (what a user folio and a kmem page hold); a slab page has PG_slab; a tail page points to its head,
 * a charged user page (the model's page_folio() of a tail page).
 */
export function stateSetup(gen: Generation, layout: WordLayout): string {
  const cases = STATES.map((s, i) => {
    const lines = [`\tcase ${i}: /* ${s.id}: ${s.description} */`];
    if (s.slab) lines.push('\t\tharness_page.flags = HARNESS_PG_SLAB;');
    if (s.tail) {
      lines.push('\t\tharness_head.flags = HARNESS_PG_HEAD;');
      lines.push(`\t\tharness_head.memcg_data = ${wordValue(stateById('user'), gen, layout)};`);
      lines.push('\t\tharness_page.compound_head = (unsigned long)&harness_head + 1;');
    }
    lines.push(`\t\tharness_page.memcg_data = ${wordValue(s, gen, layout)};`, '\t\tbreak;');
    return lines.join('\n');
  });
  return [
    'static struct page *harness_setup(int state)',
    '{',
    '\tmemset(&harness_head, 0, sizeof(harness_head));',
    '\tmemset(&harness_page, 0, sizeof(harness_page));',
    '\tswitch (state) {',
    ...cases,
    '\t}',
    '\treturn &harness_page;',
    '}',
  ].join('\n');
}

/** The states in the order stateSetup() numbers them. */
export function stateNames(): string {
  return `static const char *const harness_states[] = { ${STATES.map((s) => JSON.stringify(s.id)).join(', ')} };`;
}
