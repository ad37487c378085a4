import type { SyntaxNode } from './parser.js';

/** A C type as far as the reviewer needs it: the base (`struct page`, `int`) and the pointer depth. */
export interface CType {
  base: string;
  ptr: number;
}

export const PAGE = 'struct page';
export const FOLIO = 'struct folio';
export const SLAB = 'struct slab';

export function pointerTo(base: string, ptr = 1): CType {
  return { base, ptr };
}

export function deref(t: CType | null, by = 1): CType | null {
  return t && t.ptr >= by ? { base: t.base, ptr: t.ptr - by } : null;
}

export function addressOf(t: CType | null): CType | null {
  return t && { base: t.base, ptr: t.ptr + 1 };
}

/** The base type named by a type specifier node (`struct page`, `unsigned long`, a typedef name). */
export function baseTypeName(spec: SyntaxNode): string {
  if (spec.type === 'struct_specifier' || spec.type === 'union_specifier' || spec.type === 'enum_specifier') {
    const kw = spec.type.replace('_specifier', '');
    const name = spec.childForFieldName('name');
    return name ? `${kw} ${name.text}` : `${kw} <anonymous>`;
  }
  return spec.text.replace(/\s+/g, ' ');
}

/** Walks a declarator chain: the declared name and how many pointer/array levels it adds. */
export function unwrapDeclarator(decl: SyntaxNode | null): { name: string | null; ptr: number; isFunction: boolean } {
  let ptr = 0;
  let isFunction = false;
  let d = decl;
  while (d) {
    switch (d.type) {
      case 'pointer_declarator':
      case 'abstract_pointer_declarator':
      case 'array_declarator':
      case 'abstract_array_declarator':
        ptr++;
        d = d.childForFieldName('declarator');
        break;
      case 'function_declarator':
      case 'abstract_function_declarator':
        isFunction = true;
        d = d.childForFieldName('declarator');
        break;
      case 'init_declarator':
      case 'parenthesized_declarator':
      case 'attributed_declarator':
        d = d.childForFieldName('declarator') ?? d.namedChild(0);
        break;
      case 'identifier':
      case 'field_identifier':
      case 'type_identifier':
        return { name: d.text, ptr, isFunction };
      default:
        return { name: null, ptr, isFunction };
    }
  }
  return { name: null, ptr, isFunction };
}

/** The type a type_descriptor (inside a cast or sizeof) names. */
export function typeOfDescriptor(desc: SyntaxNode): CType | null {
  const spec = desc.childForFieldName('type');
  if (!spec) return null;
  return { base: baseTypeName(spec), ptr: unwrapDeclarator(desc.childForFieldName('declarator')).ptr };
}

/**
 * Each name a declaration-like node (declaration, parameter_declaration, field_declaration)
 * declares, with its type.
 */
export function declaredNames(node: SyntaxNode): { name: string; type: CType; isFunction: boolean }[] {
  const spec = node.childForFieldName('type');
  if (!spec) return [];
  const base = baseTypeName(spec);
  const out: { name: string; type: CType; isFunction: boolean }[] = [];
  for (const d of node.childrenForFieldName('declarator')) {
    if (!d) continue;
    const { name, ptr, isFunction } = unwrapDeclarator(d);
    if (name) out.push({ name, type: { base, ptr }, isFunction });
  }
  return out;
}
