import type { SyntaxNode } from './parser.js';

/**
 * Parents of the nodes of the trees under review, recorded during the index walk. tree-sitter
 * finds a node's parent by descending from the root, which costs the width of every level: in a
 * file with thousands of top-level definitions that dominates the review. Set for the duration of
 * one synchronous review, cleared after it.
 */
let known: Map<number, SyntaxNode> | null = null;
/** Values computed once per node for the review in progress (node ids are reused after it). */
let memo: Map<string, Map<number, unknown>> | null = null;

export function parentOf(node: SyntaxNode): SyntaxNode | null {
  return known?.get(node.id) ?? node.parent;
}

/** Runs `fn` with the recorded parents in force. */
export function withParents<T>(parents: Map<number, SyntaxNode>, fn: () => T): T {
  const outer = { known, memo };
  known = parents;
  memo = new Map();
  try {
    return fn();
  } finally {
    ({ known, memo } = outer);
  }
}

/** `compute(node)`, once per node and per `kind` during a review (every time outside one). */
export function perNode<T>(kind: string, node: SyntaxNode, compute: (node: SyntaxNode) => T): T {
  if (!memo) return compute(node);
  let byId = memo.get(kind) as Map<number, T> | undefined;
  if (!byId) memo.set(kind, (byId = new Map()));
  if (!byId.has(node.id)) byId.set(node.id, compute(node));
  return byId.get(node.id)!;
}
