import type { InputNote } from '../types.js';
import { readHeaderPath, splitGitDiffPaths, stripGitPrefixes, stripPlainPrefixes } from './git-path.js';
import { isHunkHeader, readHunk } from './read-hunk.js';
import { textLines } from './text-lines.js';
import { staysInTree } from './tree-path.js';
import type { FilePatch, FileStatus, Hunk } from './types.js';

export interface ParseResult {
  files: FilePatch[];
  /** Problems met; parsing never throws. `file` is set when the problem belongs to a file. */
  notes: InputNote[];
}

/** A file section while it is being read. */
interface Draft {
  git: boolean;
  /** Whether the git header used one-letter prefixes (a/ b/) that --- and +++ then carry too. */
  prefixed: boolean;
  oldPath: string | null;
  newPath: string | null;
  created: boolean;
  deleted: boolean;
  renamed: boolean;
  copied: boolean;
  modeChanged: boolean;
  binary: boolean;
  /** Whether ---/+++ or a hunk was seen: git's extended header lines are over. */
  inBody: boolean;
  hunks: Hunk[];
  oldMode?: string;
  newMode?: string;
  similarity?: number;
}

const DEV_NULL = '/dev/null';

function draft(git: boolean, oldPath: string | null, newPath: string | null, prefixed = false): Draft {
  return {
    git, prefixed, oldPath, newPath, created: false, deleted: false, renamed: false, copied: false,
    modeChanged: false, binary: false, inBody: false, hunks: [],
  };
}

function statusOf(d: Draft): FileStatus {
  if (d.binary) return 'binary';
  if (d.created || d.oldPath === null) return 'added';
  if (d.deleted || d.newPath === null) return 'deleted';
  if (d.renamed) return 'renamed';
  if (d.copied) return 'copied';
  if (d.modeChanged && d.hunks.length === 0) return 'mode-only';
  return 'modified';
}

function finish(d: Draft): FilePatch {
  const file: FilePatch = {
    oldPath: d.created ? null : d.oldPath,
    newPath: d.deleted ? null : d.newPath,
    status: statusOf(d),
    hunks: d.binary ? [] : d.hunks,
  };
  if (d.oldMode !== undefined) file.oldMode = d.oldMode;
  if (d.newMode !== undefined) file.newMode = d.newMode;
  if (d.similarity !== undefined) file.similarity = d.similarity;
  return file;
}

function nameOf(d: Draft): string | undefined {
  return d.newPath ?? d.oldPath ?? undefined;
}

function headerPath(raw: string, prefixed: boolean): string | null {
  const p = readHeaderPath(raw);
  if (p === DEV_NULL) return null;
  return prefixed && /^[a-z]\//.test(p) ? p.slice(2) : p;
}

function gitDraft(rest: string): Draft {
  const paths = splitGitDiffPaths(rest);
  if (!paths) return draft(true, null, null);
  const [a, b] = stripGitPrefixes(paths[0], paths[1]);
  return draft(true, a, b, a !== paths[0]);
}

/** Applies a git extended header line to d; false when the line is not one. */
function readExtendedHeader(d: Draft, line: string): boolean {
  let m: RegExpExecArray | null;
  if ((m = /^old mode (\d+)/.exec(line))) [d.oldMode, d.modeChanged] = [m[1]!, true];
  else if ((m = /^new mode (\d+)/.exec(line))) [d.newMode, d.modeChanged] = [m[1]!, true];
  else if ((m = /^new file mode (\d+)/.exec(line))) [d.newMode, d.created] = [m[1]!, true];
  else if ((m = /^deleted file mode (\d+)/.exec(line))) [d.oldMode, d.deleted] = [m[1]!, true];
  else if ((m = /^rename from (.*)$/.exec(line))) [d.oldPath, d.renamed] = [readHeaderPath(m[1]!), true];
  else if ((m = /^rename to (.*)$/.exec(line))) [d.newPath, d.renamed] = [readHeaderPath(m[1]!), true];
  else if ((m = /^copy from (.*)$/.exec(line))) [d.oldPath, d.copied] = [readHeaderPath(m[1]!), true];
  else if ((m = /^copy to (.*)$/.exec(line))) [d.newPath, d.copied] = [readHeaderPath(m[1]!), true];
  else if ((m = /^similarity index (\d+)%/.exec(line))) d.similarity = Number(m[1]);
  else if (!/^(dissimilarity index |index )/.test(line)) return false;
  return true;
}

