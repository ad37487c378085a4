import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { FIND_ARGV, FIND_ENV, FindTally, findLeanArgv, parseFindEntry, splitNul } from '../../audit/find-entries.js';
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
 * and reviewed exactly as the JavaScript path would, while find and grep go on. When nothing
 * narrows the audit, grep's own rules select the same files as the walk: a file grep names is
 * queued as soon as grep names it, and find lists the others by their sizes alone (findLeanArgv).
 * Every other file is counted as one the prefilter skipped. A file over MAX_READ_BYTES and a name
 * that is not UTF-8 go to `queue` too, where they get the notes the JavaScript path gives them.
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
  // Nothing narrows the audit: grep's own --include and --exclude-dir select the files find lists,
  // so a file grep names is reviewed at once and find only counts (findLeanArgv).
  const lean = filter.everything;
  const queued = new Set<string>();
  const push = (name: string) => {
    if (queued.has(name)) return;
    queued.add(name);
    queue.push(name);
  };
  /** Files find listed in full that wait for grep (narrowed audits only), with their sizes. */
  const unmatched = new Map<string, number>();
  /** Files find listed in full, with their sizes (lean). */
  const listed = new Map<string, number>();
  const named = new Set<string>();
  const grep = run(commands.grep ?? 'grep', grepArgv(literals, grepPaths(rootEntries(root), first)), root, GREP_ENV, [0, 1], signal, strings((record) => {
    const name = record.startsWith('./') ? record.slice(2) : record;
    if (lean) push(name);
    else if (unmatched.delete(name)) push(name);
    else named.add(name);
  }));

  const walked = new Set<string>(['']);
  const folderIds = new Set<string>();
  let odd: string | undefined;
  const tally = new FindTally((record) => {
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
      const read = entry.size > MAX_READ_BYTES || rel.includes('\uFFFD');
      if (lean) {
        listed.set(rel, entry.size);
        if (read) push(rel);
      } else if (named.delete(rel) || read) push(rel);
      else unmatched.set(rel, entry.size);
    }
  });
  const find = run(commands.find ?? 'find', lean ? findLeanArgv(MAX_READ_BYTES) : FIND_ARGV, root, FIND_ENV, [0], signal, {
    data: (chunk) => tally.push(chunk),
    end: () => tally.end(),
  });

  const [found, searched] = await Promise.all([find, grep]);
  const trouble = odd ?? (found !== 'ok' ? found : searched !== 'ok' ? searched : undefined);
  if (trouble) return { fallback: trouble };
  counts.symlinks += tally.links;
  const skipped = emptyBatch();
  if (lean) {
    // Every file find listed, less those queued for review: find gave the size of a file listed
    // in full; one grep named that find listed by its size alone is measured here (as find did: lstat).
    skipped.files = tally.files + listed.size;
    skipped.bytes = tally.bytes;
    for (const size of listed.values()) skipped.bytes += size;
    for (const name of queued) {
      const size = listed.get(name) ?? sizeOf(path.join(root, name));
      if (size === undefined) continue;
      skipped.files--;
      skipped.bytes -= size;
    }
  } else {
    for (const size of unmatched.values()) {
      skipped.files++;
      skipped.bytes += size;
    }
  }
  onReport(skipped);
  return counts;
}

/** A file's size as find -P gives it (the link itself, never followed); undefined when it is gone. */
function sizeOf(file: string): number | undefined {
  try {
    return fs.lstatSync(file).size;
  } catch {
    return undefined;
  }
}

/** A command's output as NUL-terminated strings ('./' left on). */
function strings(onRecord: (record: string) => void): Output {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  return {
    data: (chunk) => {
      const split = splitNul(decoder.write(chunk), rest);
      rest = split.rest;
      for (const record of split.records) onRecord(record);
    },
    end: () => {
      rest += decoder.end();
      if (rest !== '') onRecord(rest);
    },
  };
}

/** What a command prints, as it comes, then its end. */
interface Output {
  data(chunk: Buffer): void;
  end(): void;
}

/** Runs a command in `root`, handing what it prints to `output`; 'ok' when it exits with one of `okCodes`, else why not. */
function run(command: string, argv: readonly string[], root: string, env: Record<string, string>, okCodes: number[], signal: AbortSignal | undefined, output: Output): Promise<'ok' | string> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(command, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...(signal ? { signal } : {}) });
    } catch (e) {
      resolve(`${command} could not be started: ${(e as Error).message}`);
      return;
    }
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => output.data(chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 4096) stderr += chunk;
    });
    child.on('error', (e) => resolve(`${command} could not be started: ${e.message}`));
    child.on('close', (code, signal) => {
      output.end();
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
