import type { Fix, Verdict, VerdictName } from '../types.js';
import type { LegacyExpr } from './legacy-expressions.js';
import type { EvalEnv, HelperModel } from './outcome.js';
import { ALL_STATES, STATES, stateById, type StateId } from './states.js';

export interface Validation {
  verdict: Verdict | 'rejected';
  explanation: string;
  /** The state where a rejected candidate differs or a conditional one trips. */
  witness?: StateId;
}

/** What a name or a file suggests about the page, beyond what the code establishes. */
export interface Assumption {
  /** What is assumed, as it follows "if": `the page is a user/LRU page`. */
  condition: string;
  /** What suggests it: `` `mem_cgroup_charge()` ``, `its file mm/vmscan.c`. */
  source: string;
}

/**
 * The page states a fix is judged on: `established` by the code itself (guards, BUG_ONs, where
 * the page comes from; every state when nothing says), and `reachable`, narrowed further by an
 * assumption when one is made.
 */
export interface StateScope {
  established: readonly StateId[];
  reachable: readonly StateId[];
  assumption?: Assumption;
}

/** The only maker of verdicts: a verdict is the model's word, never a literal in a rule. */
const verdict = (name: VerdictName): Verdict => name as Verdict;

/** A scope with nothing assumed: the states are all established. */
function scopeOf(scope: readonly StateId[] | StateScope): StateScope {
  return Array.isArray(scope) ? { established: scope as readonly StateId[], reachable: scope as readonly StateId[] } : (scope as StateScope);
}

/** `if the page is a user/LRU page, as `mem_cgroup_charge()` suggests` */
export function assumptionText(a: Assumption): string {
  return `if ${a.condition}, as ${a.source} suggests`;
}

/** A value as C's truth test sees it. */
function truthy(value: string): string {
  return value === 'NULL' || value === 'false' ? 'false' : 'true';
}

function describe(ids: readonly StateId[]): string {
  return ids.map((id) => stateById(id).description).join(' or ');
}

interface Judgement {
  name: 'proven' | 'conditional' | 'rejected';
  explanation: string;
  witness?: StateId;
}

function judge(original: LegacyExpr, candidate: HelperModel, states: readonly StateId[], env: EvalEnv, asTruth: boolean): Judgement {
  const trips: { id: StateId; bug: string }[] = [];
  for (const id of states) {
    const s = stateById(id);
    const out = candidate.eval(s, env);
    if ('bug' in out) {
      trips.push({ id, bug: out.bug });
      continue;
    }
    const meant = original.intended(s);
    const got = asTruth ? truthy(out.value) : out.value;
    if (original.legacy(s) === meant && got !== meant) {
      return { name: 'rejected', witness: id, explanation: `${candidate.name} gives ${got} where ${original.name} gave ${meant}, on ${s.description}` };
    }
  }
  const where = states.length === ALL_STATES.length ? 'on every page state' : `on ${describe(states)}`;
  if (trips.length === 0) return { name: 'proven', explanation: `${candidate.name} matches ${original.name} ${where} and trips no VM_BUG_ON` };
  return {
    name: 'conditional',
    witness: trips[0]!.id,
    explanation: `${candidate.name} holds only if the page is not ${describe(trips.map((t) => t.id))}: there it hits ${trips[0]!.bug}`,
  };
}

/**
 * Evaluates a candidate against the original. Proven: on every state the code leaves, it never
 * trips a precondition and yields the intended value wherever the original was correct.
 * Assumed: that holds only on the states an assumption (a name, a file) leaves; the explanation
 * states the assumption and what happens outside it. Conditional: it trips in some states, so it
 * holds only when the page is not in them. Rejected: a different answer where the original was
 * correct. A name never makes a candidate proven: it can only choose among the states to judge on.
 */
export function validate(original: LegacyExpr, helper: HelperModel, scope: readonly StateId[] | StateScope, env: EvalEnv, asTruth = false): Validation {
  const { established, reachable, assumption } = scopeOf(scope);
  // A reader's name reads as a call: page_memcg(); expressions keep their own words.
  const candidate = { ...helper, name: /^[A-Za-z_]\w*$/.test(helper.name) ? `${helper.name}()` : helper.name };
  const onFacts = judge(original, candidate, established, env, asTruth);
  if (onFacts.name === 'proven' || !assumption || reachable.length === established.length) return sealed(onFacts);
  const onAssumed = judge(original, candidate, reachable, env, asTruth);
  if (onAssumed.name !== 'proven') return sealed(onAssumed);
  return {
    verdict: verdict('assumed'),
    witness: onFacts.witness!,
    explanation: `${candidate.name} matches ${original.name} and trips no VM_BUG_ON ${assumptionText(assumption)} (the code does not show it: ${onFacts.explanation})`,
  };
}

