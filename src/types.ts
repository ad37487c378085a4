import type { MeasuredContract } from './model/contract.js';
/**
 * Shared value types of the pure core. Data flows one way:
 * patch / diff / tree -> parsed series -> C syntax tree -> findings -> validated fixes -> reporters -> adapters.
 */

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** API generations from ../shared/memcg-api.md. Only v5.11 has rules so far; the others come with the model. */
export const TARGETS = ['legacy', 'rfc-v1', 'v5.11', 'v5.15', 'v6.1', 'v6.18'] as const;
export type Target = (typeof TARGETS)[number];

/** A replacement of source[start, end) by text; offsets are JS string indices into the reviewed text. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** 1-based line and column, end exclusive; columns count UTF-16 code units like the rest of JS. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Verdict = 'proven' | 'conditional';

/** A fix the model let through: edits on the reviewed text, the verdict and why. */
export interface Fix {
  edits: TextEdit[];
  verdict: Verdict;
  explanation: string;
}

/** How sure the receiver's type is: `high` when known from declarations, `low` when guessed from a name. */
export type Confidence = 'high' | 'low';

export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  /** Path inside the tree, e.g. mm/memcontrol.c. */
  file: string;
  message: string;
  confidence: Confidence;
  /** Offsets of the flagged range in the reviewed text. */
  start: number;
  end: number;
  fix?: Fix;
  /** Set when the finding comes from a patch of a series. */
  patch?: PatchRef;
}

export interface PatchRef {
  index: number;
  subject: string;
}

/** A non-fatal remark on the input: a binary file skipped, a hunk that did not apply, ... */
export interface InputNote {
  file?: string;
  patch?: PatchRef;
  message: string;
}

export interface ReviewOptions {
  target: Target;
  /** Files allowed to write the memcg word (the memcg core). Paths inside the tree; `*` globs allowed. */
  coreFiles: string[];
  /** Bounds on one file's review; DEFAULT_LIMITS when absent. */
  limits?: ReviewLimits;
  /**
   * The contract measured from the tree's own helpers (`model verify`): validates fixes in place
   * of the preset where it measured a helper. Absent: the preset generation.
   */
  contract?: MeasuredContract;
}

/** A file over `maxBytes`, or whose parse takes longer than `maxParseMillis`, is skipped with a note. */
export interface ReviewLimits {
  maxBytes: number;
  maxParseMillis: number;
  /** The rules' time on one file after its parse (default 30 s): hostile files can make facts quadratic. */
  maxReviewMillis?: number;
}

/**
 * 1 MiB: four times the largest kernel file that names the memcg fields (mm/page_alloc.c, 277 KB in
 * 6.1; larger files such as amdgpu's register headers never reach the parser). Dense C costs
 * tree-sitter about 150 bytes of its 2 GB WebAssembly heap per byte, per tree, and a review holds up
 * to three trees: an 8 MB file aborted the heap, and every later parse in the process with it.
 */
export const DEFAULT_LIMITS: Required<ReviewLimits> = { maxBytes: 1024 * 1024, maxParseMillis: 10_000, maxReviewMillis: 30_000 };

export const DEFAULT_CORE_FILES = ['mm/memcontrol.c', 'include/linux/memcontrol.h', 'mm/slab.h'];

export const DEFAULT_OPTIONS: ReviewOptions = { target: 'v5.11', coreFiles: DEFAULT_CORE_FILES };
