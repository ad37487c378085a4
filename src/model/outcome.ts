import type { PageState } from './states.js';

/** What evaluating an expression on a page state does: a value, or a tripped precondition. */
export type Outcome = { value: string } | { bug: string };

export interface EvalEnv {
  /** The access runs under rcu_read_lock(). */
  underRcu: boolean;
}

/** A helper of a generation (or a raw-word expression) as an executable function of the state. */
export interface HelperModel {
  name: string;
  /** What the helper takes: a page, or a folio (evaluated on the state's page taken as a folio). */
  takes: 'page' | 'folio' | 'none';
  /** One sentence: what it returns and when it BUGs or WARNs. */
  doc: string;
  eval(state: PageState, env: EvalEnv): Outcome;
}

export const bug = (what: string): Outcome => ({ bug: what });
export const value = (v: string): Outcome => ({ value: v });
export const bool = (b: boolean): string => (b ? 'true' : 'false');
