import { DEFAULT_LIMITS, type ReviewLimits } from '../../types.js';
import type { CheckArgs } from './args.js';

/** The review's limits: --max-file-size, --parse-timeout and --review-timeout where given, the engine's defaults elsewhere. */
export function reviewLimits(args: Pick<CheckArgs, 'maxFileSize' | 'parseTimeout' | 'reviewTimeout'>): ReviewLimits {
  return {
    maxBytes: args.maxFileSize ?? DEFAULT_LIMITS.maxBytes,
    maxParseMillis: args.parseTimeout ?? DEFAULT_LIMITS.maxParseMillis,
    maxReviewMillis: args.reviewTimeout ?? DEFAULT_LIMITS.maxReviewMillis,
  };
}
