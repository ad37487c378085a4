import type { CParser, SyntaxNode } from '../c/parser.js';
import { descendants, functionName } from '../c/nodes.js';
import { enclosingConditions, type Truth } from './preproc-condition.js';

/** A definition taken from the header, with the names it uses that it does not declare itself. */
export interface Definition {
  kind: 'function' | 'macro' | 'enum';
  /** The function or macro name; for an enum, its tag (or '' when it has none). */
  name: string;
  /** What the harness writes out: the definition's source text. */
  text: string;
  uses: string[];
  /** Offset in the header: definitions are written out in the header's order. */
  start: number;
}

export interface CParam {
  /** The type as written, without the pointer stars: `struct folio`. */
  type: string;
  pointers: number;
}

export interface CFunction extends Definition {
  kind: 'function';
  /** The definition up to its body, as a prototype: `static inline bool f(struct folio *folio);`. */
  prototype: string;
  returns: 'pointer' | 'bool' | 'scalar' | 'void';
  /** The return type as written, without the pointer stars: `struct mem_cgroup`. */
  returnType: string;
  params: CParam[];
  /** The body opens the word itself: `->memcg_data` or `.memcg_data`. */
  opensWord: boolean;
}

export interface CEnum extends Definition {
  kind: 'enum';
  enumerators: string[];
}

/** What a header defines under VERIFY_CONFIG: one variant per name, the one its #if branches select. */
export interface HeaderDefinitions {
  functions: Map<string, CFunction>;
  macros: Map<string, Definition>;
  enums: CEnum[];
  /** Names defined only in branches the configuration turns off (the stubs of `#else`). */
  offOnly: Set<string>;
}

interface Candidate<T> {
  def: T;
  conditions: Truth[];
}

/**
 * Reads the function definitions, macros and enums of a header with tree-sitter, from every #if
 * branch. Where a name is defined more than once, the variant whose branch conditions hold under
 * CONFIG_MEMCG and CONFIG_MEMCG_KMEM wins over one no condition decides, and both over the stubs
 * of the #else branches (which are never taken).
 */
export function headerDefinitions(text: string, parser: CParser): HeaderDefinitions {
  const tree = parser.parse(text);
  try {
    const functions = new Map<string, Candidate<CFunction>[]>();
    const macros = new Map<string, Candidate<Definition>[]>();
    const enums: Candidate<CEnum>[] = [];
    for (const node of descendants(tree.rootNode)) {
      if (node.type === 'function_definition') add(functions, readFunction(node));
      else if (node.type === 'preproc_def' || node.type === 'preproc_function_def') add(macros, readMacro(node));
      else if (node.type === 'enum_specifier' && node.childForFieldName('body')) enums.push(candidate(readEnum(node), node));
    }
    const offOnly = new Set<string>();
    const choose = <T extends Definition>(all: Map<string, Candidate<T>[]>) => {
      const out = new Map<string, T>();
      for (const [name, list] of all) {
        const best = pick(list);
        if (best) out.set(name, best);
        else offOnly.add(name);
      }
      return out;
    };
    return { functions: choose(functions), macros: choose(macros), enums: enums.filter((e) => !e.conditions.includes(false)).map((e) => e.def), offOnly };
  } finally {
    tree.delete();
  }
}

function add<T extends Definition>(map: Map<string, Candidate<T>[]>, found: { def: T; node: SyntaxNode } | null): void {
  if (!found) return;
  const list = map.get(found.def.name) ?? [];
  list.push(candidate(found.def, found.node));
  map.set(found.def.name, list);
}

function candidate<T>(def: T, node: SyntaxNode): Candidate<T> {
  return { def, conditions: enclosingConditions(node) };
}

/** No condition false; then the most conditions known true; then the first in the header. */
function pick<T extends Definition>(list: Candidate<T>[]): T | null {
  const live = list.filter((c) => !c.conditions.includes(false));
  const score = (c: Candidate<T>) => c.conditions.filter((t) => t === true).length;
  live.sort((a, b) => score(b) - score(a) || a.def.start - b.def.start);
  return live[0]?.def ?? null;
}

