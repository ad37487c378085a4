import type { FieldAccess } from '../c/field-access.js';
import { calleeName, callArguments, descendants, enclosingFunction, normalizedText, outerParent, unparen } from '../c/nodes.js';
import type { SyntaxNode } from '../c/parser.js';
import type { ReviewContext } from '../c/review-context.js';
import { contextFacts } from '../model/context-facts.js';
import { validateWrite } from '../model/validate.js';
import { fixOf } from '../model/choose-fix.js';
import type { Generation } from '../model/generation.js';
import type { Fix, TextEdit } from '../types.js';
import { castToWord, deleteStatement, insertAt, isNullConstant, replaceNode } from './edits.js';

/** The statement that holds an expression, when the expression is the whole statement. */
function statementOf(review: ReviewContext, expr: SyntaxNode): SyntaxNode | null {
  const { parent } = outerParent(review, expr);
  return parent?.type === 'expression_statement' ? parent : null;
}

/** A page expression in one spelling: `&head[i]`, `(head + i)` and `head + i` are the same page. */
export function canonicalPage(text: string): string {
  let t = text.replace(/\s+/g, '');
  while (/^\(.*\)$/.test(t)) t = t.slice(1, -1);
  const m = /^&(\w+)\[(.+)\]$/.exec(t);
  return m ? `${m[1]}+${m[2]}` : t;
}

function setKmemcgOn(stmt: SyntaxNode | null, page: string): boolean {
  const call = stmt?.type === 'expression_statement' ? stmt.namedChild(0) : null;
  const arg = call && calleeName(call) === '__SetPageKmemcg' ? callArguments(call)[0] : null;
  return !!arg && canonicalPage(arg.text) === page;
}

/** A statement's next sibling, comments skipped. */
function nextStatement(stmt: SyntaxNode | null): SyntaxNode | null {
  let next = stmt?.nextNamedSibling ?? null;
  while (next?.type === 'comment') next = next.nextNamedSibling;
  return next;
}

/**
 * The `__SetPageKmemcg(page);` that folds into a store to `page`: the statement right after it,
 * or `if (cond) __SetPageKmemcg(page);` right after it, which folds as `| (cond ? MEMCG_DATA_KMEM : 0)`.
 */
export interface KmemFold {
  /** The statement that goes. */
  statement: SyntaxNode;
  /** The condition text of the `if`, when the flag is set conditionally. */
  condition: string | null;
}

export function kmemFoldAfter(review: ReviewContext, write: SyntaxNode, page: string): KmemFold | null {
  const next = nextStatement(statementOf(review, write));
  if (setKmemcgOn(next, page)) return { statement: next!, condition: null };
  if (next?.type === 'if_statement' && !next.childForFieldName('alternative')) {
    let body = next.childForFieldName('consequence');
    if (body?.type === 'compound_statement') body = body.namedChildCount === 1 ? body.namedChild(0) : null;
    if (setKmemcgOn(body, page)) return { statement: next, condition: unparen(next.childForFieldName('condition')!).text };
  }
  return null;
}

/** The store to page->mem_cgroup that a `__SetPageKmemcg(page)` folds into, if any. */
export function storeBeforeSetKmemcg(review: ReviewContext, setCall: SyntaxNode): SyntaxNode | null {
  let stmt = statementOf(review, setCall);
  const up = stmt ? review.parentOf(stmt) : null;
  if (up?.type === 'compound_statement' && up.namedChildCount === 1 && review.parentOf(up)?.type === 'if_statement') stmt = review.parentOf(up);
  else if (up?.type === 'if_statement') stmt = up;
  let prev = stmt?.previousNamedSibling ?? null;
  while (prev?.type === 'comment') prev = prev.previousNamedSibling;
  const assign = prev?.type === 'expression_statement' ? prev.namedChild(0) : null;
  if (assign?.type !== 'assignment_expression') return null;
  const left = assign.childForFieldName('left')!;
  return left.type === 'field_expression' && left.childForFieldName('field')?.text === 'mem_cgroup' ? left : null;
}

