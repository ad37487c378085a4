import { GENERATIONS, type Generation } from '../model/generation.js';
import { STATES, type StateId } from '../model/states.js';
import type { Target } from '../types.js';
import type { Observed } from '../verify/observed.js';
import { modelView, type HelperRow } from './model-view.js';
import { outsideRcuGroups } from './outside-rcu.js';
import { valueWords } from './value-words.js';

const TAKES: Record<HelperRow['takes'], string> = {
  page: 'takes a struct page *',
  folio: "takes a struct folio * (on each state the model passes the page itself as the folio: a tail page stays a tail page)",
  none: 'is an expression on the word itself, not a call',
};

function does(o: Observed): string {
  if (o.kind === 'value') return `returns ${valueWords(o.text)}`;
  return o.kind === 'WARN' ? `warns: ${o.text} fires (and it goes on)` : `BUGs: ${o.text} fires`;
}

/** The generations whose model has a helper of this name. */
export function generationsWith(name: string): Target[] {
  return GENERATIONS.filter((g) => g.helpers[name]).map((g) => g.id);
}

/** A helper of a generation in plain words: what it takes, what it does on each state, when it BUGs or WARNs. */
export function explainHelper(gen: Generation, name: string): string | null {
  const h = modelView(gen).helpers.find((x) => x.name === name);
  if (!h) return null;
  const lines = [`${h.name} (${gen.id}) ${TAKES[h.takes]}.`, `In short: ${h.doc}.`, '', 'On each page state, under rcu_read_lock():'];
  lines.push(...STATES.map((s) => `  ${s.description} (${s.id}): ${does(h.outcomes[s.id])}`));
  const outside = outsideRcuGroups(h);
  lines.push('', outside.length === 0 ? 'Outside rcu_read_lock(): the same on every state.' : 'Outside rcu_read_lock():');
  lines.push(...outside.map((g) => `  on ${g.states.join(', ')}: ${does(g.outcome)}`));
  const safe = STATES.filter((s) => h.outcomes[s.id].kind === 'value').map((s) => s.id);
  const trips = STATES.filter((s) => h.outcomes[s.id].kind !== 'value').map((s) => s.id);
  lines.push('', trips.length === 0 ? 'Safe on every page state.' : `Safe only on ${list(safe)}; trips on ${list(trips)}.`);
  const others = generationsWith(name).filter((t) => t !== gen.id);
  if (others.length > 0) lines.push(`Also in ${others.join(', ')}.`);
  return `${lines.join('\n')}\n`;
}

function list(ids: StateId[]): string {
  return ids.length === 0 ? 'no state' : ids.join(', ');
}
