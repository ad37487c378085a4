import path from 'node:path';
import { auditResultOf, changedFiles, type ChangedFile } from '../../audit/audit-result-of.js';
import type { AuditResult } from '../../audit/audit-result.js';
import { pathFilter, type PathFilter } from '../../audit/path-filter.js';
import { createPrefilter } from '../../audit/prefilter.js';
import { Tally, type BatchReport } from '../../audit/tally.js';
import { unifiedDiff } from '../../fix/unified-diff.js';
import { SUPPORTED_TARGETS, UnsupportedTargetError } from '../../review/reviewer.js';
import { DEFAULT_CORE_FILES, DEFAULT_LIMITS, DEFAULT_OPTIONS, type ReviewOptions, type Target } from '../../types.js';
import type { Deps } from '../commands.js';
import { exitCodeFor } from '../shared/exit-code-for.js';
import { EXIT, type ExitCode } from '../shared/exit-codes.js';
import type { Io } from '../shared/io.js';
import { openTree, readTreeFile } from '../shared/tree.js';
import { treeCore } from '../../model/tree-core.js';
import { surfaceGeneration } from '../../model/surface-generation.js';
import { splitUpstream } from '../../audit/upstream.js';
import { sourceKey } from '../../review/result.js';
import { UserError } from '../shared/user-error.js';
import { parseAuditArgs, type AuditArgs } from './audit-args.js';
import { AUDIT_HELP } from './audit-help.js';
import { nodeAuditSystem, type AuditSystem } from './audit-system.js';
import { auditTarget, refusedTarget } from './audit-target.js';
import { generationOf } from '../../model/generation.js';
import type { DetectedGeneration } from '../../model/detect-generation.js';
import { treeContract } from '../model/measure-tree.js';
import { batches } from './batches.js';
import { formatAudit } from './format-audit.js';
import { startProgress } from './progress.js';
import { grepAudit, type GrepFallback } from './grep-audit.js';
import { laterQueue, type LaterQueue } from './later-queue.js';
import { reviewOnWorkers } from './review-pool.js';
import { runInProcess } from './run-in-process.js';
import { walkTree, type WalkCounts } from './walk-tree.js';
import { runOnWorkers } from './worker-pool.js';
import type { WorkerSetup } from './worker-setup.js';
import { writeFixes } from './write-fixes.js';
import { checkOutputFolder, writeOutput } from './write-output.js';

/** Files per batch sent to a worker: small enough to balance the load, big enough to keep messages few. */
const BATCH = 16;

/**
 * `memcg-review audit DIR`: walks the tree, prefilters and reviews its C files (on worker
 * threads, or on this one with --jobs 1), then reports, fixes in place (--fix) or prints one
 * patch (--diff). The prefilter's literal search is handed to the system's grep when it is
 * there (--prefilter auto, the default), the files it names reviewed while the walk and grep
 * go on; otherwise, or with --prefilter js, the workers read and prefilter every file.
 */
