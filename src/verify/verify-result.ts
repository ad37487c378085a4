import type { Generation } from '../model/generation.js';
import { stateById, type StateId } from '../model/states.js';
import type { Target } from '../types.js';
import type { SkippedHelper } from './harness-case.js';
import type { TreeOutcome } from './harness-output.js';
import { observedOfModel, sameOutcome, type Observed } from './observed.js';

/** One helper on one state: what the model says and what the tree's helper did. */
export interface VerifyCase {
  helper: string;
  state: StateId;
  underRcu: boolean;
  model: Observed;
  tree: Observed;
  agree: boolean;
}

export interface VerifyResult {
  target: Target;
  /** The helpers the harness ran, in the model's order. */
  helpers: string[];
  skipped: SkippedHelper[];
  cases: VerifyCase[];
}

/** Holds every outcome of the tree against the model of `gen`. */
export function compareWithModel(gen: Generation, outcomes: readonly TreeOutcome[], skipped: SkippedHelper[]): VerifyResult {
  const cases = outcomes.map((o): VerifyCase => {
    const helper = gen.helpers[o.helper];
    if (!helper) throw new Error(`the harness ran ${o.helper}, which the ${gen.id} model does not have`);
    const model = observedOfModel(helper.eval(stateById(o.state), { underRcu: o.underRcu }));
    return { ...o, model, agree: sameOutcome(model, o.tree) };
  });
  return { target: gen.id, helpers: [...new Set(cases.map((c) => c.helper))], skipped, cases };
}

export function disagreements(result: VerifyResult): VerifyCase[] {
  return result.cases.filter((c) => !c.agree);
}
