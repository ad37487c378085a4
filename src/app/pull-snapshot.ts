import type { InputNote } from '../types.js';

/** One commit of a pull request, reviewed as one patch of the series. */
export interface PullCommit {
  /** 1-based position in the pull request. */
  index: number;
  sha: string;
  /** First line of the commit message. */
  subject: string;
  /** Files the commit changes -> the lines it adds (new-side line -> text); null when GitHub gave no diff. */
  files: Map<string, Map<number, string> | null>;
}

/** A changed C file of the pull request, read at the head commit. */
export interface HeadFile {
  path: string;
  /** Full contents at the head commit. */
  text: string;
  /** Lines the pull request adds. */
  added: Set<number>;
  /** Lines a review comment may be placed on -> their hunk; empty when GitHub shows no diff for the file. */
  commentable: Map<number, number>;
}

/** Everything the review needs from GitHub, read once. */
export interface PullSnapshot {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  commits: PullCommit[];
  files: HeadFile[];
  /** Files skipped or unreadable, commits not listed, ... */
  notes: InputNote[];
}
