import type { InputNote, Target } from '../../types.js';
import type { CheckArgs } from './args.js';
import { startReviewer, type CreateReviewer } from './start-reviewer.js';
import { checkpatchOptions } from './checkpatch-options.js';
import { exitCodeFor } from '../shared/exit-code-for.js';
import type { ExitCode } from '../shared/exit-codes.js';
import { fixDiff } from './fix-diff.js';
import { reviewAndFix } from '../../pipeline/review-and-fix.js';
import { formatReport } from './format-report.js';
import { commitPatch, gitBaseReader } from './git-inputs.js';
import { parentOf, rangeCommits } from './git-range.js';
import type { Io } from '../shared/io.js';
import type { Inputs } from './load-inputs.js';
import { DEFAULT_CORE_FILES } from '../../types.js';
import { selectRules } from './rule-selection.js';
import { reviewLimits } from './review-limits.js';

/**
 * `check --git RANGE`: each commit of the range is a patch of one series, applied in memory to
 * the files of the first commit's parent read from the repository; then reported, or the fixes
 * printed (--diff) against the range's last post-images.
 */
export async function checkGit(args: CheckArgs & { git: string; target: Target }, io: Io, createReviewer: CreateReviewer): Promise<ExitCode> {
  const commits = rangeCommits(io.cwd, args.git);
  const inputs: Inputs = { patches: commits.map((c) => commitPatch(io.cwd, c)), sources: [] };
  const parent = parentOf(io.cwd, commits[0]!);
  const base = () => {
    const notes: InputNote[] = [];
    return { read: gitBaseReader(io.cwd, parent, notes), notes };
  };
  const reviewer = selectRules(await startReviewer(createReviewer, { target: args.target, coreFiles: [...DEFAULT_CORE_FILES, ...args.core], limits: reviewLimits(args) }), args);
  const { before, fix, after } = reviewAndFix(reviewer, inputs, args.target, { base, fix: args.mode === 'diff' });
  if (!fix || !after) {
    io.stdout(formatReport(before.result, args.format, io.version, checkpatchOptions(args, before, true)));
    return exitCodeFor(before.result, args.failOn);
  }
  io.stdout(fixDiff(before, after, inputs, fix.inputs).diff);
  return exitCodeFor(after.result, args.failOn);
}
