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
/**
 * Walks a tree once, gathering the nodes the rules need and recording every node's parent in
 * `parents`. A function whose text holds none of the `relevant` tokens is recorded for the file's
 * scope but not entered: most of a large file is never materialized node by node.
 */
export function indexNodes(root: SyntaxNode, relevant: RegExp, callNames: ReadonlySet<string>, parents: Map<number, SyntaxNode>, text: string): NodeIndex {
  const index: NodeIndex = { memcgFields: [], memcgCalls: [], comments: [], macroValues: [], structs: [], functions: [], fileDeclarations: [] };
  const language = root.tree.language;
  // Per node type id met, whether it is a named type (asked of the language once per id and walk).
  // An ERROR node's id (65535) is past the language's table: walked as a named node.
  const named = new Map<number, boolean>();
  const isNamed = (id: number): boolean => {
    let is = named.get(id);
    if (is === undefined) named.set(id, (is = id >= language.nodeTypeCount || language.nodeTypeIsNamed(id)));
    return is;
  };
  const cursor = root.walk();
  // Depth of function bodies and blocks: declarations outside them are file level. The walk is a
  // loop, not a recursion, so 100,000 nested parentheses do not exhaust the stack.
  const blocks: boolean[] = [];
  const ancestors: SyntaxNode[] = [];
  let blockDepth = 0;
  for (;;) {
    const typeId = cursor.nodeTypeId;
    // Anonymous nodes (punctuation, keywords) are leaves none of the rules keeps: no node object
    // is made for them (about half of all nodes), and their parent is asked of tree-sitter.
    if (!isNamed(typeId)) {
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return index;
        ancestors.pop();
        if (blocks.pop()) blockDepth--;
      }
      continue;
    }
    const n = cursor.currentNode;
    const type = n.type;
    const parent = ancestors[ancestors.length - 1];
    if (parent) parents.set(n.id, parent);
    let descend = true;
    switch (type) {
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
    if (descend && cursor.gotoFirstChild()) {
      const block = type === 'compound_statement' || type === 'function_definition';
      blocks.push(block);
      ancestors.push(n);
      if (block) blockDepth++;
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return index;
      ancestors.pop();
      if (blocks.pop()) blockDepth--;
    }
  }
}
