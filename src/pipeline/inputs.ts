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
  /**
   * The lines in scope (1-based), when not the whole file: the lines a pull request adds. Only
   * findings on them are kept, and only they count as checked.
   */
  inScope?: ReadonlySet<number>;
}

/** What the pipeline reviews: patches as one series, C files whole. */
export interface Inputs<P extends PatchText = PatchText, S extends SourceText = SourceText> {
  patches: P[];
  sources: S[];
  /** What the adapter left out before the review, and why (C files larger than the size limit, files GitHub gave no text for): the report's first notes. */
  skipped?: InputNote[];
}
