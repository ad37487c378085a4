import type { Target } from '../types.js';
import type { Generation } from './generation.js';
import { bug, value, type HelperModel, type Outcome } from './outcome.js';
import { ALL_STATES, type PageState, type StateId } from './states.js';

/**
 * What a helper did on one state when the tree's own definition was compiled and run: a value
 * (NULL, memcg, objcg, true, ...), a BUG or a WARN with the condition that tripped, or a FAULT
 * (the compiled helper crashed: a tagged or bad pointer dereferenced).
 */
export interface MeasuredOutcome {
  kind: 'value' | 'BUG' | 'WARN' | 'FAULT';
  text: string;
}

/** One helper of the tree, measured on every model state, under rcu_read_lock() and outside it. */
export interface MeasuredHelper {
  name: string;
  /** The preset of the generation has a helper of this name (else the tree's own: measured, not compared). */
  inPreset: boolean;
  /** What it is called on: the state's page, or the page taken as a folio. */
  takes: 'page' | 'folio';
  outcomes: Record<StateId, { underRcu: MeasuredOutcome; outsideRcu: MeasuredOutcome }>;
}

/**
 * The contract of a tree's helpers as measured from its own definitions (`model verify`): what
 * each helper does on each page state. A plain value (it crosses to audit workers as it is); the
 * preset generation stays in force for what the table does not cover.
 */
export interface MeasuredContract {
  /** The generation whose flag names and preset it was measured alongside. */
  target: Target;
  /** Where it was measured: the header's path. */
  source: string;
  /** Where the states' words were read (word layout). */
  layout: string;
  /** What the states' words held: the pointer a charged user folio and a kmem page store. */
  stores: { user: 'memcg' | 'objcg'; kmem: 'memcg' | 'objcg' };
  /** Every measured helper, by the name the model calls it (`page_memcg_check`, `folio_memcg(page_folio())`). */
  helpers: Record<string, MeasuredHelper>;
  /** Helpers the tree defines (or the preset names) that were not measured, and why. */
  unmeasured: { helper: string; reason: string }[];
}

/** A measured outcome as the model's: a value, or a tripped precondition (WARN, BUG, FAULT). */
export function outcomeOfMeasured(o: MeasuredOutcome): Outcome {
  if (o.kind === 'value') return value(o.text);
  if (o.kind === 'WARN') return bug(/^WARN/.test(o.text) ? o.text : `WARN: ${o.text}`);
  if (o.kind === 'FAULT') return bug(`FAULT: ${o.text} (the tree's helper dereferences a bad pointer)`);
  return bug(o.text);
}

function cell(o: MeasuredOutcome): string {
  return o.kind === 'value' ? o.text : o.kind;
}

/** One sentence from the table: `measured: memcg on user, kmem; BUG on slab-objcgs; WARN outside RCU on kmem`. */
export function measuredDoc(m: MeasuredHelper): string {
  const under = new Map<string, StateId[]>();
  const outside = new Map<string, StateId[]>();
  for (const id of ALL_STATES) {
    const { underRcu, outsideRcu } = m.outcomes[id];
    under.set(cell(underRcu), [...(under.get(cell(underRcu)) ?? []), id]);
    if (cell(outsideRcu) !== cell(underRcu)) outside.set(cell(outsideRcu), [...(outside.get(cell(outsideRcu)) ?? []), id]);
  }
  const part = (map: Map<string, StateId[]>) => [...map].map(([c, ids]) => `${c} on ${ids.join(', ')}`).join('; ');
  return `measured from the tree: ${part(under)}${outside.size > 0 ? `; outside rcu_read_lock(): ${part(outside)}` : ''}`;
}

/** A measured helper as the model's executable helper: its table looked up. */
export function helperOfMeasured(m: MeasuredHelper): HelperModel {
  return {
    name: m.name,
    takes: m.takes,
    doc: measuredDoc(m),
    eval: (s: PageState, env) => outcomeOfMeasured(env.underRcu ? m.outcomes[s.id].underRcu : m.outcomes[s.id].outsideRcu),
  };
}

/**
 * The generation with the measured contract in force: every preset helper the tree's table
 * measured evaluates to what the tree's own definition did; the others (raw-word expressions,
 * helpers not measured) keep the preset's. A contract measured for another target changes nothing.
 * The tree's own helpers that the preset lacks are in `contract.helpers` (inPreset false); which
 * names exist is decided elsewhere (the API surface), not here.
 */
export function withContract(gen: Generation, contract: MeasuredContract | undefined): Generation {
  if (!contract || contract.target !== gen.id) return gen;
  const helpers = Object.fromEntries(
    Object.entries(gen.helpers).map(([name, h]) => {
      const m = contract.helpers[name];
      return [name, m && m.inPreset ? helperOfMeasured(m) : h];
    }),
  );
  return { ...gen, helpers };
}

/** Every helper measured from the tree, including its own that no preset has, as executable helpers. */
export function measuredHelpers(contract: MeasuredContract): Record<string, HelperModel> {
  return Object.fromEntries(
    Object.values(contract.helpers).map((m) => [m.name, helperOfMeasured(m)]),
  );
}
