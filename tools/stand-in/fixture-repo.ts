import { createHash } from 'node:crypto';
import { unifiedDiff } from '../../src/fix/unified-diff.js';
import { applyFilePatch } from '../../src/patch/apply-patch.js';
import { parseSeries } from '../../src/patch/parse-series.js';

/** A commit of the stand-in's repository: the whole tree it leaves. */
export interface RepoCommit {
  sha: string;
  message: string;
  parents: string[];
  tree: Map<string, string>;
}

/** A file a commit or a pull request changes, shaped like GitHub's. */
export interface RepoFileChange {
  filename: string;
  status: 'added' | 'modified' | 'removed';
  additions: number;
  deletions: number;
  changes: number;
  /** Hunks only, as GitHub gives them; absent when the diff is "too large" (see tooLarge). */
  patch?: string;
}

/** A pull request the stand-in serves: base commit on the default branch, then the PR's commits. */
export interface FixtureRepo {
  owner: string;
  name: string;
  defaultBranch: string;
  /** The default branch's tip: the base tree plus, optionally, `.github/memcg-review.yml`. */
  base: RepoCommit;
  commits: RepoCommit[];
  /** Files whose diff GitHub would not show (too large): their patch is left out. */
  tooLarge: Set<string>;
}

function sha(parts: string[]): string {
  return createHash('sha1').update(parts.join('\0')).digest('hex');
}

/** A commit's id: a hash of its parent, message and tree (40 hex digits like git's). */
export function commitSha(parent: string, message: string, tree: Map<string, string>): string {
  return sha([parent, message, ...[...tree].flat()]);
}

/** A file change between two trees, with GitHub's hunks-only patch. */
export function fileChange(path: string, before: string | undefined, after: string | undefined, tooLarge: boolean): RepoFileChange {
  const diff = unifiedDiff(path, before ?? '', after ?? '');
  const hunks = diff.slice(diff.indexOf('@@')).replace(/\n$/, '');
  const lines = hunks.split('\n');
  const additions = lines.filter((l) => l.startsWith('+')).length;
  const deletions = lines.filter((l) => l.startsWith('-')).length;
  const status = before === undefined ? 'added' : after === undefined ? 'removed' : 'modified';
  const change: RepoFileChange = { filename: path, status, additions, deletions, changes: additions + deletions };
  if (!tooLarge) change.patch = hunks;
  return change;
}

/** The files that differ between two trees, sorted by path. */
export function treeChanges(before: Map<string, string>, after: Map<string, string>, tooLarge: Set<string>): RepoFileChange[] {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths.filter((p) => before.get(p) !== after.get(p)).map((p) => fileChange(p, before.get(p), after.get(p), tooLarge.has(p)));
}

export interface FixtureInput {
  owner?: string;
  name?: string;
  /** The base tree: path inside the repository -> text. */
  baseTree: Map<string, string>;
  /** A `git format-patch` series (an mbox): each patch becomes one commit of the pull request. */
  series: string;
  /** `.github/memcg-review.yml` on the default branch, if any. */
  config?: string;
  tooLarge?: string[];
}

/** Builds the repository by applying the series to the base tree in memory, one commit per patch. */
export function buildFixtureRepo(input: FixtureInput): FixtureRepo {
  const tree = new Map(input.baseTree);
  if (input.config !== undefined) tree.set('.github/memcg-review.yml', input.config);
  const base: RepoCommit = { sha: sha(['base', ...[...tree].flat()]), message: 'base tree', parents: [], tree };
  const { series } = parseSeries([{ source: 'fixture', text: input.series }]);
  const commits: RepoCommit[] = [];
  let parent = base;
  for (const patch of series.patches) {
    const next = new Map(parent.tree);
    for (const file of patch.files) {
      const from = file.oldPath ?? file.newPath!;
      if (file.status === 'deleted') {
        next.delete(from);
        continue;
      }
      const applied = applyFilePatch(file.status === 'added' ? '' : (next.get(from) ?? ''), file);
      if (!applied.ok) throw new Error(`fixture patch "${patch.subject}" does not apply to ${from}: ${applied.reason}`);
      if (file.oldPath && file.oldPath !== file.newPath) next.delete(file.oldPath);
      next.set(file.newPath!, applied.text);
    }
    const body = patch.text.slice(0, patch.text.indexOf('\n---\n') === -1 ? 0 : patch.text.indexOf('\n---\n'));
    const message = `${patch.subject}\n\n${body.split('\n\n').slice(1).join('\n\n').trim()}`.trim();
    const commit: RepoCommit = { sha: commitSha(parent.sha, message, next), message, parents: [parent.sha], tree: next };
    commits.push(commit);
    parent = commit;
  }
  return { owner: input.owner ?? 'kernel-fork', name: input.name ?? 'linux', defaultBranch: 'main', base, commits, tooLarge: new Set(input.tooLarge ?? []) };
}

/**
 * The same commits on another branch of the same base: each message gets `tag` (so each commit,
 * and the branch's head, has an id of its own), for a stand-in serving many pull requests.
 */
export function branchFrom(base: RepoCommit, commits: readonly RepoCommit[], tag: string): RepoCommit[] {
  const out: RepoCommit[] = [];
  let parent = base;
  for (const c of commits) {
    const [subject, ...rest] = c.message.split('\n');
    const message = [`${subject} [${tag}]`, ...rest].join('\n');
    const commit: RepoCommit = { sha: commitSha(parent.sha, message, c.tree), message, parents: [parent.sha], tree: c.tree };
    out.push(commit);
    parent = commit;
  }
  return out;
}
