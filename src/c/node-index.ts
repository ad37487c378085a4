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
export function indexNodes(root: SyntaxNode, relevant: RegExp, callNames: ReadonlySet<string>): NodeIndex {
  const index: NodeIndex = { memcgFields: [], memcgCalls: [], comments: [], macroValues: [], structs: [], functions: [], fileDeclarations: [] };
  const cursor = root.walk();
  // depth of function bodies and blocks: declarations outside them are file level
  let blockDepth = 0;
  const visit = (): void => {
    const type = cursor.nodeType;
    const n = cursor.currentNode;
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
        return;
      case 'string_literal':
      case 'char_literal':
      case 'number_literal':
        return;
      case 'preproc_def':
      case 'preproc_function_def': {
        const value = n.childForFieldName('value');
        if (value && relevant.test(value.text)) index.macroValues.push(value);
        return;
      }
      case 'struct_specifier':
      case 'union_specifier':
        if (n.childForFieldName('body')) index.structs.push(n);
        break;
      case 'function_definition':
        index.functions.push(n);
        break;
      case 'declaration':
        if (blockDepth === 0) index.fileDeclarations.push(n);
        break;
    }
    const block = type === 'compound_statement' || type === 'function_definition';
    if (cursor.gotoFirstChild()) {
      if (block) blockDepth++;
      do visit();
      while (cursor.gotoNextSibling());
      if (block) blockDepth--;
      cursor.gotoParent();
    }
  };
  visit();
  return index;
}
