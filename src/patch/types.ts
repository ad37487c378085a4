/** The parsed form of patches, diffs and mbox series. */

export type FileStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'copied' | 'mode-only' | 'binary';

export interface HunkLine {
  kind: ' ' | '+' | '-';
  /** The line without its marker, without line end (CR stripped). */
  text: string;
  /** Offset in Patch.text of the first character after the marker. */
  offset: number;
}

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** The text after the second @@ (git's function context), '' when absent. */
  heading: string;
  lines: HunkLine[];
  /** True when the old side ends without a newline (`\ No newline at end of file`). */
  oldNoNewlineAtEnd: boolean;
  newNoNewlineAtEnd: boolean;
}

export interface FilePatch {
  /** Path without the a/ prefix; null for a new file. */
  oldPath: string | null;
  /** Path without the b/ prefix; null for a deleted file. */
  newPath: string | null;
  status: FileStatus;
  hunks: Hunk[];
  /** From git's `old mode` / `deleted file mode` header, when present. */
  oldMode?: string;
  /** From git's `new mode` / `new file mode` header, when present. */
  newMode?: string;
  /** From git's `similarity index N%` (renames and copies), when present. */
  similarity?: number;
}

export interface Patch {
  /** 1-based position in the series ([PATCH n/N] when present, else the order of input). */
  index: number;
  total: number;
  subject: string;
  author?: string;
  /** Where this patch came from (a file name or '-'). */
  source: string;
  /** The patch's text, LF line ends, as the offsets in HunkLine refer to. */
  text: string;
  files: FilePatch[];
}

export interface Series {
  cover?: { subject: string; body: string };
  patches: Patch[];
}
