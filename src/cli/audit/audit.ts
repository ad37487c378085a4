import path from 'node:path';
import { auditResultOf, changedFiles, type ChangedFile } from '../../audit/audit-result-of.js';
import type { AuditResult } from '../../audit/audit-result.js';
import { pathFilter } from '../../audit/path-filter.js';
import { Tally } from '../../audit/tally.js';
import { unifiedDiff } from '../../fix/unified-diff.js';
import { UnsupportedTargetError } from '../../review/reviewer.js';
import { DEFAULT_CORE_FILES, DEFAULT_LIMITS, DEFAULT_OPTIONS, type ReviewOptions } from '../../types.js';
import type { Deps } from '../commands.js';
import { exitCodeFor } from '../shared/exit-code-for.js';
import { EXIT, type ExitCode } from '../shared/exit-codes.js';
import type { Io } from '../shared/io.js';
import { openTree } from '../shared/tree.js';
import { UserError } from '../shared/user-error.js';
import { parseAuditArgs, type AuditArgs } from './audit-args.js';
import { AUDIT_HELP } from './audit-help.js';
import { nodeAuditSystem, type AuditSystem } from './audit-system.js';
import { auditTarget, refusedTarget } from './audit-target.js';
import { generationOf } from '../../model/generation.js';
import { treeContract } from '../model/measure-tree.js';
import { batches } from './batches.js';
import { formatAudit } from './format-audit.js';
import { startProgress } from './progress.js';
import { runInProcess } from './run-in-process.js';
import { walkTree, type WalkCounts } from './walk-tree.js';
import { runOnWorkers } from './worker-pool.js';
import type { WorkerSetup } from './worker-setup.js';
import { writeFixes } from './write-fixes.js';
import { writeOutput } from './write-output.js';

/** Files per batch sent to a worker: small enough to balance the load, big enough to keep messages few. */
const BATCH = 16;

/**
 * `memcg-review audit DIR`: walks the tree, prefilters and reviews its C files (on worker
 * threads, or on this one with --jobs 1), then reports, fixes in place (--fix) or prints one
 * patch (--diff).
 */
export async function audit(argv: readonly string[], io: Io, deps: Deps, system: AuditSystem = nodeAuditSystem()): Promise<ExitCode> {
  const args = parseAuditArgs(argv, DEFAULT_OPTIONS.target);
  if (args.kind === 'help') {
    io.stdout(AUDIT_HELP);
    return EXIT.clean;
  }
  const tree = openTree(args.dir, io);
  const { target, detected } = auditTarget(args.target, tree, args.dir, io);
  const { contract, description } = await treeContract(tree, args.dir, generationOf(target), io, args.measure === true);
  const setup: WorkerSetup = { root: tree.root, options: { ...reviewOptions(args, target), ...(contract ? { contract } : {}) }, mode: args.mode };
  const tally = new Tally();
  let walked: WalkCounts;
  try {
    walked = await review(args, setup, tally, deps, system);
  } catch (e) {
    if (e instanceof UserError) throw refusedTarget(e, args.dir, detected);
    throw e;
  }

  const changed = args.mode === 'report' ? [] : changedFiles(tally);
  const written = args.mode === 'fix' ? writeFixes(tree.root, changed) : { written: changed.map((c) => c.path), notes: [] };
  const notApplied = new Set(changed.map((c) => c.path).filter((p) => !written.written.includes(p)));
  const result = auditResultOf(tally, { tree: args.dir, target, mode: args.mode, ...(detected ? { detected } : {}), ...(description ? { contracts: description } : {}), notApplied });
  result.notes.push(...written.notes, ...walked.unreadable.map((u) => ({ message: `folder not read: ${u}` })));

  if (args.mode === 'diff') emit(args, io, patchOf(changed));
  else {
    emit(args, io, formatAudit(result, args.format, io.version));
    if (args.mode === 'fix' || args.output !== undefined) io.stderr(`memcg-review: ${oneLineSummary(result, args)}\n`);
  }
  return exitCodeFor(result, args.failOn);
}

async function review(args: AuditArgs, setup: WorkerSetup, tally: Tally, deps: Deps, system: AuditSystem): Promise<WalkCounts> {
  const counts: WalkCounts = { symlinks: 0, unreadable: [] };
  const work = batches(walkTree(setup.root, pathFilter(args.include, args.exclude), counts), BATCH);
  const jobs = args.jobs ?? system.cores;
  const stop = startProgress(system.terminal, tally);
  try {
    if (jobs === 1) await runInProcess(setup, await startReviewer(deps, setup), work, (r) => tally.add(r));
    else await runOnWorkers(setup, jobs, work, (r) => tally.add(r));
  } finally {
    stop();
  }
  tally.stats.symlinks = counts.symlinks;
  return counts;
}

function reviewOptions(args: AuditArgs, target: ReviewOptions['target']): ReviewOptions {
  const options: ReviewOptions = { target, coreFiles: [...DEFAULT_CORE_FILES, ...args.core] };
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
  if (result.fixes) parts.push(`${result.fixes.applied} proven fixes applied in ${result.fixes.files.length} files`);
  parts.push(`${result.findings.length} findings ${result.fixes ? 'remain' : 'found'}`);
  return parts.join(', ') + (args.output !== undefined ? `; report in ${args.output}` : '');
}
