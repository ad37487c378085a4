import type { MeasuredOutcome } from '../model/contract.js';
import type { Outcome } from '../model/outcome.js';

/**
 * What a helper did on a state, in the model's symbols: a value (NULL, memcg, objcg, objcgs,
 * true, false, ...), a BUG or a WARN with the condition that tripped, or a FAULT (the compiled
 * helper crashed: a tagged or bad pointer dereferenced). The measured contract's outcome.
 */
export type Observed = MeasuredOutcome;

/** The model's outcome as observed: a tripped precondition is a WARN when it is a WARN_ON, else a BUG. */
export function observedOfModel(out: Outcome): Observed {
  if ('value' in out) return { kind: 'value', text: out.value };
  return { kind: /^WARN/.test(out.bug) ? 'WARN' : 'BUG', text: out.bug };
}

/** Agreement: the same kind, and the same value where both return one (the tripped conditions may be spelled differently). */
export function sameOutcome(a: Observed, b: Observed): boolean {
  return a.kind === b.kind && (a.kind !== 'value' || a.text === b.text);
}

/** One word for a table cell: the value, or BUG / WARN / FAULT. */
export function cellText(o: Observed): string {
  return o.kind === 'value' ? o.text : o.kind;
}

/** The whole outcome in one phrase: `memcg`, `BUG (VM_BUG_ON_FOLIO(...))`. */
export function outcomeText(o: Observed): string {
  return o.kind === 'value' ? o.text : `${o.kind} (${o.text})`;
}