function readFunction(node: SyntaxNode): { def: CFunction; node: SyntaxNode } | null {
  const name = functionName(node);
  const body = node.childForFieldName('body');
  let declarator = node.childForFieldName('declarator');
  let pointer = false;
  while (declarator && declarator.type !== 'function_declarator') {
    if (declarator.type === 'pointer_declarator') pointer = true;
    declarator = declarator.childForFieldName('declarator');
  }
  if (!name || !body || !declarator) return null;
  const params = (declarator.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is SyntaxNode => !!p && p.type === 'parameter_declaration');
  const type = node.childForFieldName('type')?.text ?? '';
  const returns = pointer ? 'pointer' : type === 'void' ? 'void' : type === 'bool' ? 'bool' : 'scalar';
  const declared = new Set([...params.flatMap(declaredNames), ...[...descendants(body)].filter((n) => n.type === 'declaration').flatMap(declaredNames)]);
  const uses = unique([...descendants(body)].filter((n) => n.type === 'identifier' && !declared.has(n.text)).map((n) => n.text));
  const prototype = `${node.text.slice(0, body.startIndex - node.startIndex).trimEnd()};`;
  const cParams = params.map((p) => ({ type: p.childForFieldName('type')?.text ?? '', pointers: pointerDepth(p) }));
  const opensWord = /(->|\.)\s*memcg_data\b/.test(body.text);
  return { def: { kind: 'function', name, text: node.text, uses, start: node.startIndex, prototype, returns, returnType: type, params: cParams, opensWord }, node };
}

function readMacro(node: SyntaxNode): { def: Definition; node: SyntaxNode } | null {
  const name = node.childForFieldName('name')?.text;
  if (!name) return null;
  const params = new Set((node.childForFieldName('parameters')?.namedChildren ?? []).map((p) => p?.text ?? ''));
  const value = node.childForFieldName('value')?.text ?? '';
  const uses = unique((value.match(/\b[A-Za-z_]\w*/g) ?? []).filter((u) => !params.has(u) && u !== name));
  return { def: { kind: 'macro', name, text: node.text.trimEnd(), uses, start: node.startIndex }, node };
}

function readEnum(node: SyntaxNode): CEnum {
  const enumerators = (node.childForFieldName('body')?.namedChildren ?? []).filter((e) => e?.type === 'enumerator').map((e) => e!.childForFieldName('name')!.text);
  const values = (node.childForFieldName('body')?.namedChildren ?? []).flatMap((e) => (e?.type === 'enumerator' && e.childForFieldName('value') ? [e.childForFieldName('value')!] : []));
  const uses = unique(values.flatMap((v) => [...descendants(v)].filter((n) => n.type === 'identifier').map((n) => n.text)).filter((u) => !enumerators.includes(u)));
  return { kind: 'enum', name: node.childForFieldName('name')?.text ?? '', text: `${node.text};`, uses, start: node.startIndex, enumerators };
}

/** The names a declaration (or parameter) declares. */
function declaredNames(decl: SyntaxNode): string[] {
  const out: string[] = [];
  for (const d of decl.childrenForFieldName('declarator')) {
    let n: SyntaxNode | null = d;
    while (n && n.type !== 'identifier') n = n.childForFieldName('declarator');
    if (n) out.push(n.text);
  }
  return out;
}

function pointerDepth(param: SyntaxNode): number {
  let depth = 0;
  for (let d = param.childForFieldName('declarator'); d; d = d.childForFieldName('declarator')) if (d.type === 'pointer_declarator' || d.type === 'abstract_pointer_declarator') depth++;
  return depth;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

/** The enum that defines an enumerator, if any. */
export function enumDefining(defs: HeaderDefinitions, enumerator: string): CEnum | undefined {
  return defs.enums.find((e) => e.enumerators.includes(enumerator));
}

/** Whether the header defines a name (a function, a macro, or an enumerator) in the chosen configuration. */
export function defines(defs: HeaderDefinitions, name: string): boolean {
  return defs.functions.has(name) || defs.macros.has(name) || !!enumDefining(defs, name);
}