export async function audit(argv: readonly string[], io: Io, deps: Deps, system: AuditSystem = nodeAuditSystem()): Promise<ExitCode> {
  const args = parseAuditArgs(argv, DEFAULT_OPTIONS.target);
  if (args.kind === 'help') {
    io.stdout(AUDIT_HELP);
    return EXIT.clean;
  }
  const tree = openTree(args.dir, io);
  if (args.output !== undefined) checkOutputFolder(path.resolve(io.cwd, args.output));
  const baseline = args.baseline === undefined ? undefined : openTree(args.baseline, io);
  // grep and find start first thing: the search is most of the audit's time, and reading the tree's
  // API and setting up the reviewers meanwhile costs none of it.
  const search = startSearch(args, tree.root, system);
  let tally: Tally;
  let walked: WalkCounts;
  let target: Target;
  let detected: DetectedGeneration | undefined;
  let description: string | undefined;
  try {
    const found = auditTarget(args.target, tree, args.dir, io);
    ({ target, detected } = found);
    const api = found.api;
    const core = treeCore((rel) => readTreeFile(tree, rel, io)).files;
    const measured = await treeContract(tree, args.dir, api ? surfaceGeneration(api) : generationOf(target), io, args.measure === true);
    description = measured.description;
    const contract = measured.contract;
    const setup: WorkerSetup = { root: tree.root, options: { ...reviewOptions(args, target, core), ...(api ? { api } : {}), ...(contract ? { contract } : {}) }, mode: args.mode, level: args.fixLevel };
    try {
      ({ tally, walked } = await review(args, setup, deps, system, search));
    } catch (e) {
      if (e instanceof UserError) throw refusedTarget(e, args.dir, detected);
      throw e;
    }
  } finally {
    search?.stop();
  }

  const changed = args.mode === 'report' ? [] : changedFiles(tally);
  const written = args.mode === 'fix' ? writeFixes(tree.root, changed) : { written: changed.map((c) => c.path), notes: [] };
  const notApplied = new Set(changed.map((c) => c.path).filter((p) => !written.written.includes(p)));
  const result = auditResultOf(tally, { tree: args.dir, target, mode: args.mode, level: args.fixLevel, ...(detected ? { detected } : {}), ...(description ? { contracts: description } : {}), notApplied });
  result.notes.push(...written.notes, ...walked.unreadable.map((u) => ({ message: `folder not read: ${u}` })));
  if (baseline) {
    const split = splitUpstream(result.findings, (file) => result.sources.get(sourceKey(file)), (file) => readTreeFile(baseline, file, io));
    result.findings = split.fork;
    result.baseline = { tree: args.baseline!, upstream: split.upstream };
  }

  if (args.mode === 'diff') emit(args, io, patchOf(changed));
  else {
    emit(args, io, formatAudit(result, args.format, io.version));
    if (args.mode === 'fix' || args.output !== undefined) io.stderr(`memcg-review: ${oneLineSummary(result, args)}\n`);
  }
  return exitCodeFor(result, args.failOn);
}

/** grep and find started on the tree, their files held until the reviewers are there (the native path). */
interface Search {
  tally: Tally;
  filter: PathFilter;
  queue: LaterQueue;
  walked: Promise<WalkCounts | GrepFallback>;
  /** Stops find and grep when the audit ends before them. */
  stop(): void;
}

/**
 * Starts the native path's find and grep (--prefilter grep, or auto when stderr is not a terminal:
 * the native path streams find's list into review and knows no total, so on a terminal, where the
 * progress line shows a percentage and the time left, `auto` takes the JavaScript path, which
 * walks the tree first).
 */
