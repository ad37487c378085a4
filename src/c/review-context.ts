import type { SyntaxNode } from './parser.js';
import { ReviewLimitError } from './source-analysis.js';

/** The time one file's review may take past its parse: until `at` (Date.now()), `millis` in all, for `path`. */
export interface ReviewDeadline {
  at: number;
  path: string;
  millis: number;
}

/**
 * What one file's review keeps while its rules run, created by the reviewer per review and passed
 * down (the rules get it as `RuleContext.review`). Nothing of it outlives the review: node ids are
 * reused once the trees are freed. A review started inside another gets its own context.
 */
export class ReviewContext {
  /** Values computed once per node, by kind. */
  private readonly memo = new Map<string, Map<number, unknown>>();

  constructor(
    /**
     * Parents of the nodes of the trees under review, recorded during the index walk. tree-sitter
     * finds a node's parent by descending from the root, which costs the width of every level: in
     * a file with thousands of top-level definitions that dominates the review.
     */
    private readonly parents: ReadonlyMap<number, SyntaxNode>,
    /** Checked where the work grows with the number of accesses (facts, types, fixes); none: no limit. */
    readonly deadline: ReviewDeadline | null = null,
  ) {}

  /**
   * A context whose time runs `millis` from `since`: when the time started (the review of a whole
   * hunk-built image, for one of its islands); now by default.
   */
  static start(parents: ReadonlyMap<number, SyntaxNode>, path: string, millis: number, since = Date.now()): ReviewContext {
    return new ReviewContext(parents, { at: since + millis, path, millis });
  }

  parentOf(node: SyntaxNode): SyntaxNode | null {
    return this.parents.get(node.id) ?? node.parent;
  }

  /** `compute(node)`, once per node and per `kind` in this review. */
  perNode<T>(kind: string, node: SyntaxNode, compute: (node: SyntaxNode) => T): T {
    let byId = this.memo.get(kind) as Map<number, T> | undefined;
    if (!byId) this.memo.set(kind, (byId = new Map()));
    if (!byId.has(node.id)) byId.set(node.id, compute(node));
    return byId.get(node.id)!;
  }

  /** Throws a `review-time` ReviewLimitError once the review is past its deadline. */
  checkDeadline(): void {
    const d = this.deadline;
    if (d && Date.now() > d.at) throw new ReviewLimitError({ kind: 'review-time', path: d.path, limit: d.millis });
  }
}
