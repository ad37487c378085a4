import { FOLIO, PAGE, SLAB } from './c-type.js';
import { calleeName, callArguments, outerParent, unparen } from './nodes.js';
import type { SyntaxNode } from './parser.js';
import { printedValue } from './printf-format.js';
import type { ReviewContext } from './review-context.js';
import type { SourceAnalysis } from './source-analysis.js';
import type { Resolved } from './type-resolver.js';

export type MemcgField = 'mem_cgroup' | 'obj_cgroups' | 'memcg_data';

export type ReceiverKind = 'page' | 'folio' | 'slab' | 'unknown';

/** How the accessed value is used. */
export type Usage =
  | 'write' // x->f = v (or a compound assignment)
  | 'write-once' // WRITE_ONCE(x->f, v)
  | 'address' // &x->f (cmpxchg(&page->obj_cgroups, ...))
  | 'read-once' // READ_ONCE(x->f)
  | 'truth' // a truth value: if (x->f), !x->f, x->f && ..., VM_BUG_ON_PAGE(x->f, ...), (unsigned long)x->f | ... in a test
  | 'printed' // a value printed by printk-style code
  | 'read';

export interface FieldAccess {
  /** The field_expression. */
  node: SyntaxNode;
  field: MemcgField;
  /** The receiver as a `struct page *` expression text, for a helper's argument. */
  pageArg: string;
  kind: ReceiverKind;
  type: Resolved;
  usage: Usage;
  /** The expression that the access's value replaces as a whole: READ_ONCE(...) for read-once, else node. */
  valueNode: SyntaxNode;
}

/** The receiver of x->f or x.f written as a pointer expression. */
function pageArgument(node: SyntaxNode): string {
  const arg = unparen(node.childForFieldName('argument')!);
  if (node.childForFieldName('operator')?.type === '->') return arg.text;
  if (arg.type === 'pointer_expression' && arg.child(0)?.type === '*') return unparen(arg.childForFieldName('argument')!).text;
  const simple = arg.type === 'identifier' || arg.type === 'subscript_expression' || arg.type === 'field_expression';
  return simple ? `&${arg.text}` : `&(${arg.text})`;
}

function kindOf(type: Resolved, arrow: boolean): ReceiverKind | null {
  if (!type.type) return 'unknown';
  const want = arrow ? 1 : 0;
  if (type.type.ptr !== want) return null;
  if (type.type.base === PAGE) return 'page';
  if (type.type.base === FOLIO) return 'folio';
  if (type.type.base === SLAB) return 'slab';
  return null;
}

const TRUTH_CALLS = /^(likely|unlikely|VM_BUG_ON|VM_BUG_ON_PAGE|VM_BUG_ON_FOLIO|BUG_ON|WARN_ON|WARN_ON_ONCE|VM_WARN_ON|VM_WARN_ON_ONCE|VM_WARN_ON_ONCE_PAGE)$/;

/** Whether a node sits where C reads it as a truth value. */
function inTruthPosition(review: ReviewContext, child: SyntaxNode, parent: SyntaxNode): boolean {
  switch (parent.type) {
    case 'if_statement':
    case 'while_statement':
    case 'do_statement':
      return true;
    case 'unary_expression':
      return parent.child(0)?.type === '!';
    case 'binary_expression': {
      const op = parent.childForFieldName('operator')?.type;
      return op === '&&' || op === '||';
    }
    case 'conditional_expression':
      return parent.childForFieldName('condition')?.id === child.id;
    case 'argument_list': {
      const call = review.parentOf(parent)!;
      return TRUTH_CALLS.test(calleeName(call) ?? '') && callArguments(call)[0]?.id === child.id;
    }
    default:
      return false;
  }
}

/**
 * `(unsigned long)page->mem_cgroup | ...` inside a test: the value only counts as zero or not.
 * Climbs integer casts and `|` operands up to a truth position.
 */
function inIntegerTest(review: ReviewContext, node: SyntaxNode): boolean {
  let child = node;
  let parent = review.parentOf(node);
  let crossed = false;
  while (parent) {
    if (parent.type === 'parenthesized_expression') {
      const grand = review.parentOf(parent);
      if (grand && (grand.type === 'if_statement' || grand.type === 'while_statement')) break;
    } else if (parent.type === 'cast_expression' && !/\*/.test(parent.childForFieldName('type')!.text)) {
      crossed = true;
    } else if (parent.type === 'binary_expression' && parent.childForFieldName('operator')?.type === '|') {
      crossed = true;
    } else break;
    child = parent;
    parent = review.parentOf(parent);
  }
  if (!crossed || !parent) return false;
  if (parent.type === 'parenthesized_expression') return true;
  return inTruthPosition(review, child, parent);
}

function usageOf(review: ReviewContext, node: SyntaxNode): { usage: Usage; valueNode: SyntaxNode } {
  const { parent, child } = outerParent(review, node);
  if (!parent) return { usage: 'read', valueNode: node };
  if (inTruthPosition(review, child, parent) || inIntegerTest(review, node)) return { usage: 'truth', valueNode: node };
  if (printedValue(review, child)) return { usage: 'printed', valueNode: node };
  switch (parent.type) {
    case 'assignment_expression':
      if (parent.childForFieldName('left')?.id === child.id) return { usage: 'write', valueNode: node };
      break;
    case 'update_expression':
      return { usage: 'write', valueNode: node };
    case 'pointer_expression':
      if (parent.child(0)?.type === '&') return { usage: 'address', valueNode: node };
      break;
    case 'argument_list': {
      const call = review.parentOf(parent)!;
      const name = calleeName(call) ?? '';
      const first = callArguments(call)[0]?.id === child.id;
      if (name === 'WRITE_ONCE' && first) return { usage: 'write-once', valueNode: node };
      if (name === 'READ_ONCE') return { usage: usageOf(review, call).usage === 'truth' ? 'truth' : 'read-once', valueNode: call };
      break;
    }
  }
  return { usage: 'read', valueNode: node };
}

/**
 * Every access to a memcg field on a struct page, folio or slab, or on a receiver whose type is
 * unknown. Receivers of any other known type (struct pcpu_chunk's own obj_cgroups) are left out.
 */
export function fieldAccesses(src: SourceAnalysis, review: ReviewContext): FieldAccess[] {
  const out: FieldAccess[] = [];
  for (const index of src.indexes) {
    for (const n of index.memcgFields) {
      review.checkDeadline();
      const field = n.childForFieldName('field')!.text;
      const arrow = n.childForFieldName('operator')?.type === '->';
      const type = src.resolver.typeOf(n.childForFieldName('argument')!, review);
      const kind = kindOf(type, arrow);
      if (!kind) continue;
      out.push({ node: n, field: field as MemcgField, pageArg: pageArgument(n), kind, type, ...usageOf(review, n) });
    }
  }
  return out;
}
