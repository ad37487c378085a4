import type { CheckpatchOptions } from '../../report/checkpatch.js';
import { patchLocations } from '../../report/patch-locations.js';
import type { CheckArgs } from './args.js';
import type { InputsReview } from '../../pipeline/review-inputs.js';

/** What the checkpatch layout needs beyond the result: the style flags, patch line numbers, the rule selection. */
export function checkpatchOptions(args: CheckArgs, review: InputsReview, git = false): CheckpatchOptions {
  if (args.format !== 'checkpatch') return {};
  const options: CheckpatchOptions = { git };
  if (args.style) options.style = args.style;
  if (review.patches) options.locations = patchLocations(review.patches.series, review.patches.perPatch);
  if (args.types) options.used = args.types;
  if (args.ignore) options.ignored = args.ignore;
  return options;
}
