import path from 'node:path';
import { createPrefilter } from '../../src/audit/prefilter.js';
import type { PathFilter } from '../../src/audit/path-filter.js';
import type { BatchReport } from '../../src/audit/tally.js';
import { grepAudit, type NativeCommands } from '../../src/cli/audit/grep-audit.js';
import { BytesReader } from '../../src/cli/audit/read-bytes.js';
import type { ReviewQueue } from '../../src/cli/audit/review-pool.js';
import { walkTree } from '../../src/cli/audit/walk-tree.js';

/** Files the JavaScript prefilter lets through (the walk, every file read, the literal test). */
export function jsCandidates(root: string, filter: PathFilter): string[] {
  const reader = new BytesReader();
  const prefilter = createPrefilter();
  const out: string[] = [];
  for (const rel of walkTree(root, filter, { symlinks: 0, unreadable: [] })) {
    if (prefilter.test(reader.read(path.join(root, rel))) === 'candidate') out.push(rel);
  }
  return out.sort();
}

/** What the grep path pushes for review, with the counts it reports for the other files. */
export async function grepCandidates(root: string, filter: PathFilter, commands: NativeCommands = {}) {
  const pushed: string[] = [];
  const reports: BatchReport[] = [];
  const queue: ReviewQueue = { push: (f) => void pushed.push(f), end: async () => {}, cancel: async () => {} };
  const walked = await grepAudit(root, filter, createPrefilter().literals!, queue, (r) => reports.push(r), commands);
  return { pushed: pushed.sort(), walked, skipped: reports.reduce((n, r) => n + r.files, 0), bytes: reports.reduce((n, r) => n + r.bytes, 0) };
}
