import { addressOf, declaredNames, deref, pointerTo, typeOfDescriptor, type CType } from './c-type.js';
import type { FileScope } from './file-scope.js';
import { CONTAINER_MACROS, TRACE_MACROS, guessTypeFromName, knownFieldType, knownReturnType } from './known-functions.js';
import { calleeName, callArguments, unparen } from './nodes.js';
import type { SyntaxNode } from './parser.js';
import type { ReviewContext } from './review-context.js';

/** A resolved type and how it was found; `guess` says which name the type was guessed from. */
export interface Resolved {
  type: CType | null;
  confidence: 'high' | 'low';
  guess?: string;
}

const UNKNOWN: Resolved = { type: null, confidence: 'low' };
const MAX_DEPTH = 64;

export interface ResolverContext {
  scope: FileScope;
  /** Parameters declared by text outside the tree: hunk headings, TP_PROTO(...). */
  paramsOf(text: string): Map<string, CType>;
  /** Hunk heading in force at an offset (the closest one above), or null. */
  headingAt(offset: number): string | null;
}

/** Infers the type of C expressions from declarations in scope, known kernel functions and names. */
export class TypeResolver {
  constructor(private readonly ctx: ResolverContext) {}

  /** `review`: the review in progress, for the parents and the per-node memo. */
  typeOf(expr: SyntaxNode, review: ReviewContext): Resolved {
    return this.resolve(expr, 0, review);
  }

  /** `depth` bounds the recursion: hostile input nests expressions 100,000 deep. */
  private resolve(node: SyntaxNode, depth: number, review: ReviewContext): Resolved {
    const expr = unparen(node);
    if (depth > MAX_DEPTH) return UNKNOWN;
    const typeOf = (e: SyntaxNode) => this.resolve(e, depth + 1, review);
    switch (expr.type) {
      case 'identifier':
        return this.identifierType(expr, review);
      case 'cast_expression': {
        const t = typeOfDescriptor(expr.childForFieldName('type')!);
        return t ? { type: t, confidence: 'high' } : UNKNOWN;
      }
      case 'call_expression':
        return this.callType(expr, typeOf);
      case 'subscript_expression':
        return this.map(typeOf(expr.childForFieldName('argument')!), (t) => deref(t));
      case 'pointer_expression': {
        const arg = typeOf(expr.childForFieldName('argument')!);
        return this.map(arg, (t) => (expr.child(0)?.type === '&' ? addressOf(t) : deref(t)));
      }
      case 'binary_expression': {
        const op = expr.childForFieldName('operator')?.type;
        if (op !== '+' && op !== '-') return UNKNOWN;
        const left = typeOf(expr.childForFieldName('left')!);
        if (left.type && left.type.ptr > 0) return left;
        const right = typeOf(expr.childForFieldName('right')!);
        return op === '+' && right.type && right.type.ptr > 0 ? right : UNKNOWN;
      }
      case 'conditional_expression':
        return typeOf(expr.childForFieldName('consequence') ?? expr.childForFieldName('alternative')!);
      case 'assignment_expression':
        return typeOf(expr.childForFieldName('left')!);
      case 'field_expression':
        return this.fieldType(expr, typeOf);
      default:
        return UNKNOWN;
    }
  }

  private map(r: Resolved, f: (t: CType | null) => CType | null): Resolved {
    const type = f(r.type);
    return type ? { ...r, type } : UNKNOWN;
  }

  private fieldType(expr: SyntaxNode, typeOf: (e: SyntaxNode) => Resolved): Resolved {
    const arg = typeOf(expr.childForFieldName('argument')!);
    const field = expr.childForFieldName('field')!.text;
    const arrow = expr.childForFieldName('operator')?.type === '->';
    const struct = arrow ? deref(arg.type) : arg.type;
    if (struct && struct.ptr === 0) {
      const declared = this.ctx.scope.structFields.get(struct.base)?.get(field) ?? knownFieldType(struct.base, field);
      if (declared) return { ...arg, type: declared };
    }
    const guessed = guessTypeFromName(field);
    return guessed ? { type: guessed, confidence: 'low', guess: `${arrow ? '->' : '.'}${field}` } : UNKNOWN;
  }

