import { DEFAULT_CORE_FILES, type InputNote } from '../../types.js';
import { startReviewer, type CreateReviewer } from './start-reviewer.js';
import type { CheckArgs } from './args.js';
import type { Io } from '../shared/io.js';
import type { ExitCode } from '../shared/exit-codes.js';
import { exitCodeFor } from '../shared/exit-code-for.js';
import { fixDiff } from './fix-diff.js';
import { reviewAndFix } from '../../pipeline/review-and-fix.js';
import { fixSummary } from './fix-summary.js';
import { formatReport } from './format-report.js';
import { loadInputs } from './load-inputs.js';
import { openTree, treeReader, type Tree } from '../shared/tree.js';
import { writeBack } from './write-back.js';
import { checkGit } from './check-git.js';
import { checkpatchOptions } from './checkpatch-options.js';
import { selectRules } from './rule-selection.js';
import { generationOf } from '../../model/generation.js';
import { treeContract } from '../model/measure-tree.js';
import { resolveGeneration } from '../model/model-target.js';
import { reviewLimits } from './review-limits.js';
import { refuseLossyFix } from './refuse-lossy-fix.js';
import { visibleControls } from '../shared/visible-controls.js';
import { UserError } from '../shared/user-error.js';


/** `memcg-review check`: review, then report, fix in place (--fix) or print the fixes (--diff). */
export async function check(given: CheckArgs, io: Io, createReviewer: CreateReviewer): Promise<ExitCode> {
  if (given.git !== undefined) {
    if (given.target === 'auto') throw new UserError('--target auto reads the generation from --tree DIR; with --git, name it (--target v5.11, ...)');
    return checkGit({ ...given, target: given.target, git: given.git }, io, createReviewer);
  }
  const tree = given.tree === undefined ? undefined : openTree(given.tree, io);
  const args = { ...given, target: given.target === 'auto' ? resolveGeneration('auto', tree ?? null, given.tree, io).gen.id : given.target };
  if (args.files.length === 0 && io.stdinIsTTY) throw new UserError('no input: give patch or C files, or - for stdin (see --help)');
  const limits = reviewLimits(args);
  const inputs = await loadInputs(args.files.length > 0 ? args.files : ['-'], io, tree, limits.maxBytes);
  if (args.mode === 'fix') refuseLossyFix(inputs);
  const { contract } = tree ? await treeContract(tree, given.tree!, generationOf(args.target), io) : {};
  const reviewer = selectRules(await startReviewer(createReviewer, { target: args.target, coreFiles: [...DEFAULT_CORE_FILES, ...args.core], limits, ...(contract ? { contract } : {}) }), args);
  const base = tree ? () => reader(tree, io) : undefined;
  const run = reviewAndFix(reviewer, inputs, args.target, { ...(base ? { base } : {}), fix: args.mode !== 'report' });
  const before = run.before;
  if (args.mode === 'report' || !run.fix || !run.after) {
    io.stdout(formatReport(before.result, args.format, io.version, checkpatchOptions(args, before)));
    return exitCodeFor(before.result, args.failOn);
  }

  const { fix, after } = run;
  if (args.mode === 'diff') {
    const { diff, partial } = fixDiff(before, after, inputs, fix.inputs);
    io.stdout(diff);
    for (const path of partial) io.stderr(`memcg-review: note: ${visibleControls(path)}: diff context from the patch's hunks only (use --tree for a diff that applies)\n`);
    return exitCodeFor(after.result, args.failOn);
  }

  const stdinPatch = fix.inputs.patches.find((p) => p.source === '-');
  const written = writeBack(fix, tree, io, inputs);
  if (stdinPatch) io.stdout(stdinPatch.text);
  const report = stdinPatch ? io.stderr : io.stdout;
  const summary = args.format === 'json' || args.format === 'b4' || stdinPatch ? io.stderr : io.stdout;
  summary(visibleControls(fixSummary(fix, written)) + (summary === report ? '\n' : ''));
  report(formatReport(after.result, args.format, io.version, checkpatchOptions(args, after)));
  return exitCodeFor(after.result, args.failOn);
}


function reader(tree: Tree, io: Io) {
  const notes: InputNote[] = [];
  return { read: treeReader(tree, io, notes), notes };
}
