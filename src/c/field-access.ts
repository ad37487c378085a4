import { FOLIO, PAGE, SLAB } from './c-type.js';
import { calleeName, callArguments, descendants, outerParent, unparen } from './nodes.js';
import type { SyntaxNode } from './parser.js';
import type { SourceAnalysis } from './source-analysis.js';
import type { Resolved } from './type-resolver.js';

export type MemcgField = 'mem_cgroup' | 'obj_cgroups' | 'memcg_data';
const FIELDS = new Set<string>(['mem_cgroup', 'obj_cgroups', 'memcg_data']);

export type ReceiverKind = 'page' | 'folio' | 'slab' | 'unknown';

/** How the accessed value is used. */
export type Usage =
  | 'write' // x->f = v (or a compound assignment)
  | 'write-once' // WRITE_ONCE(x->f, v)
  | 'address' // &x->f (cmpxchg(&page->obj_cgroups, ...))
  | 'read-once' // READ_ONCE(x->f)
  | 'truth' // a truth value: if (x->f), !x->f, x->f && ..., VM_BUG_ON_PAGE(x->f, ...)
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

function usageOf(node: SyntaxNode): { usage: Usage; valueNode: SyntaxNode } {
  const { parent, child } = outerParent(node);
  if (!parent) return { usage: 'read', valueNode: node };
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
      const call = parent.parent!;
      const name = calleeName(call) ?? '';
      const first = callArguments(call)[0]?.id === child.id;
      if (name === 'WRITE_ONCE' && first) return { usage: 'write-once', valueNode: node };
      if (name === 'READ_ONCE') return { usage: usageOf(call).usage === 'truth' ? 'truth' : 'read-once', valueNode: call };
      if (TRUTH_CALLS.test(name) && first) return { usage: 'truth', valueNode: node };
      break;
    }
    case 'unary_expression':
      if (parent.child(0)?.type === '!') return { usage: 'truth', valueNode: node };
      break;
    case 'binary_expression': {
      const op = parent.childForFieldName('operator')?.type;
      if (op === '&&' || op === '||') return { usage: 'truth', valueNode: node };
      break;
    }
    case 'if_statement':
    case 'while_statement':
    case 'do_statement':
      return { usage: 'truth', valueNode: node };
    case 'conditional_expression':
      if (parent.childForFieldName('condition')?.id === child.id) return { usage: 'truth', valueNode: node };
      break;
  }
  if (child.type === 'parenthesized_expression' && parent.type === 'if_statement') return { usage: 'truth', valueNode: node };
  return { usage: 'read', valueNode: node };
}

/**
 * Every access to a memcg field on a struct page, folio or slab, or on a receiver whose type is
 * unknown. Receivers of any other known type (struct pcpu_chunk's own obj_cgroups) are left out.
 */
export function fieldAccesses(src: SourceAnalysis): FieldAccess[] {
  const out: FieldAccess[] = [];
  for (const root of src.roots) {
    for (const n of descendants(root)) {
      if (n.type !== 'field_expression') continue;
      const field = n.childForFieldName('field')?.text;
      if (!field || !FIELDS.has(field)) continue;
      const arrow = n.childForFieldName('operator')?.type === '->';
      const type = src.resolver.typeOf(n.childForFieldName('argument')!);
      const kind = kindOf(type, arrow);
      if (!kind) continue;
      out.push({ node: n, field: field as MemcgField, pageArg: pageArgument(n), kind, type, ...usageOf(n) });
    }
  }
  return out;
}
