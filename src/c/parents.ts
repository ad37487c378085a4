import type { SyntaxNode } from './parser.js';

/**
 * Parents of the nodes of the trees under review, recorded during the index walk. tree-sitter
 * finds a node's parent by descending from the root, which costs the width of every level: in a
 * file with thousands of top-level definitions that dominates the review. Set for the duration of
 * one synchronous review, cleared after it.
 */
let known: Map<number, SyntaxNode> | null = null;

export function parentOf(node: SyntaxNode): SyntaxNode | null {
  return known?.get(node.id) ?? node.parent;
}

/** Runs `fn` with the recorded parents in force. */
export function withParents<T>(parents: Map<number, SyntaxNode>, fn: () => T): T {
  const outer = known;
  known = parents;
  try {
    return fn();
  } finally {
    known = outer;
  }
}
