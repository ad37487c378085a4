import type { SyntaxNode } from './parser.js';

/** The nodes the reviewer looks at, gathered in one walk of a tree. */
export interface NodeIndex {
  /** `x->f` / `x.f` where f is one of the memcg fields. */
  memcgFields: SyntaxNode[];
  /** Calls to the memcg API by name: readers of every generation and the PageKmemcg family. */
  memcgCalls: SyntaxNode[];
  comments: SyntaxNode[];
  /** `#define` values that mention a relevant token. */
  macroValues: SyntaxNode[];
  /** File-level pieces for the type resolver. */
  structs: SyntaxNode[];
  functions: SyntaxNode[];
  fileDeclarations: SyntaxNode[];
}

const MEMCG_FIELDS = new Set(['mem_cgroup', 'obj_cgroups', 'memcg_data']);
/** Named node types that never have named children: their children are not asked for. */
const LEAVES = new Set(['identifier', 'field_identifier', 'type_identifier', 'primitive_type', 'statement_identifier', 'true', 'false', 'null']);
/** File-level pieces that hold no declaration but themselves unless they hold an error or a brace. */
const QUIET_TYPES = new Set(['declaration', 'expression_statement', 'field_declaration', 'type_definition', 'ERROR']);
/** A pattern of the call names and the memcg fields: a text without a match holds neither. */
function namesPattern(callNames: ReadonlySet<string>): RegExp {
  return new RegExp([...MEMCG_FIELDS, ...callNames].map((n) => n.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')).join('|'));
}

/**
 * Walks a tree once, gathering the nodes the rules need and recording every node's parent in
 * `parents`. A function whose text holds none of the `relevant` tokens is recorded for the file's
 * scope but not entered: most of a large file is never materialized node by node. Nor is any
 * other file-level piece (a prototype, a macro call like `DEFINE_PER_CPU(...)` or a trace event)
 * whose text holds no brace, no relevant token, no memcg field and no call name: all it can give
 * is declarations and comments (no struct body, no block, no field or call the rules look at),
 * which tree-sitter lists without the walk (descendantsOfType), so the index is the same. Its
 * nodes have no entry in `parents`, whose readers fall back to tree-sitter's own parent.
 */
export function indexNodes(root: SyntaxNode, relevant: RegExp, callNames: ReadonlySet<string>, parents: Map<number, SyntaxNode>, text: string): NodeIndex {
  const index: NodeIndex = { memcgFields: [], memcgCalls: [], comments: [], macroValues: [], structs: [], functions: [], fileDeclarations: [] };
  const names = namesPattern(callNames);
  // The walk is a loop over a stack, not a recursion, so 100,000 nested parentheses do not exhaust
  // the stack. Each node's named children come from tree-sitter in one call: no node object is
  // made for the anonymous ones (punctuation, keywords: about half of all nodes), whose parent is
  // asked of tree-sitter. `depths`: each pending node's depth of function bodies and blocks
  // (declarations outside them are file level).
  const pending: SyntaxNode[] = [root];
  const depths: number[] = [0];
  while (pending.length > 0) {
    const n = pending.pop()!;
    const blockDepth = depths.pop()!;
    const type = n.type;
    let descend = true;
    if (blockDepth === 0 && quietPiece(n, type, text, relevant, names, index)) descend = false;
    else switch (type) {
      case 'field_expression': {
        const field = n.childForFieldName('field')?.text;
        if (field && MEMCG_FIELDS.has(field)) index.memcgFields.push(n);
        break;
      }
      case 'call_expression': {
        const fn = n.childForFieldName('function');
        if (fn?.type === 'identifier' && callNames.has(fn.text)) index.memcgCalls.push(n);
        break;
      }
      case 'comment':
        index.comments.push(n);
        descend = false;
        break;
      case 'string_literal':
      case 'char_literal':
      case 'number_literal':
        descend = false;
        break;
      case 'preproc_def':
      case 'preproc_function_def': {
        const value = n.childForFieldName('value');
        if (value && relevant.test(value.text)) index.macroValues.push(value);
        descend = false;
        break;
      }
      case 'struct_specifier':
      case 'union_specifier':
        if (n.childForFieldName('body')) index.structs.push(n);
        break;
      case 'function_definition':
        index.functions.push(n);
        if (!relevant.test(text.slice(n.startIndex, n.endIndex))) descend = false;
        break;
      case 'declaration':
        if (blockDepth === 0) index.fileDeclarations.push(n);
        break;
    }
    if (!descend || LEAVES.has(type)) continue;
    const depth = type === 'compound_statement' || type === 'function_definition' ? blockDepth + 1 : blockDepth;
    const children = n.namedChildren;
    for (let k = children.length - 1; k >= 0; k--) {
      const child = children[k];
      if (!child) continue;
      parents.set(child.id, n);
      pending.push(child);
      depths.push(depth);
    }
  }
  return index;
}

/**
 * A file-level piece with nothing the rules look at but its declarations and comments (see
 * indexNodes), which go to `index` here; false, with nothing done, for any other node.
 */
function quietPiece(n: SyntaxNode, type: string, text: string, relevant: RegExp, names: RegExp, index: NodeIndex): boolean {
  if (!QUIET_TYPES.has(type)) return false;
  const piece = text.slice(n.startIndex, n.endIndex);
  if (piece.includes('{') || relevant.test(piece) || names.test(piece)) return false;
  // Without a comment or an error, such a piece holds no declaration but itself.
  if (!n.hasError && !piece.includes('/')) {
    if (type === 'declaration') index.fileDeclarations.push(n);
    return true;
  }
  for (const d of n.descendantsOfType(['declaration', 'comment'])) {
    if (!d) continue;
    if (d.type === 'comment') index.comments.push(d);
    else index.fileDeclarations.push(d);
  }
  return true;
}
