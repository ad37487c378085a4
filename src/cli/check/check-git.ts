import type { InputNote, Target } from '../../types.js';
import type { CheckArgs } from './args.js';
import { startReviewer, type CreateReviewer } from './start-reviewer.js';
import { textLook } from './text-look.js';
import { colorDiff } from '../../report/colors.js';
import { checkpatchOptions } from './checkpatch-options.js';
import { exitCodeFor } from '../shared/exit-code-for.js';
import type { ExitCode } from '../shared/exit-codes.js';
import { diffPreamble, fixDiff } from './fix-diff.js';
import { reviewAndFix } from '../../pipeline/review-and-fix.js';
import { formatReport } from './format-report.js';
import { commitPatch, gitBaseReader } from './git-inputs.js';
import { parentOf, rangeCommits } from './git-range.js';
import type { Io } from '../shared/io.js';
import type { Inputs } from './load-inputs.js';
import { DEFAULT_CORE_FILES, type ReviewOptions } from '../../types.js';
import { seriesSurface } from '../../review/series-surface.js';
import { UserError } from '../shared/user-error.js';
import { selectRules } from './rule-selection.js';
import { reviewLimits } from './review-limits.js';

/**
 * `check --git RANGE`: each commit of the range is a patch of one series, applied in memory to
 * the files of the first commit's parent read from the repository; then reported, or the fixes
 * printed (--diff) against the range's last post-images.
 */
export async function checkGit(given: CheckArgs & { git: string; target: Target | 'auto' }, io: Io, createReviewer: CreateReviewer): Promise<ExitCode> {
  const commits = rangeCommits(io.cwd, given.git);
  const inputs: Inputs = { patches: commits.map((c) => commitPatch(io.cwd, c)), sources: [] };
  const parent = parentOf(io.cwd, commits[0]!);
  const base = () => {
    const notes: InputNote[] = [];
    return { read: gitBaseReader(io.cwd, parent, notes), notes };
  };
  // auto: the API the range's base defines with the range's commits applied, in order.
  const api = given.target === 'auto' ? seriesSurface(inputs.patches, base().read) : null;
  if (given.target === 'auto' && !api) throw new UserError(`cannot tell the API generation from the range's base ${parent}: its headers define none of the names of a known generation; give --target GEN`);
  const args = { ...given, target: api ? api.preset : (given.target as Target) };
  const options: ReviewOptions = { target: args.target, coreFiles: [...DEFAULT_CORE_FILES, ...args.core], limits: reviewLimits(args), ...(api ? { api } : {}) };
  const reviewer = selectRules(await startReviewer(createReviewer, options), args);
  const { before, fix, after } = reviewAndFix(reviewer, inputs, args.target, { base, fix: args.mode === 'diff', level: args.fixLevel });
  if (!fix || !after) {
    io.stdout(formatReport(before.result, args.format, io.version, checkpatchOptions(args, before, true), textLook(args, io)));
    return exitCodeFor(before.result, args.failOn);
  }
  const diff = fixDiff(before, after, inputs, fix.inputs, fix.notAdded, fix.applied);
  io.stdout(colorDiff(diffPreamble(diff, true) + diff.diff, textLook(args, io).palette));
  return exitCodeFor(after.result, args.failOn);
}
