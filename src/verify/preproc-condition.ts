import type { SyntaxNode } from '../c/parser.js';

/** The configuration a verified helper is taken from: memcg and its kmem accounting built in. */
export const VERIFY_CONFIG: ReadonlySet<string> = new Set(['CONFIG_MEMCG', 'CONFIG_MEMCG_KMEM']);

/** Three-valued: a condition the configuration decides (true/false), or one it says nothing about (null). */
export type Truth = boolean | null;

const CONDITIONALS = new Set(['preproc_if', 'preproc_ifdef', 'preproc_elif', 'preproc_elifdef']);

/**
 * The #if / #ifdef / #elif conditions a node sits under, each true, false or unknown under
 * VERIFY_CONFIG: a branch's own condition holds, and every earlier branch of its chain does not.
 */
export function enclosingConditions(node: SyntaxNode): Truth[] {
  const out: Truth[] = [];
  let child = node;
  for (let a = node.parent; a; child = a, a = a.parent) {
    if (!CONDITIONALS.has(a.type)) continue;
    const cond = conditionOf(a);
    const alternative = a.childForFieldName('alternative');
    out.push(alternative && alternative.id === child.id ? not(cond) : cond);
  }
  return out;
}

function conditionOf(branch: SyntaxNode): Truth {
  if (branch.type === 'preproc_ifdef' || branch.type === 'preproc_elifdef') {
    const negated = /^#(el)?ifndef$/.test(branch.child(0)?.type ?? '');
    const defined = macroDefined(branch.childForFieldName('name')?.text ?? '');
    return negated ? not(defined) : defined;
  }
  const cond = branch.childForFieldName('condition');
  return cond ? evaluate(cond) : null;
}

/** A CONFIG_ symbol is on when VERIFY_CONFIG has it; other symbols (header guards, ...) are unknown. */
function macroDefined(name: string): Truth {
  if (VERIFY_CONFIG.has(name)) return true;
  return null;
}

function evaluate(e: SyntaxNode): Truth {
  switch (e.type) {
    case 'parenthesized_expression':
      return e.namedChild(0) ? evaluate(e.namedChild(0)!) : null;
    case 'preproc_defined':
      return macroDefined(e.namedChild(0)?.text ?? '');
    case 'identifier':
      return macroDefined(e.text);
    case 'number_literal':
      return Number.parseInt(e.text, 10) !== 0;
    case 'call_expression': {
      const fn = e.childForFieldName('function')?.text;
      const arg = e.childForFieldName('arguments')?.namedChild(0)?.text ?? '';
      return fn === 'IS_ENABLED' || fn === 'IS_BUILTIN' ? macroDefined(arg) : null;
    }
    case 'unary_expression':
      return e.child(0)?.type === '!' ? not(evaluate(e.childForFieldName('argument')!)) : null;
    case 'binary_expression': {
      const op = e.childForFieldName('operator')?.type;
      const l = evaluate(e.childForFieldName('left')!);
      const r = evaluate(e.childForFieldName('right')!);
      if (op === '&&') return l === false || r === false ? false : l === true && r === true ? true : null;
      if (op === '||') return l === true || r === true ? true : l === false && r === false ? false : null;
      return null;
    }
    default:
      return null;
  }
}

function not(t: Truth): Truth {
  return t === null ? null : !t;
}
