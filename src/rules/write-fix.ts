import type { FieldAccess } from '../c/field-access.js';
import { calleeName, callArguments, descendants, enclosingFunction, normalizedText, outerParent } from '../c/nodes.js';
import type { SyntaxNode } from '../c/parser.js';
import { contextFacts } from '../model/context-facts.js';
import { validateWrite } from '../model/validate.js';
import type { Fix, TextEdit } from '../types.js';
import { castToWord, deleteStatement, insertAt, isNullConstant, replaceNode } from './edits.js';

/** The statement that holds an expression, when the expression is the whole statement. */
function statementOf(expr: SyntaxNode): SyntaxNode | null {
  const { parent } = outerParent(expr);
  return parent?.type === 'expression_statement' ? parent : null;
}

/** A `__SetPageKmemcg(receiver);` right after the write's statement, in the same block. */
export function followingSetKmemcg(write: SyntaxNode, receiver: string): SyntaxNode | null {
  const stmt = statementOf(write);
  let next = stmt?.nextNamedSibling ?? null;
  while (next?.type === 'comment') next = next.nextNamedSibling;
  const call = next?.type === 'expression_statement' ? next.namedChild(0) : null;
  if (!call || calleeName(call) !== '__SetPageKmemcg') return null;
  const arg = callArguments(call)[0];
  return arg && normalizedText(arg) === receiver ? next : null;
}

/** The write statement that a `__SetPageKmemcg(receiver);` folds into, if it directly follows one. */
export function precedingMemcgWrite(setCall: SyntaxNode, receiver: string): SyntaxNode | null {
  const stmt = statementOf(setCall);
  let prev = stmt?.previousNamedSibling ?? null;
  while (prev?.type === 'comment') prev = prev.previousNamedSibling;
  const assign = prev?.type === 'expression_statement' ? prev.namedChild(0) : null;
  if (assign?.type !== 'assignment_expression') return null;
  const left = assign.childForFieldName('left')!;
  if (left.type !== 'field_expression' || left.childForFieldName('field')?.text !== 'mem_cgroup') return null;
  return normalizedText(left.childForFieldName('argument')!) === receiver ? assign : null;
}

/** Whether the function also calls `__ClearPageKmemcg(receiver)`: the legacy flag is dropped with the pointer. */
function clearsKmemcg(at: SyntaxNode, receiver: string): boolean {
  const fn = enclosingFunction(at);
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
export function writeFix(a: FieldAccess, file: string, text: string): Fix | undefined {
  const assign = a.usage === 'write' ? outerParent(a.node).parent : a.usage === 'write-once' ? a.node.parent!.parent : null;
  if (!assign) return undefined;
  let value: SyntaxNode | null;
  if (assign.type === 'assignment_expression') {
    if (assign.childForFieldName('operator')?.type !== '=') return undefined;
    value = assign.childForFieldName('right');
  } else {
    value = callArguments(assign)[1] ?? null;
  }
  if (!value) return undefined;
  const receiver = normalizedText(a.node.childForFieldName('argument')!);
  const edits: TextEdit[] = [replaceNode(a.node.childForFieldName('field')!, 'memcg_data')];
  const isNull = isNullConstant(value);
  const tagged = a.field === 'obj_cgroups' ? taggedValue(value) : null;
  if (isNull) edits.push(replaceNode(value, '0'));
  else if (tagged) edits.push(replaceNode(value, `(unsigned long)${tagged} | MEMCG_DATA_OBJCGS`));
  else edits.push(...castToWord(value));
  const set = a.field === 'mem_cgroup' && !isNull ? followingSetKmemcg(assign, receiver) : null;
  if (set) edits.push(insertAt(value.endIndex, ' | MEMCG_DATA_KMEM'), deleteStatement(set, text));
  const facts = contextFacts(a.node, receiver, file);
  const v = validateWrite({ setsKmem: !!set, clearsKmem: isNull && clearsKmemcg(a.node, receiver) }, facts.reachable);
  if (v.verdict === 'rejected') return undefined;
  return { edits, verdict: v.verdict, explanation: v.explanation };
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
