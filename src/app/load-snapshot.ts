import type { InputNote } from '../types.js';
import { matchesAny } from '../review/glob.js';
import { isCFile } from '../review/is-c-file.js';
import { addedLines } from './added-lines.js';
import type { AppConfig } from './config.js';
import { diffLines } from './diff-lines.js';
import type { ChangedFile, GitHubApi } from './github-api.js';
import { mapLimit } from './map-limit.js';
import type { HeadFile, PullCommit, PullSnapshot } from './pull-snapshot.js';

/** GitHub lists at most this many commits of a pull request. */
export const MAX_LISTED_COMMITS = 250;
const PARALLEL = 4;

export interface PullRef {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  baseSha: string;
}

/** True for a file the configuration asks to review. */
export function inScope(path: string, config: Pick<AppConfig, 'paths' | 'ignore'>): boolean {
  return isCFile(path) && matchesAny(path, config.paths) && !matchesAny(path, config.ignore);
}

const errorText = (e: unknown) => (e instanceof Error ? e.message.split('\n', 1)[0]! : String(e));

/**
 * Reads what the review needs over REST: the commits (each one patch of the series) with the lines
 * each adds, the changed C files in scope at the head, and the lines the pull request adds to them.
 * A file GitHub shows no diff for is compared with its base; a file that cannot be read is noted.
 */
export async function loadSnapshot(api: GitHubApi, pr: PullRef, config: AppConfig): Promise<PullSnapshot> {
  const notes: InputNote[] = [];
  let listed: Awaited<ReturnType<GitHubApi['listPullCommits']>> = [];
  try {
    listed = await api.listPullCommits(pr.number);
  } catch (e) {
    notes.push({ message: `the pull request's commits could not be read (${errorText(e)}); findings are not named after a commit` });
  }
  if (listed.length >= MAX_LISTED_COMMITS) notes.push({ message: `GitHub lists only the first ${MAX_LISTED_COMMITS} commits; later commits' findings are named after the last one listed` });
  const commits = await mapLimit(listed, PARALLEL, async (c, i): Promise<PullCommit> => {
    const subject = c.message.split('\n', 1)[0]!.trim();
    const files = new Map<string, Map<number, string> | null>();
    // A merge brings the base branch's lines in: it introduces nothing of its own here.
    if (c.parents.length <= 1) {
      try {
        for (const f of await api.listCommitFiles(c.sha)) if (inScope(f.filename, config)) files.set(f.filename, f.patch === undefined ? null : diffLines(f.patch).added);
      } catch (e) {
        notes.push({ message: `commit ${c.sha.slice(0, 7)}: its files could not be read (${errorText(e)})` });
      }
    }
    return { index: i + 1, sha: c.sha, subject, files };
  });
  const base = listed[0]?.parents[0] ?? pr.baseSha;
  const changed = (await api.listPullFiles(pr.number)).filter((f) => f.status !== 'removed' && inScope(f.filename, config));
  const read = await mapLimit(changed, PARALLEL, (f) => headFile(api, f, pr.headSha, base, notes));
  return { owner: pr.owner, repo: pr.repo, number: pr.number, headSha: pr.headSha, commits, files: read.filter((f): f is HeadFile => f !== null), notes };
}

async function headFile(api: GitHubApi, f: ChangedFile, head: string, base: string, notes: InputNote[]): Promise<HeadFile | null> {
  try {
    const text = await api.readFile(f.filename, head);
    if (text === null) {
      notes.push({ file: f.filename, message: 'not found at the head commit; skipped' });
      return null;
    }
    if (f.patch !== undefined) {
      const d = diffLines(f.patch);
      return { path: f.filename, text, added: new Set(d.added.keys()), commentable: d.commentable };
    }
    const before = f.status === 'added' ? '' : ((await api.readFile(f.previous_filename ?? f.filename, base)) ?? '');
    notes.push({ file: f.filename, message: 'GitHub shows no diff for this file (too large): its findings are annotations only' });
    return { path: f.filename, text, added: addedLines(before, text), commentable: new Map() };
  } catch (e) {
    notes.push({ file: f.filename, message: `could not be read (${errorText(e)}); skipped` });
    return null;
  }
}