  private callType(call: SyntaxNode, typeOf: (e: SyntaxNode) => Resolved): Resolved {
    const name = calleeName(call);
    if (!name) return UNKNOWN;
    if (CONTAINER_MACROS.has(name)) {
      const m = /^struct\s+(\w+)$/.exec(callArguments(call)[1]?.text.trim() ?? '');
      return m ? { type: pointerTo(`struct ${m[1]}`), confidence: 'high' } : UNKNOWN;
    }
    if (name === 'READ_ONCE' || name === 'rcu_dereference' || name === 'rcu_dereference_protected') {
      const first = callArguments(call)[0];
      return first ? typeOf(first) : UNKNOWN;
    }
    const t = this.ctx.scope.functions.get(name) ?? knownReturnType(name);
    return t ? { type: t, confidence: 'high' } : UNKNOWN;
  }

  private identifierType(id: SyntaxNode, review: ReviewContext): Resolved {
    const name = id.text;
    const local = this.lookupLocal(id, name, review);
    if (local) return { type: local, confidence: 'high' };
    const global = this.ctx.scope.globals.get(name);
    if (global) return { type: global, confidence: 'high' };
    const heading = this.ctx.headingAt(id.startIndex);
    const fromHeading = heading ? this.ctx.paramsOf(heading).get(name) : undefined;
    if (fromHeading) return { type: fromHeading, confidence: 'high' };
    const guessed = guessTypeFromName(name);
    return guessed ? { type: guessed, confidence: 'low', guess: name } : UNKNOWN;
  }

  /** Declarations visible at `at`: enclosing blocks, for-loop heads, parameters, trace prototypes. */
  private lookupLocal(at: SyntaxNode, name: string, review: ReviewContext): CType | null {
    for (let n = review.parentOf(at); n; n = review.parentOf(n)) {
      let found: CType | null = null;
      if (n.type === 'compound_statement') { // file-level names are the scope's globals
        const declared = review.perNode('declarations', n, blockDeclarations).get(name);
        found = declared?.filter((d) => d.start <= at.startIndex).pop()?.type ?? null;
      } else if (n.type === 'for_statement') {
        found = findDeclared([n.childForFieldName('initializer')], name, at.startIndex);
      } else if (n.type === 'function_definition') {
        found = this.parameterType(n, name);
      } else if (n.type === 'call_expression' && TRACE_MACROS.has(calleeName(n) ?? '')) {
        const proto = callArguments(n).find((a) => calleeName(a) === 'TP_PROTO');
        const inner = proto?.childForFieldName('arguments');
        if (inner) found = this.ctx.paramsOf(`(${inner.text.slice(1, -1)})`).get(name) ?? null;
      }
      if (found) return found;
    }
    return null;
  }

  private parameterType(fn: SyntaxNode, name: string): CType | null {
    let d = fn.childForFieldName('declarator');
    while (d && d.type !== 'function_declarator') d = d.childForFieldName('declarator');
    const params = d?.childForFieldName('parameters');
    return params ? findDeclared(params.namedChildren, name, Infinity) : null;
  }
}

/** The names a block declares (also inside #ifdef branches), with where and as what. Once per block. */
function blockDeclarations(block: SyntaxNode): Map<string, { start: number; type: CType }[]> {
  const out = new Map<string, { start: number; type: CType }[]>();
  const visit = (nodes: (SyntaxNode | null)[]) => {
    for (const n of nodes) {
      if (!n) continue;
      if (/^preproc_(if|ifdef|else|elif|elifdef)$/.test(n.type)) visit(n.namedChildren);
      else if (n.type === 'declaration') {
        for (const d of declaredNames(n)) if (!d.isFunction) out.set(d.name, [...(out.get(d.name) ?? []), { start: n.startIndex, type: d.type }]);
      }
    }
  };
  visit(block.namedChildren);
  return out;
}

function findDeclared(nodes: (SyntaxNode | null)[], name: string, before: number): CType | null {
  for (const n of nodes) {
    if (!n || n.startIndex > before) continue;
    if (/^preproc_(if|ifdef|else|elif|elifdef)$/.test(n.type)) {
      const inner = findDeclared(n.namedChildren, name, before);
      if (inner) return inner;
    } else if (n.type === 'declaration' || n.type === 'parameter_declaration') {
      for (const d of declaredNames(n)) if (d.name === name && !d.isFunction) return d.type;
    }
  }
  return null;
}
