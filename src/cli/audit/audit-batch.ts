import path from 'node:path';
import { auditFile, type AuditMode } from '../../audit/audit-file.js';
import type { Prefilter } from '../../audit/prefilter.js';
import { addOutcome, emptyBatch, type BatchReport } from '../../audit/tally.js';
import type { Reviewer } from '../../review/reviewer.js';
import type { FixLevel, Target } from '../../types.js';
import { createPrefilter } from '../../audit/prefilter.js';
import { BytesReader, MAX_READ_BYTES } from './read-bytes.js';
import type { WorkerSetup } from './worker-setup.js';

export interface BatchContext {
  /** The tree's real root. */
  root: string;
  reader: BytesReader;
  prefilter: Prefilter;
  mode: AuditMode;
  level: FixLevel;
  /** The generation reviewed for. */
  target: Target;
  /** The reviewer, asked for only when a file passes the prefilter (it may still be loading). */
  reviewer: () => Promise<Reviewer>;
}

/**
 * The context one thread audits with (the main thread or a worker): its own reader and
 * prefilter, the setup's root, mode, level and target, and `reviewer` made once, at the first
 * file that asks for it.
 */
export function batchContext(setup: WorkerSetup, reviewer: () => Promise<Reviewer>): BatchContext {
  let made: Promise<Reviewer> | undefined;
  return { root: setup.root, reader: new BytesReader(), prefilter: createPrefilter(), mode: setup.mode, level: setup.level, target: setup.options.target, reviewer: () => (made ??= reviewer()) };
}

/** Reads and prefilters a batch of tree-relative files, then reviews the candidates. */
export async function auditBatch(files: readonly string[], ctx: BatchContext): Promise<BatchReport> {
  const batch = emptyBatch();
  const candidates: { path: string; bytes: Buffer }[] = [];
  for (const rel of files) {
    let bytes: Buffer;
    try {
      bytes = ctx.reader.read(path.join(ctx.root, rel));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const note = code === 'EFBIG' ? `not read: over ${MAX_READ_BYTES} bytes, the most one file is read` : `not read: ${code ?? String(e)}`;
      addOutcome(batch, { path: rel, candidate: false, parsed: false, lines: 0, findings: [], note }, 0);
      continue;
    }
    if (ctx.prefilter.test(bytes) === 'skip') addOutcome(batch, { path: rel, candidate: false, parsed: false, lines: 0, findings: [] }, bytes.length);
    else candidates.push({ path: rel, bytes: Buffer.from(bytes) });
  }
  if (candidates.length === 0) return batch;
  const reviewer = await ctx.reviewer();
  for (const c of candidates) addOutcome(batch, auditFile(c.path, c.bytes, reviewer, ctx.prefilter, ctx.mode, ctx.level, ctx.target), c.bytes.length);
  return batch;
}
