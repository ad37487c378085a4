import type { ReviewOptions } from '../../types.js';
import { UnsupportedTargetError, type Reviewer } from '../../review/reviewer.js';
import { UserError } from '../shared/user-error.js';

export type CreateReviewer = (options: ReviewOptions) => Promise<Reviewer>;

/** The reviewer; a target the rules do not cover yet is a usage error. */
export async function startReviewer(createReviewer: CreateReviewer, options: ReviewOptions): Promise<Reviewer> {
  try {
    return await createReviewer(options);
  } catch (e) {
    if (e instanceof UnsupportedTargetError) throw new UserError(e.message);
    throw e;
  }
}
