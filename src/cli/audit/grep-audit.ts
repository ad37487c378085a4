import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { FIND_ARGV, parseFindEntry, splitNul } from '../../audit/find-entries.js';
import { GREP_ENV, grepArgv, grepPaths } from '../../audit/grep-argv.js';
import type { PathFilter } from '../../audit/path-filter.js';
import { emptyBatch, type BatchReport } from '../../audit/tally.js';
import { MAX_READ_BYTES } from './read-bytes.js';
import type { ReviewQueue } from './review-pool.js';
import type { WalkCounts } from './walk-tree.js';

/** Why the native path gave up: the caller audits with the JavaScript walk and prefilter instead. */
export type GrepFallback = { fallback: string };

/** The system commands the native path runs (default: grep and find on the PATH). */
export interface NativeCommands {
  grep?: string;
  find?: string;
}

/**
 * The audit's walk and literal search handed to the system's find and grep, run side by side:
 * find lists what the JavaScript walk would look at (FIND_ARGV: folders, links, .c and .h files
 * with their sizes), to which the walk's own rules are applied here (the path filter, a folder
 * under an excluded one not walked, links counted); grep -rlE (grepArgv) names the files holding
 * a relevant literal. A file both accept goes to `queue` at once, to be read, prefiltered again
 * and reviewed exactly as the JavaScript path would, while find and grep go on. Every other file
 * is counted as one the prefilter skipped. A file over MAX_READ_BYTES and a name that is not
 * UTF-8 go to `queue` too, where they get the notes the JavaScript path gives them.
 *
 * When a command is missing or fails (an unreadable file or folder: exit status 2 for grep, 1
 * for find), or a folder shows twice (a bind mount, which the walk reads once) or has a name
 * that is not UTF-8, this answers a fallback and the caller starts over in JavaScript, so the
 * results never depend on which path ran.
 */
export async function grepAudit(
  root: string,
  filter: PathFilter,
  literals: readonly string[],
  queue: ReviewQueue,
  onReport: (r: BatchReport) => void,
  commands: NativeCommands = {},
  /** Top-level folders grep searches first (the memcg core's): see grepPaths. */
  first: readonly string[] = [],
  /** Stops find and grep (the audit gave up before their end). */
  signal?: AbortSignal,
): Promise<WalkCounts | GrepFallback> {
  const counts: WalkCounts = { symlinks: 0, unreadable: [] };
  const unmatched = new Map<string, number>();
  const named = new Set<string>();
  const grep = run(commands.grep ?? 'grep', grepArgv(literals, grepPaths(rootEntries(root), first)), root, GREP_ENV, [0, 1], signal, (record) => {
    const name = record.startsWith('./') ? record.slice(2) : record;
    const size = unmatched.get(name);
    if (size === undefined) named.add(name);
    else {
      unmatched.delete(name);
      queue.push(name);
    }
  });

  const walked = new Set<string>(['']);
  const folderIds = new Set<string>();
  let odd: string | undefined;
  const find = run(commands.find ?? 'find', FIND_ARGV, root, {}, [0], signal, (record) => {
    const entry = parseFindEntry(record);
    if (!entry) {
      odd ??= `find printed an entry it was not asked for: ${JSON.stringify(record.slice(0, 80))}`;
      return;
    }
    const slash = entry.path.lastIndexOf('/');
    const parent = slash === -1 ? '' : entry.path.slice(0, slash);
    if (entry.kind === 'dir') {
      if (folderIds.has(entry.id)) odd ??= `folder met twice: ${entry.path}`;
      folderIds.add(entry.id);
      if (entry.path.includes('\uFFFD')) odd ??= 'a folder name that is not UTF-8';
      if (entry.path !== '' && walked.has(parent) && filter.directory(entry.path)) walked.add(entry.path);
    } else if (!walked.has(parent)) return;
    else if (entry.kind === 'link') counts.symlinks++;
    else if (filter.file(entry.path)) {
      const rel = entry.path;
      if (named.delete(rel) || entry.size > MAX_READ_BYTES || rel.includes('\uFFFD')) queue.push(rel);
      else unmatched.set(rel, entry.size);
    }
  });

  const [found, searched] = await Promise.all([find, grep]);
  const trouble = odd ?? (found !== 'ok' ? found : searched !== 'ok' ? searched : undefined);
  if (trouble) return { fallback: trouble };
  const skipped = emptyBatch();
  for (const size of unmatched.values()) {
    skipped.files++;
    skipped.bytes += size;
  }
  onReport(skipped);
  return counts;
}

/**
 * Runs a command in `root`, handing each NUL-terminated record it prints to `onRecord` ('./'
 * left on); 'ok' when it exits with one of `okCodes`, else why not.
 */
function run(command: string, argv: readonly string[], root: string, env: Record<string, string>, okCodes: number[], signal: AbortSignal | undefined, onRecord: (record: string) => void): Promise<'ok' | string> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(command, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...(signal ? { signal } : {}) });
    } catch (e) {
      resolve(`${command} could not be started: ${(e as Error).message}`);
      return;
    }
    let rest = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const split = splitNul(chunk, rest);
      rest = split.rest;
      for (const record of split.records) onRecord(record);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 4096) stderr += chunk;
    });
    child.on('error', (e) => resolve(`${command} could not be started: ${e.message}`));
    child.on('close', (code, signal) => {
      if (rest !== '') onRecord(rest);
      if (code !== null && okCodes.includes(code)) resolve('ok');
      else resolve(`${command} exited with ${signal ?? `status ${code}`}${stderr ? `: ${stderr.split('\n', 1)[0]}` : ''}`);
    });
  });
}

/**
 * The entries of the tree's root, each with its kind (a link not followed); null when the root
 * cannot be read or its file system does not tell an entry's kind (then grep searches '.').
 */
function rootEntries(root: string): { name: string; kind: 'dir' | 'file' | 'link' | 'other' }[] | null {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(root, { withFileTypes: true });
  } catch {
    return null;
  }
  const out: { name: string; kind: 'dir' | 'file' | 'link' | 'other' }[] = [];
  for (const e of entries) {
    if (e.isSymbolicLink()) out.push({ name: e.name, kind: 'link' });
    else if (e.isDirectory()) out.push({ name: e.name, kind: 'dir' });
    else if (e.isFile()) out.push({ name: e.name, kind: 'file' });
    else if (e.isBlockDevice() || e.isCharacterDevice() || e.isFIFO() || e.isSocket()) out.push({ name: e.name, kind: 'other' });
    else return null;
  }
  return out;
}
