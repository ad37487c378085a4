import type { InputNote } from '../types.js';

/** A patch or mbox to review: `source` names it in notes ('-' for stdin). Adapters may carry more fields. */
export interface PatchText {
  source: string;
  text: string;
}

/** A C file reviewed whole: `path` as reported. */
export interface SourceText {
  path: string;
  text: string;
}

/** What the pipeline reviews: patches as one series, C files whole. */
export interface Inputs<P extends PatchText = PatchText, S extends SourceText = SourceText> {
  patches: P[];
  sources: S[];
  /** C files left unread, and why (larger than the size limit): notes of the report. */
  skipped?: InputNote[];
}