function startSearch(args: AuditArgs, root: string, system: AuditSystem): Search | undefined {
  const literals = createPrefilter().literals;
  const native = args.prefilter === 'grep' || (args.prefilter === 'auto' && !system.terminal);
  if (!native || !literals) return undefined;
  const tally = new Tally();
  const filter = pathFilter(args.include, args.exclude);
  const queue = laterQueue();
  const abort = new AbortController();
  // The memcg core's top-level folders (mm, include) first: their large files are reviewed while grep reads on.
  const first = [...new Set([...DEFAULT_CORE_FILES, ...args.core].map((f) => f.split('/')[0]!).filter((f) => f && !/[*?[]/.test(f)))];
  const walked = grepAudit(root, filter, literals, queue, (r) => tally.add(r), system.native, first, abort.signal);
  return { tally, filter, queue, walked, stop: () => abort.abort() };
}

async function review(args: AuditArgs, setup: WorkerSetup, deps: Deps, system: AuditSystem, search: Search | undefined): Promise<{ tally: Tally; walked: WalkCounts }> {
  const filter = search?.filter ?? pathFilter(args.include, args.exclude);
  const jobs = args.jobs ?? system.cores;
  // Workers start only for files to parse: a target they would refuse is refused here, even for a tree with none.
  if (jobs !== 1 && !SUPPORTED_TARGETS.includes(setup.options.target)) throw new UserError(new UnsupportedTargetError(setup.options.target).message);
  if (search) {
    const { tally } = search;
    const onReport = (r: BatchReport) => tally.add(r);
    // With one job the reviewer is made first, as on the JavaScript path: a refused target fails before any review.
    const reviewer = jobs === 1 ? await startReviewer(deps, setup) : undefined;
    const queue = reviewOnWorkers(setup, jobs, onReport, reviewer ? async () => reviewer : () => startReviewer(deps, setup));
    search.queue.attach(queue);
    const stop = startProgress(system.terminal, tally);
    try {
      const walked = await search.walked;
      if (!('fallback' in walked)) {
        await queue.end();
        tally.stats.symlinks = walked.symlinks;
        checkIncludes(args, filter);
        return { tally, walked };
      }
      await queue.cancel();
      if (args.prefilter === 'grep') throw new UserError(`--prefilter grep: ${walked.fallback}`);
    } catch (e) {
      await queue.cancel();
      throw e;
    } finally {
      stop();
    }
  }
  const tally = new Tally();
  const walked: WalkCounts = { symlinks: 0, unreadable: [] };
  // On a terminal the tree is walked first, so the progress line can show a percentage and the time left.
  const walk = walkTree(setup.root, filter, walked);
  const listed = system.terminal ? [...walk] : undefined;
  const work = batches(listed ? listed.values() : walk, BATCH);
  const stop = startProgress(system.terminal, tally, undefined, listed?.length);
  try {
    if (jobs === 1) await runInProcess(setup, await startReviewer(deps, setup), work, (r) => tally.add(r));
    else await runOnWorkers(setup, jobs, work, (r) => tally.add(r));
  } finally {
    stop();
  }
  tally.stats.symlinks = walked.symlinks;
  checkIncludes(args, filter);
  return { tally, walked };
}

/** An --include glob that matched no C file is a usage error, whichever path walked the tree. */
function checkIncludes(args: AuditArgs, filter: PathFilter): void {
  const unmatched = filter.unmatched();
  if (unmatched.length > 0) throw new UserError(`--include '${unmatched[0]}' matches no C file in '${args.dir}'${args.exclude.length > 0 ? ' (after --exclude)' : ''}`);
}

function reviewOptions(args: AuditArgs, target: ReviewOptions['target'], treeCoreFiles: readonly string[]): ReviewOptions {
  const options: ReviewOptions = { target, coreFiles: [...new Set([...DEFAULT_CORE_FILES, ...treeCoreFiles, ...args.core])] };
  if (args.maxBytes !== undefined || args.maxParseMillis !== undefined || args.maxReviewMillis !== undefined) {
    options.limits = {
      maxBytes: args.maxBytes ?? DEFAULT_LIMITS.maxBytes,
      maxParseMillis: args.maxParseMillis ?? DEFAULT_LIMITS.maxParseMillis,
      maxReviewMillis: args.maxReviewMillis ?? DEFAULT_LIMITS.maxReviewMillis,
    };
  }
  return options;
}

async function startReviewer(deps: Deps, setup: WorkerSetup) {
  try {
    return await deps.createReviewer(setup.options);
  } catch (e) {
    if (e instanceof UnsupportedTargetError) throw new UserError(e.message);
    throw e;
  }
}

function patchOf(changed: readonly ChangedFile[]): string {
  return changed.map((c) => unifiedDiff(c.path, c.before, c.after)).join('');
}

function emit(args: AuditArgs, io: Io, text: string): void {
  if (args.output === undefined) io.stdout(text);
  else writeOutput(path.resolve(io.cwd, args.output), text);
}

function oneLineSummary(result: AuditResult, args: AuditArgs): string {
  const parts = [`${result.stats.files} files scanned, ${result.stats.parsed} parsed`];
  if (result.fixes) parts.push(`${result.fixes.applied} ${args.fixLevel === 'assumed' ? 'proven or assumed' : 'proven'} fixes applied in ${result.fixes.files.length} files`);
  parts.push(`${result.findings.length} findings ${result.fixes ? 'remain' : 'found'}`);
  return parts.join(', ') + (args.output !== undefined ? `; report in ${args.output}` : '');
}
