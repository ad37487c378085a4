import { declaredNames, unwrapDeclarator, baseTypeName, type CType } from './c-type.js';
import { descendants } from './nodes.js';
import type { SyntaxNode } from './parser.js';

/** What a file declares at file level: struct fields, function return types, global variables. */
export interface FileScope {
  structFields: Map<string, Map<string, CType>>;
  functions: Map<string, CType>;
  globals: Map<string, CType>;
}

export function collectFileScope(root: SyntaxNode): FileScope {
  const scope: FileScope = { structFields: new Map(), functions: new Map(), globals: new Map() };
  for (const n of descendants(root)) {
    if ((n.type === 'struct_specifier' || n.type === 'union_specifier') && n.childForFieldName('body')) {
      const name = n.childForFieldName('name');
      if (!name) continue;
      const fields = new Map<string, CType>();
      for (const f of n.childForFieldName('body')!.namedChildren) {
        if (f?.type === 'field_declaration') for (const d of declaredNames(f)) fields.set(d.name, d.type);
      }
      scope.structFields.set(baseTypeName(n), fields);
    } else if (n.type === 'function_definition') {
      const spec = n.childForFieldName('type');
      const { name, ptr } = unwrapDeclarator(n.childForFieldName('declarator'));
      if (spec && name) scope.functions.set(name, { base: baseTypeName(spec), ptr });
    } else if (n.type === 'declaration' && isFileLevel(n)) {
      for (const d of declaredNames(n)) (d.isFunction ? scope.functions : scope.globals).set(d.name, d.type);
    }
  }
  return scope;
}

function isFileLevel(n: SyntaxNode): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'compound_statement') return false;
  }
  return true;
}