/** Whether the function also calls `__ClearPageKmemcg(receiver)`: the legacy flag is dropped with the pointer. */
function clearsKmemcg(review: ReviewContext, at: SyntaxNode, receiver: string): boolean {
  const fn = enclosingFunction(review, at);
  if (!fn) return false;
  for (const n of descendants(fn)) {
    if (n.type === 'call_expression' && calleeName(n) === '__ClearPageKmemcg') {
      const arg = callArguments(n)[0];
      if (arg && normalizedText(arg) === receiver) return true;
    }
  }
  return false;
}

/**
 * The v5.11 form of a store to page->mem_cgroup or page->obj_cgroups: the word gets the pointer
 * (cast to unsigned long), NULL becomes 0, a following __SetPageKmemcg() folds into
 * `| MEMCG_DATA_KMEM`, and a value tagged by hand (`| 0x1UL`) into `| MEMCG_DATA_OBJCGS`.
 */
export function writeFix(review: ReviewContext, gen: Generation, a: FieldAccess, file: string, text: string): Fix | undefined {
  const store = gen.store;
  const assign = a.usage === 'write' ? outerParent(review, a.node).parent : a.usage === 'write-once' ? review.parentOf(review.parentOf(a.node)!) : null;
  if (!store || !assign) return undefined;
  let value: SyntaxNode | null;
  if (assign.type === 'assignment_expression') {
    if (assign.childForFieldName('operator')?.type !== '=') return undefined;
    value = assign.childForFieldName('right');
  } else {
    value = callArguments(assign)[1] ?? null;
  }
  if (!value) return undefined;
  const receiver = normalizedText(a.node.childForFieldName('argument')!);
  const isNull = isNullConstant(value);
  const fold = a.field === 'mem_cgroup' && !isNull ? kmemFoldAfter(review, assign, canonicalPage(a.pageArg)) : null;
  const edits: TextEdit[] = [];
  if (store.style === 'call') {
    // The RFC's setters; a following __SetPageKmemcg() becomes SetPageMemcgKmem() on its own.
    if (a.field === 'obj_cgroups' && !isNull) return undefined;
    const clear = a.field === 'obj_cgroups' ? 'clear_page_obj_cgroups' : store.clear;
    edits.push(replaceNode(assign, isNull ? `${clear}(${a.pageArg})` : `${store.set}(${a.pageArg}, ${value.text})`));
  } else {
    // A kmem page's word holds its obj_cgroup from v5.15 on: a memcg ORed with KMEM would be wrong.
    if (fold && !store.kmemFold) return undefined;
    edits.push(replaceNode(a.node.childForFieldName('field')!, 'memcg_data'));
    const tagged = a.field === 'obj_cgroups' ? taggedValue(value) : null;
    if (isNull) edits.push(replaceNode(value, '0'));
    else if (tagged) edits.push(replaceNode(value, `(unsigned long)${tagged} | ${gen.flags!.objcgs}`));
    else edits.push(...castToWord(value));
    if (fold) {
      const kmem = gen.flags!.kmem;
      edits.push(insertAt(value.endIndex, fold.condition ? ` | (${fold.condition} ? ${kmem} : 0)` : ` | ${kmem}`));
      edits.push(deleteStatement(fold.statement, text));
    }
  }
  const facts = contextFacts(review, a.node, receiver, file);
  const folded = store.style === 'word' && fold;
  const v = validateWrite({ setsKmem: folded ? (fold.condition ? 'as-legacy' : true) : false, clearsKmem: isNull && clearsKmemcg(review, a.node, receiver) }, facts);
  return fixOf(edits, v);
}

/** `vec` in `(T)((unsigned long)vec | 0x1UL)`, else null. */
export function taggedValue(value: SyntaxNode): string | null {
  let v = value;
  for (;;) {
    if (v.type === 'parenthesized_expression' && v.namedChild(0)) v = v.namedChild(0)!;
    else if (v.type === 'cast_expression') v = v.childForFieldName('value')!;
    else break;
  }
  if (v.type !== 'binary_expression' || v.childForFieldName('operator')?.type !== '|') return null;
  const right = v.childForFieldName('right')!;
  if (!/^(0x)?1U?L?$/i.test(right.text)) return null;
  let left = v.childForFieldName('left')!;
  for (;;) {
    if (left.type === 'parenthesized_expression' && left.namedChild(0)) left = left.namedChild(0)!;
    else if (left.type === 'cast_expression') left = left.childForFieldName('value')!;
    else break;
  }
  return left.text;
}
