import type { FieldAccess } from '../c/field-access.js';
import { unparen } from '../c/nodes.js';
import type { SyntaxNode } from '../c/parser.js';
import type { ReviewContext } from '../c/review-context.js';

export type TagTrick = 'mask' | 'test';

const ONE = /^(0x)?0*1U?L{0,2}$/i;

/** `1`, `0x1UL`, ... and whether it is complemented (`~0x1UL`). */
function tagLiteral(n: SyntaxNode): 'one' | 'not-one' | null {
  const v = unparen(n);
  if (v.type === 'number_literal' && ONE.test(v.text)) return 'one';
  if (v.type === 'unary_expression' && v.child(0)?.type === '~') return tagLiteral(v.childForFieldName('argument')!) === 'one' ? 'not-one' : null;
  return null;
}

/** Strips parentheses and casts from an operand, reporting whether a cast was crossed. */
function stripCasts(n: SyntaxNode): SyntaxNode {
  let v = unparen(n);
  while (v.type === 'cast_expression') v = unparen(v.childForFieldName('value')!);
  return v;
}

/**
 * A hand-written tag trick on an expression: `(unsigned long)x & 0x1UL` tests the obj_cgroups tag,
 * `(unsigned long)x & ~0x1UL` masks it off. Returns the binary expression and its kind.
 */
export function tagTrickOn(review: ReviewContext, operand: SyntaxNode): { node: SyntaxNode; kind: TagTrick } | null {
  let child = operand;
  let p = review.parentOf(operand);
  while (p && (p.type === 'parenthesized_expression' || p.type === 'cast_expression')) {
    child = p;
    p = review.parentOf(p);
  }
  if (p?.type !== 'binary_expression' || p.childForFieldName('operator')?.type !== '&') return null;
  const left = p.childForFieldName('left')!;
  const right = p.childForFieldName('right')!;
  const other = left.id === child.id ? right : left;
  if (stripCasts(left.id === child.id ? left : right).id !== operand.id) return null;
  const lit = tagLiteral(other);
  return lit ? { node: p, kind: lit === 'one' ? 'test' : 'mask' } : null;
}

/** The tag trick an access sits in, if any. */
export function accessTagTrick(review: ReviewContext, a: FieldAccess): { node: SyntaxNode; kind: TagTrick } | null {
  return tagTrickOn(review, a.node);
}

/** The whole value a mask produces: climbs the parentheses and pointer casts around it. */
export function maskedValueNode(review: ReviewContext, mask: SyntaxNode): SyntaxNode {
  let n = mask;
  for (let p = review.parentOf(n); p && (p.type === 'parenthesized_expression' || p.type === 'cast_expression'); p = review.parentOf(n)) n = p;
  return n;
}

/** Statements whose parentheses are part of their syntax. */
const KEEPS_PARENS = new Set(['if_statement', 'while_statement', 'do_statement', 'switch_statement']);

/** The tag test as a truth value: climbs the parentheses a call in its place does not need. */
export function testValueNode(review: ReviewContext, test: SyntaxNode): SyntaxNode {
  let n = test;
  for (let p = review.parentOf(n); p?.type === 'parenthesized_expression' && !KEEPS_PARENS.has(review.parentOf(p)?.type ?? ''); p = review.parentOf(n)) n = p;
  return n;
}
