import type { MeasuredContract, MeasuredHelper } from '../model/contract.js';
import type { Generation } from '../model/generation.js';
import { ALL_STATES, stateById, type StateId } from '../model/states.js';
import type { Target } from '../types.js';
import type { HarnessCase, SkippedHelper } from './harness-case.js';
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
  /** The helpers the harness ran that the model has, in the model's order: compared. */
  helpers: string[];
  /** The helpers the harness ran that the tree defines and the model lacks: measured, not compared. */
  measuredOnly: string[];
  skipped: SkippedHelper[];
  cases: VerifyCase[];
  /** Everything the harness measured, as the contract that validates fixes for this tree (given by the caller). */
  contract?: MeasuredContract;
}

/** What the harness measured, as a contract: every helper it ran, on every state, inside and outside RCU. */
export function measuredContract(
  gen: Generation,
  outcomes: readonly TreeOutcome[],
  cases: readonly Pick<HarnessCase, 'helper' | 'inModel' | 'takes'>[],
  skipped: SkippedHelper[],
  where: { source: string; layout: string; stores?: MeasuredContract['stores'] },
): MeasuredContract {
  const helpers: Record<string, MeasuredHelper> = {};
  for (const c of cases) {
    const mine = outcomes.filter((o) => o.helper === c.helper);
    const at = (state: StateId, underRcu: boolean) => {
      const o = mine.find((m) => m.state === state && m.underRcu === underRcu);
      if (!o) throw new Error(`the harness printed nothing for ${c.helper} on ${state}${underRcu ? '' : ' outside RCU'}`);
      return o.tree;
    };
    const table = Object.fromEntries(ALL_STATES.map((s) => [s, { underRcu: at(s, true), outsideRcu: at(s, false) }])) as MeasuredHelper['outcomes'];
    helpers[c.helper] = { name: c.helper, inPreset: c.inModel && !!gen.helpers[c.helper], takes: c.takes, outcomes: table };
  }
  const stores = where.stores ?? { user: 'memcg', kmem: gen.kmemStores ?? 'memcg' };
  return { target: gen.id, source: where.source, layout: where.layout, stores, helpers, unmeasured: skipped.filter((s) => !/^raw word /.test(s.helper)) };
}

/** Holds every measured outcome of a helper the model has against the model of `gen`; the tree's own helpers are measured only. */
export function compareWithModel(gen: Generation, outcomes: readonly TreeOutcome[], skipped: SkippedHelper[], contract?: MeasuredContract): VerifyResult {
  const measuredOnly: string[] = [];
  const cases: VerifyCase[] = [];
  for (const o of outcomes) {
    const helper = gen.helpers[o.helper];
    if (!helper || contract?.helpers[o.helper]?.inPreset === false) {
      if (!contract?.helpers[o.helper]) throw new Error(`the harness ran ${o.helper}, which the ${gen.id} model does not have`);
      if (!measuredOnly.includes(o.helper)) measuredOnly.push(o.helper);
      continue;
    }
    const model = observedOfModel(helper.eval(stateById(o.state), { underRcu: o.underRcu }));
    cases.push({ ...o, model, agree: sameOutcome(model, o.tree) });
  }
  const helpers = [...new Set(cases.map((c) => c.helper))];
  return { target: gen.id, helpers, measuredOnly, skipped, cases, ...(contract ? { contract } : {}) };
}

export function disagreements(result: VerifyResult): VerifyCase[] {
  return result.cases.filter((c) => !c.agree);
}
