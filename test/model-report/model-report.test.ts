import { generationOf } from '../../src/model/generation.js';
import { explainHelper, generationsWith } from '../../src/model-report/explain.js';
import { modelJson } from '../../src/model-report/model-json.js';
import { modelMarkdown } from '../../src/model-report/model-markdown.js';
import { modelText } from '../../src/model-report/model-text.js';
import { modelView } from '../../src/model-report/model-view.js';
import { wordSpelling } from '../../src/model-report/word-spelling.js';
import { STATES, stateById } from '../../src/model/states.js';

/**
 * The reporters are checked on what they must show (the word each state stores with the
 * generation's flag names, every helper's outcome on every state, the tripped conditions), read
 * from the model itself where a value is the model's to decide.
 */
describe('wordSpelling', () => {
  it.each([
    ['v5.11', 'kmem', 'memcg | MEMCG_DATA_KMEM'],
    ['v5.15', 'kmem', 'objcg | MEMCG_DATA_KMEM'],
    ['v6.1', 'slab-objcgs', 'objcgs | MEMCG_DATA_OBJCGS'],
    ['v6.18', 'slab-objcgs', 'objcgs | MEMCG_DATA_OBJEXTS'],
    ['rfc-v1', 'kmem', 'memcg | BIT(PG_MEMCG_KMEM)'],
    ['v6.1', 'uncharged', '0'],
    ['v6.1', 'tail', '0 (head page: memcg)'],
    ['legacy', 'kmem', 'memcg, PageKmemcg'],
    ['legacy', 'slab-objcgs', 'objcgs | 0x1UL'],
  ] as const)('%s %s: %s', (target, state, word) => {
    expect(wordSpelling(stateById(state), generationOf(target))).toBe(word);
  });
});

describe('modelView', () => {
  it('holds every helper of the generation on every state, inside and (where it differs) outside RCU', () => {
    const gen = generationOf('v6.1');
    const view = modelView(gen);
    expect(view.helpers.map((h) => h.name)).toEqual(Object.keys(gen.helpers));
    const rcu = view.helpers.find((h) => h.name === 'folio_memcg_rcu')!;
    expect(rcu.outcomes.user).toEqual({ kind: 'value', text: 'memcg' });
    expect(rcu.outsideRcu.user).toEqual({ kind: 'WARN', text: 'WARN_ON_ONCE(!rcu_read_lock_held())' });
    expect(view.helpers.find((h) => h.name === 'page_memcg_check')!.outsideRcu).toEqual({});
  });
});

describe('modelText', () => {
  const text = modelText(modelView(generationOf('v5.11')));

  it('prints the summary, the states with their words, and the helper x state matrix with footnoted conditions', () => {
    expect(text).toMatch(/^memcg model: v5\.11\npage->memcg_data: MEMCG_DATA_OBJCGS/);
    expect(text).toMatch(/\n {2}kmem +memcg \| MEMCG_DATA_KMEM +memcg, PageKmemcg +a kmem page/);
    expect(text).toMatch(/\n {2}helper +takes +uncharged +user +kmem +slab-objcgs +slab-bare +tail\n/);
    const row = text.split('\n').find((l) => l.startsWith('  page_objcgs '))!;
    const cells = row.trim().split(/ {2,}/);
    expect(cells).toEqual(['page_objcgs', 'page', 'NULL', expect.stringMatching(/^BUG \[\d+\]$/), expect.stringMatching(/^BUG \[\d+\]$/), 'objcgs', 'NULL', 'NULL']);
    const n = /\[(\d+)\]/.exec(cells[3]!)![1];
    const note = new RegExp(`\\n {2}\\[${n}\\] (.*)\\n`).exec(text)![1];
    expect(note).toBe((generationOf('v5.11').helpers.page_objcgs!.eval(stateById('user'), { underRcu: true }) as { bug: string }).bug);
    expect(text).toContain('\nPreconditions that trip\n');
    expect(text).toMatch(/\nOutside rcu_read_lock\(\)\n {2}page_memcg_rcu: WARN \[\d+\] on uncharged, user, kmem, tail\n/);
  });
});

describe('modelMarkdown', () => {
  const md = modelMarkdown(modelView(generationOf('legacy')));

  it('prints tables, with a | inside a value escaped', () => {
    expect(md).toContain('## memcg model: legacy');
    expect(md).toContain('| `slab-objcgs` | `objcgs \\| 0x1UL` | `objcgs \\| 0x1UL` | a slab page with an obj_cgroup vector |');
    expect(md).toContain('| `page_memcg` | page | `NULL` | `memcg` | `memcg` | `objcgs\\|0x1` | `NULL` | `NULL` |');
    expect(md).toContain('1. `WARN_ON_ONCE(!rcu_read_lock_held())`');
  });
});

describe('modelJson', () => {
  it('is the view as JSON', () => {
    const view = modelView(generationOf('v6.18'));
    expect(JSON.parse(modelJson(view))).toEqual(JSON.parse(JSON.stringify(view)));
    expect(JSON.parse(modelJson(view)).states).toHaveLength(STATES.length);
  });
});

describe('explainHelper', () => {
  it('says what the helper takes, what it does on each state, and when it trips', () => {
    expect(explainHelper(generationOf('v6.1'), 'folio_memcg')).toMatch(/^folio_memcg \(v6\.1\) takes a struct folio \*/);
    const text = explainHelper(generationOf('v5.11'), 'page_memcg_rcu')!;
    expect(text).toMatch(/^page_memcg_rcu \(v5\.11\) takes a struct page \*\.\n/);
    expect(text).toContain('\n  a user/LRU page charged to a memcg (user): returns the memcg\n');
    expect(text).toMatch(/\n {2}a slab page without an obj_cgroup vector \(slab-bare\): BUGs: VM_BUG_ON_PAGE\(.*\) fires\n/);
    expect(text).toContain('\nOutside rcu_read_lock():\n  on uncharged, user, kmem, tail: warns: WARN_ON_ONCE(!rcu_read_lock_held()) fires (and it goes on)\n');
    expect(text).toContain('\nSafe only on uncharged, user, kmem, tail; trips on slab-objcgs, slab-bare.\n');
  });

  it('names the other generations that have it, and is null for a helper the generation lacks', () => {
    expect(explainHelper(generationOf('v6.1'), 'page_memcg_check')).toContain('\nSafe on every page state.\nAlso in v5.11, v5.15, v6.18.\n');
    expect(explainHelper(generationOf('v6.1'), 'page_objcgs')).toBeNull();
    expect(generationsWith('page_objcgs')).toEqual(['v5.11', 'v5.15']);
  });
});
