import type { Fix, TextEdit } from '../types.js';
import type { ContextFacts } from './context-facts.js';
import type { Generation, Intent, Spelling } from './generation.js';
import type { LegacyExpr } from './legacy-expressions.js';
import { validate, type Validation } from './validate.js';

export interface ValidatedCandidate {
  edits: TextEdit[];
  validation: Validation;
}

/** The fix to offer: the first proven candidate, else the first conditional one; never a rejected one. */
export function chooseFix(candidates: readonly ValidatedCandidate[]): Fix | undefined {
  const pick =
    candidates.find((c) => c.validation.verdict === 'proven') ?? candidates.find((c) => c.validation.verdict === 'conditional');
  if (!pick || pick.validation.verdict === 'rejected') return undefined;
  return { edits: pick.edits, verdict: pick.validation.verdict, explanation: pick.validation.explanation };
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
    if (model && edits) out.push({ edits, validation: validate(original, model, facts.reachable, { underRcu: facts.underRcu }, asTruth) });
  }
  return out;
}
