import { declaredNames, unwrapDeclarator, baseTypeName, type CType } from './c-type.js';
import type { NodeIndex } from './node-index.js';

/** What a file declares at file level: struct fields, function return types, global variables. */
export interface FileScope {
  structFields: Map<string, Map<string, CType>>;
  functions: Map<string, CType>;
  globals: Map<string, CType>;
}

export function collectFileScope(index: NodeIndex): FileScope {
  const scope: FileScope = { structFields: new Map(), functions: new Map(), globals: new Map() };
  for (const n of index.structs) {
    if (!n.childForFieldName('name')) continue;
    const fields = new Map<string, CType>();
    for (const f of n.childForFieldName('body')!.namedChildren) {
      if (f?.type === 'field_declaration') for (const d of declaredNames(f)) fields.set(d.name, d.type);
    }
    scope.structFields.set(baseTypeName(n), fields);
  }
  for (const n of index.functions) {
    const spec = n.childForFieldName('type');
    const { name, ptr } = unwrapDeclarator(n.childForFieldName('declarator'));
    if (spec && name) scope.functions.set(name, { base: baseTypeName(spec), ptr });
  }
  for (const n of index.fileDeclarations) {
    for (const d of declaredNames(n)) (d.isFunction ? scope.functions : scope.globals).set(d.name, d.type);
  }
  return scope;
}