/** Lines of a `GIT binary patch` block: `literal N` / `delta N`, base85 data (a length letter first), blank lines. */
const BINARY_DATA = /^(?:(?:literal|delta) \d+|[A-Za-z][0-9A-Za-z!#$%&()*+;<=>?@^_`{|}~-]*|)$/;
const BINARY_DIFFER = /^Binary files (.+) and (.+) differ$/;

/**
 * Parses the diffs in text from offset `from` on: git diffs (with extended headers, binary files,
 * quoted paths) and plain unified diffs. Lines outside file sections (commit message, diffstat,
 * signature) are skipped. Hunk line offsets refer into text.
 */
export function parsePatch(text: string, from = 0): ParseResult {
  const lines = textLines(text, from);
  const firstLine = text.slice(0, from).split('\n').length; // 1-based line number of lines[0]
  const files: FilePatch[] = [];
  const notes: InputNote[] = [];
  const note = (d: Draft | null, message: string) => {
    const file = d ? nameOf(d) : undefined;
    notes.push(file === undefined ? { message } : { file, message });
  };
  let cur: Draft | null = null;
  const close = () => {
    if (cur && cur.oldPath === null && cur.newPath === null) note(null, 'a diff header without file names was skipped');
    else if (cur && ![cur.oldPath, cur.newPath].every((p) => p === null || staysInTree(p))) note(cur, 'skipped: the path is absolute or leaves the tree');
    else if (cur) files.push(finish(cur));
    cur = null;
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!.text;
    const next = lines[i + 1]?.text;
    if (line.startsWith('diff --git ')) {
      close();
      cur = gitDraft(line.slice('diff --git '.length));
      i++;
      continue;
    }
    if (cur && cur.git && !cur.inBody && readExtendedHeader(cur, line)) {
      i++;
      continue;
    }
    if (line.startsWith('--- ') && next?.startsWith('+++ ')) {
      if (!cur || cur.inBody || !cur.git) {
        close();
        const [a, b] = stripPlainPrefixes(headerPath(line.slice(4), false), headerPath(next.slice(4), false));
        cur = draft(false, a, b);
      } else {
        const a = headerPath(line.slice(4), cur.prefixed);
        const b = headerPath(next.slice(4), cur.prefixed);
        if (a === null) cur.created = true;
        else cur.oldPath = a;
        if (b === null) cur.deleted = true;
        else cur.newPath = b;
      }
      cur.inBody = true;
      i += 2;
      continue;
    }
    if (isHunkHeader(line)) {
      const read = readHunk(lines, i, firstLine);
      if (!cur) note(null, `a hunk without a file header at line ${firstLine + i} was skipped`);
      else {
        cur.inBody = true;
        cur.hunks.push(read.hunk);
        if (read.problem) note(cur, `hunk ${cur.hunks.length} (${line}) ${read.problem}`);
      }
      i = Math.max(read.next, i + 1);
      continue;
    }
    if (line === 'GIT binary patch' || BINARY_DIFFER.test(line)) {
      if (!cur || cur.inBody) {
        close();
        const m = BINARY_DIFFER.exec(line);
        const [a, b] = m ? stripPlainPrefixes(headerPath(m[1]!, false), headerPath(m[2]!, false)) : [null, null];
        cur = draft(false, a, b);
      }
      cur.binary = true;
      cur.inBody = true;
      i++;
      if (line === 'GIT binary patch') while (i < lines.length && BINARY_DATA.test(lines[i]!.text)) i++;
      continue;
    }
    if (line.startsWith('@@@ ')) note(cur, `combined diffs (merge commits) are not supported; line ${firstLine + i} skipped`);
    i++;
  }
  close();
  return { files, notes };
}
