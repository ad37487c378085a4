import type { Severity, Target } from '../types.js';
import { TARGETS } from '../types.js';

export type ActionMode = 'check' | 'audit' | 'both';

/** The Action's inputs (action.yml), as its review step receives them in MEMCG_REVIEW_* variables. */
export interface ActionInputs {
  mode: ActionMode;
  /** The commits to check are base..head; empty means: from the event. */
  base: string;
  head: string;
  /** The tree to audit, relative to the workspace. */
  path: string;
  /** A preset, or `auto`: the API the tree defines (with check --git: the range's base with its commits applied). */
  target: Target | 'auto';
  failOn: Severity;
  sarifFile: string;
}

/** A bad input: the Action reports it as one error annotation. */
export class ActionInputError extends Error {}

const MODES: readonly ActionMode[] = ['check', 'audit', 'both'];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Reads the inputs from the environment of the review step; blanks take the defaults of action.yml. */
export function actionInputs(env: Readonly<Record<string, string | undefined>>): ActionInputs {
  const value = (name: string, fallback: string) => (env[`MEMCG_REVIEW_${name}`] ?? '').trim() || fallback;
  return {
    mode: oneOf('mode', value('MODE', 'both'), MODES),
    base: value('BASE', ''),
    head: value('HEAD', ''),
    path: value('PATH', '.'),
    target: oneOf('target', value('TARGET', 'auto'), ['auto', ...TARGETS] as const),
    failOn: oneOf('fail-on', value('FAIL_ON', 'error'), SEVERITIES),
    sarifFile: value('SARIF_FILE', 'memcg-review.sarif'),
  };
}

function oneOf<T extends string>(input: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ActionInputError(`bad value '${value}' for the input ${input} (one of: ${allowed.join(', ')})`);
}
