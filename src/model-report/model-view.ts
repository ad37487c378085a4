import type { MeasuredContract, MeasuredHelper } from '../model/contract.js';
import { measuredDoc } from '../model/contract.js';
import type { Generation } from '../model/generation.js';
import { STATES, type StateId } from '../model/states.js';
import type { Target } from '../types.js';
import { observedOfModel, type Observed } from '../verify/observed.js';
import { legacySpelling, wordSpelling } from './word-spelling.js';

export interface StateRow {
  id: StateId;
  description: string;
  /** What the state stores in the generation's word. */
  word: string;
  /** The legacy union's value (and PageKmemcg). */
  legacy: string;
}

export interface HelperRow {
  name: string;
  takes: 'page' | 'folio' | 'none';
  doc: string;
  /** Under rcu_read_lock(). */
  outcomes: Record<StateId, Observed>;
  /** Outside rcu_read_lock(), where it differs. */
  outsideRcu: Partial<Record<StateId, Observed>>;
}

/** A generation of the model laid out for the reporters: its states and every helper on every state. */
export interface ModelView {
  target: Target;
  summary: string;
  flags: Generation['flags'];
  kmemStores: Generation['kmemStores'];
  states: StateRow[];
  helpers: HelperRow[];
  /**
   * With --tree: the helpers are the tree's own, compiled and run on every state (where, what the
   * word holds, what was not measured), or why the preset is shown instead.
   */
  measured?: { source: string; layout: string; notMeasured: { helper: string; reason: string }[] } | { preset: string };
}

export function modelView(gen: Generation): ModelView {
  return {
    target: gen.id,
    summary: gen.summary,
    flags: gen.flags,
    kmemStores: gen.kmemStores,
    states: STATES.map((s) => ({ id: s.id, description: s.description, word: wordSpelling(s, gen), legacy: legacySpelling(s) })),
    helpers: Object.values(gen.helpers).map((h) => {
      const outcomes = {} as Record<StateId, Observed>;
      const outsideRcu: Partial<Record<StateId, Observed>> = {};
      for (const s of STATES) {
        const inside = observedOfModel(h.eval(s, { underRcu: true }));
        const outside = observedOfModel(h.eval(s, { underRcu: false }));
        outcomes[s.id] = inside;
        if (outside.kind !== inside.kind || outside.text !== inside.text) outsideRcu[s.id] = outside;
      }
      return { name: h.name, takes: h.takes, doc: h.doc, outcomes, outsideRcu };
    }),
  };
}

function measuredRow(m: MeasuredHelper): HelperRow {
  const outcomes = {} as Record<StateId, Observed>;
  const outsideRcu: Partial<Record<StateId, Observed>> = {};
  for (const s of STATES) {
    const { underRcu, outsideRcu: outside } = m.outcomes[s.id];
    outcomes[s.id] = underRcu;
    if (outside.kind !== underRcu.kind || outside.text !== underRcu.text) outsideRcu[s.id] = outside;
  }
  return { name: m.name, takes: m.takes, doc: m.inPreset ? measuredDoc(m) : `the tree's own (no preset): ${measuredDoc(m)}`, outcomes, outsideRcu };
}

/** The measured table of a tree laid out like a generation: every helper it measured, as the tree's definition behaved. */
export function measuredModelView(gen: Generation, contract: MeasuredContract): ModelView {
  const base = modelView(gen);
  const { user, kmem } = contract.stores;
  const word = (row: StateRow): string =>
    row.id === 'user' ? user : row.id === 'kmem' ? row.word.replace(/^(memcg|objcg)/, kmem) : row.word.replace(/\(head page: (memcg|objcg)\)/, `(head page: ${user})`);
  return {
    ...base,
    states: base.states.map((row) => ({ ...row, word: word(row) })),
    helpers: Object.values(contract.helpers).map(measuredRow),
    measured: { source: contract.source, layout: contract.layout, notMeasured: contract.unmeasured },
  };
}
