import type { Verdict } from '../types.js';
import type { LegacyExpr } from './legacy-expressions.js';
import type { EvalEnv, HelperModel } from './outcome.js';
import { ALL_STATES, stateById, type StateId } from './states.js';

export interface Validation {
  verdict: Verdict | 'rejected';
  explanation: string;
  /** The state where a rejected candidate differs or a conditional one trips. */
  witness?: StateId;
}

/** A value as C's truth test sees it. */
function truthy(value: string): string {
  return value === 'NULL' || value === 'false' ? 'false' : 'true';
}

function describe(ids: StateId[]): string {
  return ids.map((id) => stateById(id).description).join(' or ');
}

/**
 * Evaluates a candidate against the original over every reachable state. Proven: never trips a
 * precondition and yields the intended value wherever the original was correct. Conditional:
 * trips in some reachable states, so it holds only when the page is not in them. Rejected: gives
 * a different answer in a state where the original was correct.
 */
export function validate(original: LegacyExpr, helper: HelperModel, reachable: readonly StateId[], env: EvalEnv, asTruth = false): Validation {
  // A reader's name reads as a call: page_memcg(); expressions keep their own words.
  const candidate = { ...helper, name: /^[A-Za-z_]\w*$/.test(helper.name) ? `${helper.name}()` : helper.name };
  const trips: { id: StateId; bug: string }[] = [];
  for (const id of reachable) {
    const s = stateById(id);
    const out = candidate.eval(s, env);
    if ('bug' in out) {
      trips.push({ id, bug: out.bug });
      continue;
    }
    const meant = original.intended(s);
    const got = asTruth ? truthy(out.value) : out.value;
    if (original.legacy(s) === meant && got !== meant) {
      return {
        verdict: 'rejected',
        witness: id,
        explanation: `${candidate.name} gives ${got} where ${original.name} gave ${meant}, on ${s.description}`,
      };
    }
  }
  const where = reachable.length === ALL_STATES.length ? 'on every page state' : `on ${describe([...reachable])}`;
  if (trips.length === 0) {
    return { verdict: 'proven', explanation: `${candidate.name} matches ${original.name} ${where} and trips no VM_BUG_ON` };
  }
  return {
    verdict: 'conditional',
    witness: trips[0]!.id,
    explanation: `${candidate.name} holds only if the page is not ${describe(trips.map((t) => t.id))}: there it hits ${trips[0]!.bug}`,
  };
}

/** The first reachable state where the original legacy expression gives a tagged pointer for a plain one, if any. */
export function latentBug(original: LegacyExpr, reachable: readonly StateId[]): StateId | null {
  for (const id of reachable) {
    const s = stateById(id);
    if (original.legacy(s) !== original.intended(s) && original.legacy(s).includes('0x1')) return id;
  }
  return null;
}

/**
 * A write of a memcg pointer to the word, with or without MEMCG_DATA_KMEM. The legacy layout kept
 * PageKmemcg apart from the pointer, so a plain store differs where the page is a kmem page and no
 * __ClearPageKmemcg() or __SetPageKmemcg() pairs with it. `setsKmem: 'as-legacy'` is a store that
 * sets the flag under the same condition the legacy code set PageKmemcg.
 */
export function validateWrite(opts: { setsKmem: boolean | 'as-legacy'; clearsKmem: boolean }, reachable: readonly StateId[]): Validation {
  const bad = opts.setsKmem === 'as-legacy' ? [] : reachable.filter((id) => {
    const legacyKmemAfter = opts.setsKmem ? true : opts.clearsKmem ? false : stateById(id).legacy.pageKmemcg;
    return legacyKmemAfter !== opts.setsKmem;
  });
  if (bad.length === 0) {
    return { verdict: 'proven', explanation: 'stores the same pointer and leaves the KMEM flag as PageKmemcg was left' };
  }
  return {
    verdict: 'conditional',
    witness: bad[0],
    explanation: `the store clears MEMCG_DATA_KMEM, which PageKmemcg kept: holds only if the page is not ${describe(bad)}`,
  };
}
