import type { SyntaxNode } from './parser.js';
import type { ReviewContext } from './review-context.js';

/** Every named descendant of `root` (root included), in document order, without recursion limits. */
export function* descendants(root: SyntaxNode): Generator<SyntaxNode> {
  const cursor = root.walk();
  let done = false;
  while (!done) {
    yield cursor.currentNode;
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || cursor.currentNode.id === root.id) {
        done = true;
        break;
      }
    }
  }
}

/**
 * The identifiers under `root` whose text is one of `names`, in document order: those `descendants`
 * would yield, found from where the names occur in `root`'s text (a node is made only there, not
 * for every node of a large function).
 */
export function identifiersNamed(root: SyntaxNode, names: Iterable<string>): SyntaxNode[] {
  const text = root.text;
  const found: SyntaxNode[] = [];
  for (const name of names) {
    if (name === '') continue;
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
      const start = root.startIndex + at;
      const n = root.descendantForIndex(start, start + name.length);
      if (n && n.type === 'identifier' && n.startIndex === start && n.endIndex === start + name.length) found.push(n);
    }
  }
  return found.sort((a, b) => a.startIndex - b.startIndex);
}

/** Drops redundant parentheses around an expression. */
export function unparen(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

/** The nearest parent that is not a parenthesized expression. */
export function outerParent(review: ReviewContext, node: SyntaxNode): { parent: SyntaxNode | null; child: SyntaxNode } {
  let child = node;
  let parent = review.parentOf(node);
  while (parent && parent.type === 'parenthesized_expression') {
    child = parent;
    parent = review.parentOf(parent);
  }
  return { parent, child };
}

/** The called function's name for `name(...)`, else null. */
export function calleeName(call: SyntaxNode): string | null {
  if (call.type !== 'call_expression') return null;
  const fn = call.childForFieldName('function');
  return fn && fn.type === 'identifier' ? fn.text : null;
}

/** The argument expressions of a call, without punctuation. */
export function callArguments(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName('arguments');
  return args ? args.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment') : [];
}

/** The function definition enclosing a node, if any. */
export function enclosingFunction(review: ReviewContext, node: SyntaxNode): SyntaxNode | null {
  for (let n = review.parentOf(node); n; n = review.parentOf(n)) if (n.type === 'function_definition') return n;
  return null;
}

/** The declared name of a function definition. */
export function functionName(fn: SyntaxNode): string | null {
  let d = fn.childForFieldName('declarator');
  while (d && d.type !== 'function_declarator') d = d.childForFieldName('declarator');
  const id = d?.childForFieldName('declarator');
  return id && id.type === 'identifier' ? id.text : null;
}

/** The source text of an expression with whitespace runs collapsed, for comparing receivers. */
export function normalizedText(node: SyntaxNode): string {
  return unparen(node).text.replace(/\s+/g, ' ').replace(/\s*([()[\]&*.,+-]|->)\s*/g, '$1');
}
