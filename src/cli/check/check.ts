import { DEFAULT_CORE_FILES, type InputNote, type ReviewOptions, type Target } from '../../types.js';
import { treeCore } from '../../model/tree-core.js';
import { surfaceGeneration } from '../../model/surface-generation.js';
import { seriesSurface } from '../../review/series-surface.js';
import { treeSurface } from '../audit/audit-target.js';
import { startReviewer, type CreateReviewer } from './start-reviewer.js';
import type { CheckArgs } from './args.js';
import type { Io } from '../shared/io.js';
import type { ExitCode } from '../shared/exit-codes.js';
import { exitCodeFor } from '../shared/exit-code-for.js';
import { diffPreamble, fixDiff } from './fix-diff.js';
import { reviewAndFix } from '../../pipeline/review-and-fix.js';
import { fixSummary } from './fix-summary.js';
import { formatReport } from './format-report.js';
import { loadInputs } from './load-inputs.js';
import { openTree, readTreeFile, treeReader, type Tree } from '../shared/tree.js';
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
import { colorDiff } from '../../report/colors.js';
import { textLook } from './text-look.js';


/** `memcg-review check`: review, then report, fix in place (--fix) or print the fixes (--diff). */
export async function check(given: CheckArgs, io: Io, createReviewer: CreateReviewer): Promise<ExitCode> {
  if (given.git !== undefined) {
    return checkGit({ ...given, target: given.target, git: given.git }, io, createReviewer);
  }
  const tree = given.tree === undefined ? undefined : openTree(given.tree, io);
  if (given.target === 'auto' && !tree) resolveGeneration('auto', null, given.tree, io); // one line: --target auto needs --tree DIR
  if (given.files.length === 0 && io.stdinIsTTY) throw new UserError('no input: give patch or C files, or - for stdin (see --help)');
  const limits = reviewLimits(given);
  const inputs = await loadInputs(given.files.length > 0 ? given.files : ['-'], io, tree, limits.maxBytes);
  if (given.mode === 'fix') refuseLossyFix(inputs);
  // With auto, the API in force is the tree's headers with the series applied in order.
  const api = given.target === 'auto' && tree ? seriesSurface(inputs.patches, (rel) => readTreeFile(tree, rel, io)) : null;
  if (given.target === 'auto' && !api) throw new UserError(`cannot tell the API generation of tree '${given.tree}': ${tree ? treeSurface(tree, io).why : ''}`);
  const args = { ...given, target: api ? api.preset : (given.target as Target) };
  const core = tree ? treeCore((rel) => readTreeFile(tree, rel, io)).files : [];
  const { contract } = tree ? await treeContract(tree, given.tree!, api ? surfaceGeneration(api) : generationOf(args.target), io) : {};
  const options: ReviewOptions = { target: args.target, coreFiles: [...new Set([...DEFAULT_CORE_FILES, ...core, ...args.core])], limits, ...(api ? { api } : {}), ...(contract ? { contract } : {}) };
  const reviewer = selectRules(await startReviewer(createReviewer, options), args);
  const base = tree ? () => reader(tree, io) : undefined;
  const run = reviewAndFix(reviewer, inputs, args.target, { ...(base ? { base } : {}), fix: args.mode !== 'report', level: args.fixLevel });
  const before = run.before;
  if (args.mode === 'report' || !run.fix || !run.after) {
    io.stdout(formatReport(before.result, args.format, io.version, checkpatchOptions(args, before), textLook(args, io)));
    return exitCodeFor(before.result, args.failOn);
  }

  const { fix, after } = run;
  if (args.mode === 'diff') {
    const diff = fixDiff(before, after, inputs, fix.inputs, fix.notAdded, fix.applied);
    io.stdout(colorDiff(diffPreamble(diff, tree !== undefined) + diff.diff, textLook(args, io).palette));
    if (fix.heldBack > 0) io.stderr(`memcg-review: note: ${fix.heldBack} assumed fix${fix.heldBack === 1 ? '' : 'es'} not in the diff (--diff=assumed adds them)\n`);
    return exitCodeFor(after.result, args.failOn);
  }

  const stdinPatch = fix.inputs.patches.find((p) => p.source === '-');
  const written = writeBack(fix, tree, io, inputs);
  if (stdinPatch) io.stdout(stdinPatch.text);
  const report = stdinPatch ? io.stderr : io.stdout;
  const summary = args.format === 'json' || args.format === 'b4' || stdinPatch ? io.stderr : io.stdout;
  summary(visibleControls(fixSummary(fix, written)) + (summary === report ? '\n' : ''));
  report(formatReport(after.result, args.format, io.version, checkpatchOptions(args, after), report === io.stdout ? textLook(args, io) : { verbose: args.verbose }));
  return exitCodeFor(after.result, args.failOn);
}


function reader(tree: Tree, io: Io) {
  const notes: InputNote[] = [];
  return { read: treeReader(tree, io, notes), notes };
}
