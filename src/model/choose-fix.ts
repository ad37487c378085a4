import type { Fix, TextEdit } from '../types.js';
import type { ContextFacts } from './context-facts.js';
import type { Generation, Intent, Spelling } from './generation.js';
import type { LegacyExpr } from './legacy-expressions.js';
import { validate, type Validation } from './validate.js';

export interface ValidatedCandidate {
  edits: TextEdit[];
  validation: Validation;
}

/** A fix from edits and the model's validation of them; none when rejected. */
export function fixOf(edits: TextEdit[], validation: Validation): Fix | undefined {
  return validation.verdict === 'rejected' ? undefined : { edits, verdict: validation.verdict, explanation: validation.explanation };
}

/**
 * The fix to offer: the first candidate, in the order of preference, that is proven or assumed
 * (so a name may choose between fixes that are each sound where it applies, upstream's choice
 * among them, with the honest verdict), else the first conditional one; never a rejected one.
 */
export function chooseFix(candidates: readonly ValidatedCandidate[]): Fix | undefined {
  const pick =
    candidates.find((c) => c.validation.verdict === 'proven' || c.validation.verdict === 'assumed') ??
    candidates.find((c) => c.validation.verdict === 'conditional');
  return pick && fixOf(pick.edits, pick.validation);
}

/**
 * Candidates for a fix, one per intent the target generation can spell, each validated against
 * the original over the reachable states. `build` turns a spelling into edits (null: not here).
 */
export function intentCandidates(
  gen: Generation,
  intents: readonly Intent[],
  original: LegacyExpr,
  facts: ContextFacts,
  build: (spelling: Spelling, intent: Intent) => TextEdit[] | null,
  asTruth = false,
): ValidatedCandidate[] {
  const out: ValidatedCandidate[] = [];
  for (const intent of intents) {
    const spelling = gen.intents[intent];
    const model = spelling && gen.helpers[spelling.helper];
    const edits = model ? build(spelling, intent) : null;
    if (model && edits) out.push({ edits, validation: validate(original, model, facts, { underRcu: facts.underRcu }, asTruth) });
  }
  return out;
}
