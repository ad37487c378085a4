import type { DetectedGeneration } from '../model/detect-generation.js';
import type { ReviewResult } from '../review/result.js';

/** Counts of one audit: what was walked, what the prefilter let through, what was parsed. */
export interface AuditStats {
  /** C sources and headers (.c, .h) walked. */
  files: number;
  /** Their total size in bytes. */
  bytes: number;
  /** Files the literal prefilter let through. */
  candidates: number;
  /** Files the reviewer parsed (their text holds a relevant token). */
  parsed: number;
  /** Files with at least one finding (before fixing). */
  withFindings: number;
  /** Symbolic links met in the walk; never followed. */
  symlinks: number;
}

/** What --fix or --diff did. */
export interface AuditFixes {
  mode: 'fix' | 'diff';
  /** Files changed (written with --fix, in the patch with --diff), tree-relative, sorted. */
  files: string[];
  /** Fixes applied. */
  applied: number;
}

/**
 * A whole-tree audit, ready for a reporter: a ReviewResult whose findings are what remains
 * (after fixing, with --fix/--diff), plus the tree's name, the counts, how the target was
 * chosen and what the fixes did. Paths are relative to the tree.
 */
export interface AuditResult extends ReviewResult {
  /** The tree as the user named it. */
  tree: string;
  stats: AuditStats;
  /** Set with --target auto. */
  detected?: DetectedGeneration;
  /** Where the helpers' contracts came from, when the tree defines them: measured, or the preset and why. */
  contracts?: string;
  fixes?: AuditFixes;
}