function sealed(j: Judgement): Validation {
  return { verdict: j.name === 'rejected' ? 'rejected' : verdict(j.name), explanation: j.explanation, ...(j.witness ? { witness: j.witness } : {}) };
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
export function validateWrite(opts: { setsKmem: boolean | 'as-legacy'; clearsKmem: boolean }, scope: readonly StateId[] | StateScope): Validation {
  const { established, reachable, assumption } = scopeOf(scope);
  const bad = (states: readonly StateId[]) =>
    opts.setsKmem === 'as-legacy'
      ? []
      : states.filter((id) => {
          const legacyKmemAfter = opts.setsKmem ? true : opts.clearsKmem ? false : stateById(id).legacy.pageKmemcg;
          return legacyKmemAfter !== opts.setsKmem;
        });
  const same = 'stores the same pointer and leaves the KMEM flag as PageKmemcg was left';
  const onFacts = bad(established);
  if (onFacts.length === 0) return { verdict: verdict('proven'), explanation: same };
  const onAssumed = assumption ? bad(reachable) : onFacts;
  if (onAssumed.length === 0) {
    return { verdict: verdict('assumed'), witness: onFacts[0]!, explanation: `${same}, ${assumptionText(assumption!)}; on ${describe(onFacts)} the store clears MEMCG_DATA_KMEM, which PageKmemcg kept` };
  }
  return {
    verdict: verdict('conditional'),
    witness: onAssumed[0]!,
    explanation: `the store clears MEMCG_DATA_KMEM, which PageKmemcg kept: holds only if the page is not ${describe(onAssumed)}`,
  };
}

/**
 * `__ClearPageKmemcg()` deleted: proven where the function zeroes the page's word (which clears
 * MEMCG_DATA_KMEM too), else conditional on the word being zeroed elsewhere.
 */
export function validateClearKmem(zeroedHere: boolean): Validation {
  return zeroedHere
    ? { verdict: verdict('proven'), explanation: 'the word is zeroed in this function, which clears MEMCG_DATA_KMEM as well' }
    : { verdict: verdict('conditional'), explanation: "holds where the page's memcg_data is zeroed, which clears MEMCG_DATA_KMEM" };
}

/** `__SetPageKmemcg()` renamed to a generation's own setter of the KMEM flag. */
export function validateKmemSetter(setter: string): Validation {
  return { verdict: verdict('proven'), explanation: `${setter}() sets the KMEM flag PageKmemcg stood for` };
}

/** Whether a reader never returns a tagged pointer on any page state (where it does not BUG). */
export function neverTagged(helper: HelperModel | undefined): boolean {
  return !!helper && STATES.every((s) => {
    const out = helper.eval(s, { underRcu: true });
    return 'bug' in out || !/objcgs|0x1/.test(out.value);
  });
}

/**
 * A hand-written tag test on a variable that holds a page's memcg, removed: proven when the
 * variable was read with `reader` and the model shows that reader never returns a tagged
 * pointer; conditional (on the read becoming page_memcg_check()) when it was read by hand.
 */
export function validateTagTestRemoval(variable: string, reader: { name: string; model: HelperModel | undefined } | null): Validation {
  if (reader && neverTagged(reader.model)) {
    return { verdict: verdict('proven'), explanation: `${reader.name}() never returns a tagged pointer on any page state, so the test never fires` };
  }
  return {
    verdict: verdict('conditional'),
    explanation: `holds once ${variable} is read with page_memcg_check(), which returns NULL for a slab page with an obj_cgroup vector`,
  };
}

/**
 * A fix judged on a receiver whose type is only guessed from its name (`page` with no declaration
 * in view, as in a hunk without its tree): the guess is a name too, so a proven fix is assumed at
 * most, and its explanation says what is assumed.
 */
export function withGuessedReceiver(fix: Fix, name: string): Fix {
  if (fix.verdict !== 'proven') return fix;
  return { ...fix, verdict: verdict('assumed'), explanation: `${fix.explanation}, if ${name} is a struct page, as its name suggests (its declaration is not in view)` };
}
