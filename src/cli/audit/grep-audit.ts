import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { GREP_ENV, grepArgv, splitGrepNames } from '../../audit/grep-argv.js';
import type { PathFilter } from '../../audit/path-filter.js';
import { emptyBatch, type BatchReport } from '../../audit/tally.js';
import { MAX_READ_BYTES } from './read-bytes.js';
import type { ReviewQueue } from './review-pool.js';
import { walkTree, type WalkCounts } from './walk-tree.js';

/** Files the walk handles between two turns of the event loop (grep's output and the workers' reports are read in between). */
const WALK_SLICE = 2048;

/** Why the grep path gave up: the caller audits with the JavaScript prefilter instead. */
export type GrepFallback = { fallback: string };

/**
 * The audit's literal search handed to the system's grep (grep -rlF, see grepArgv), run beside
 * the walk: the walk (the same one the JavaScript path takes) decides which files are audited
 * and counts their bytes with lstat; grep names the files holding a relevant literal; a file
 * named by both goes to `queue` at once, to be read, prefiltered again and reviewed exactly as
 * the JavaScript path would, while the walk and grep go on. Every other walked file is counted
 * as one the prefilter skipped. A file the walk cannot size, a file over MAX_READ_BYTES and a
 * name grep could not print as it is (not UTF-8) go to `queue` too, where they get the notes
 * the JavaScript path gives them. When grep is missing, fails, or meets a file or folder it
 * cannot read (exit status 2), this answers a fallback and the caller starts over in JavaScript,
 * so the results never depend on which path ran.
 */
export async function grepAudit(
  root: string,
  filter: PathFilter,
  literals: readonly string[],
  queue: ReviewQueue,
  onReport: (r: BatchReport) => void,
  grepCommand = 'grep',
): Promise<WalkCounts | GrepFallback> {
  const counts: WalkCounts = { symlinks: 0, unreadable: [] };
  const unmatched = new Map<string, number>();
  const named = new Set<string>();
  const grep = runGrep(grepCommand, root, literals, (name) => {
    const size = unmatched.get(name);
    if (size === undefined) named.add(name);
    else {
      unmatched.delete(name);
      queue.push(name);
    }
  });

  const files = walkTree(root, filter, counts);
  for (;;) {
    let done = false;
    for (let i = 0; i < WALK_SLICE; i++) {
      const next = files.next();
      if (next.done) {
        done = true;
        break;
      }
      const rel = next.value;
      const size = regularSize(path.join(root, rel));
      if (named.delete(rel) || size === undefined || size > MAX_READ_BYTES || rel.includes('\uFFFD')) queue.push(rel);
      else unmatched.set(rel, size);
    }
    if (done) break;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  const status = await grep;
  if (status !== 'ok') return { fallback: status };
  const skipped = emptyBatch();
  for (const size of unmatched.values()) {
    skipped.files++;
    skipped.bytes += size;
  }
  onReport(skipped);
  return counts;
}

/** A regular file's size, without following a link; undefined when it is not one or cannot be asked. */
function regularSize(file: string): number | undefined {
  try {
    const st = fs.lstatSync(file, { throwIfNoEntry: false });
    return st?.isFile() ? st.size : undefined;
  } catch {
    return undefined;
  }
}

/** Runs grep in `root`, handing each name it prints to `onName`; 'ok' when it exits 0 or 1, else why not. */
function runGrep(command: string, root: string, literals: readonly string[], onName: (name: string) => void): Promise<'ok' | string> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(command, grepArgv(literals), { cwd: root, env: { ...process.env, ...GREP_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      resolve(`${command} could not be started: ${(e as Error).message}`);
      return;
    }
    let rest = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const split = splitGrepNames(chunk, rest);
      rest = split.rest;
      for (const name of split.names) onName(name);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 4096) stderr += chunk;
    });
    child.on('error', (e) => resolve(`${command} could not be started: ${e.message}`));
    child.on('close', (code, signal) => {
      if (rest !== '') onName(rest.startsWith('./') ? rest.slice(2) : rest);
      if (code === 0 || code === 1) resolve('ok');
      else resolve(`${command} exited with ${signal ?? `status ${code}`}${stderr ? `: ${stderr.split('\n', 1)[0]}` : ''}`);
    });
  });
}
