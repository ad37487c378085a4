import type { Fix, TextEdit } from '../types.js';
import type { Validation } from './validate.js';

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
