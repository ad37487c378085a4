import { calleeName, enclosingFunction, identifiersNamed, normalizedText, unparen } from '../c/nodes.js';
import { INTENT_OF } from './helper-intents.js';
import type { SyntaxNode } from '../c/parser.js';
import type { NodeIndex } from '../c/node-index.js';
import type { ReviewContext } from '../c/review-context.js';
import { contextFacts } from '../model/context-facts.js';
import { chooseFix, fixOf, intentCandidates } from '../model/choose-fix.js';
import type { HelperModel } from '../model/outcome.js';
import { neverTagged, validateTagTestRemoval } from '../model/validate.js';
import { LEGACY } from '../model/legacy-expressions.js';
import type { Fix } from '../types.js';
import { deleteStatement, replaceNode } from './edits.js';
import { objcgsReadFix } from './obj-cgroups-access.js';
import { atAccess, untypedNote, untypedReceiver, type Rule } from './rule.js';
import { accessTagTrick, maskedValueNode, tagTrickOn, testValueNode } from './tag-trick-match.js';
import { removedBy, vectorFlag } from '../model/surface-generation.js';

/** The variable an expression's value is stored into, through READ_ONCE() and parentheses. */
function storedInto(review: ReviewContext, n: SyntaxNode): string | null {
  let p = review.parentOf(n);
  while (p && (p.type === 'call_expression' || p.type === 'argument_list' || p.type === 'parenthesized_expression')) p = review.parentOf(p);
  if (p?.type === 'assignment_expression' && p.childForFieldName('left')?.type === 'identifier') return p.childForFieldName('left')!.text;
  if (p?.type === 'init_declarator') {
    let d = p.childForFieldName('declarator');
    while (d && d.type !== 'identifier') d = d.childForFieldName('declarator');
    return d?.text ?? null;
  }
  return null;
}

/**
 * Variables in a function that hold a page's memcg: read from page->mem_cgroup by hand (`field`),
 * or through a memcg reader (its name), whose value the model says is never tagged. `reads` are
 * the file's reads (memcgReads), in document order: the function is not walked again.
 */
function memcgVariables(review: ReviewContext, fn: SyntaxNode, reads: readonly { node: SyntaxNode; source: string }[]): Map<string, { source: string; after: number }> {
  const vars = new Map<string, { source: string; after: number }>();
  for (const { node: n, source } of reads) {
    if (n.tree !== fn.tree || n.startIndex < fn.startIndex || n.endIndex > fn.endIndex) continue;
    const v = storedInto(review, n);
    if (v && !vars.has(v)) vars.set(v, { source, after: n.endIndex });
  }
  return vars;
}

/**
 * Every `x->mem_cgroup` (whatever x is) and every call to a memcg reader of the indexes, in
 * document order (an outer node before the ones it holds), each with what reads it.
 */
function memcgReads(indexes: readonly NodeIndex[]): { node: SyntaxNode; source: string }[] {
  const reads: { node: SyntaxNode; source: string }[] = [];
  for (const index of indexes) {
    for (const n of index.memcgFields) if (n.childForFieldName('field')?.text === 'mem_cgroup') reads.push({ node: n, source: 'field' });
    for (const n of index.memcgCalls) {
      const name = calleeName(n) ?? '';
      if (MEMCG_READERS.has(name)) reads.push({ node: n, source: name });
    }
  }
  return reads.sort((a, b) => a.node.startIndex - b.node.startIndex || b.node.endIndex - a.node.endIndex);
}

const MEMCG_READERS = new Set(Object.entries(INTENT_OF).filter(([, i]) => i === 'read' || i === 'check' || i === 'rcu').map(([name]) => name));


/**
 * `if ((unsigned long)memcg & 0x1UL) memcg = NULL;` after reading page->mem_cgroup: the whole test
 * goes, since page_memcg_check() already returns NULL for a slab page's vector.
 */
function variableTestFix(review: ReviewContext, test: SyntaxNode, variable: string, text: string, readBy: { name: string; model: HelperModel | undefined } | null): Fix | undefined {
  let value = testValueNode(review, test);
  const and = review.parentOf(value);
  if (and?.type === 'binary_expression' && and.childForFieldName('operator')?.type === '&&') {
    // `memcg && (unsigned long)memcg & 0x1UL`: the NULL check adds nothing to the test.
    const other = and.childForFieldName('left')!.id === value.id ? and.childForFieldName('right')! : and.childForFieldName('left')!;
    if (unparen(other).text !== variable) return undefined;
    value = and;
  }
  const cond = review.parentOf(value);
  const ifStmt = cond?.type === 'parenthesized_expression' ? review.parentOf(cond) : null;
  if (ifStmt?.type !== 'if_statement' || ifStmt.childForFieldName('alternative')) return undefined;
  const body = ifStmt.childForFieldName('consequence')!;
  const only = body.type === 'compound_statement' ? (body.namedChildCount === 1 ? body.namedChild(0) : null) : body;
  if (!only || !new RegExp(`^${variable}\\s*=\\s*NULL\\s*;$`).test(only.text.trim())) return undefined;
  // A comment right above the test explains the tag: it goes with it.
  const prev = ifStmt.previousNamedSibling;
  const comment = prev?.type === 'comment' && !/\n[ \t]*\n/.test(text.slice(prev.endIndex, ifStmt.startIndex)) ? prev : null;
  return fixOf([deleteStatement(comment ?? ifStmt, text, ifStmt)], validateTagTestRemoval(variable, readBy));
}

export const tagTrick: Rule = {
  meta: {
    id: 'tag-trick',
    severity: 'error',
    description: 'Tests or masks the obj_cgroups tag bit by hand ((unsigned long)x & 0x1UL, & ~0x1UL).',
    docs:
      'Before v5.11 a slab page marked its obj_cgroup vector by setting bit 0 of the pointer by hand. Since ' +
      'v5.11 the bit is MEMCG_DATA_OBJCGS in page->memcg_data, next to MEMCG_DATA_KMEM, so masking only 0x1 ' +
      'leaves the KMEM bit in the pointer. `(unsigned long)page->obj_cgroups & ~0x1UL` becomes page_objcgs() ' +
      '(slab page known) or page_objcgs_check(); the test `& 0x1UL` becomes page_objcgs_check(); a test on a ' +
      'memcg read from the page disappears with page_memcg_check(), which returns NULL in that case.',
    fixable: true,
  },
  check(ctx) {
    if (ctx.gen.id === 'legacy') return; // the tag bit is the legacy API
    for (const a of ctx.accesses) {
      if (a.field === 'memcg_data' || (a.kind !== 'page' && a.kind !== 'unknown')) continue;
      const trick = accessTagTrick(ctx.reviewContext, a);
      if (!trick) continue;
      if (untypedReceiver(a)) {
        ctx.report(untypedNote(a));
        continue;
      }
      if (trick.kind === 'mask') {
        const value = maskedValueNode(ctx.reviewContext, trick.node);
        ctx.report({ ...atAccess(a, `masks the obj_cgroups tag by hand: the memcg_data word also carries MEMCG_DATA_KMEM, which ~0x1UL leaves in the pointer`, objcgsReadFix(ctx.reviewContext, ctx.gen, a, ctx.src.path, value, 'objcgsMasked')), start: value.startIndex, end: value.endIndex });
      } else {
        const value = testValueNode(ctx.reviewContext, trick.node);
        const facts = contextFacts(ctx.reviewContext, a.node, normalizedText(a.node.childForFieldName('argument')!), ctx.src.path);
        const fix = chooseFix(intentCandidates(ctx.gen, ['objcgsCheck'], LEGACY.objcgsTagTest!, facts, (spelling) => [replaceNode(value, spelling.write(a.pageArg))], true));
        ctx.report({ ...atAccess(a, `tests the obj_cgroups tag bit by hand: ${removedBy(ctx.gen)} names it ${vectorFlag(ctx.gen)} in memcg_data${ctx.gen.intents.objcgsCheck ? `, which ${ctx.gen.intents.objcgsCheck.write('page').replace(/\(.*/, '')}() tests` : ''}`, fix), start: value.startIndex, end: value.endIndex });
      }
    }
    const seen = new Set<number>();
    const starts = [
      ...ctx.accesses.filter((a) => a.field === 'mem_cgroup').map((a) => a.node),
      ...ctx.src.indexes.flatMap((i) => i.memcgCalls).filter((c) => MEMCG_READERS.has(calleeName(c) ?? '')),
    ];
    let reads: { node: SyntaxNode; source: string }[] | undefined;
    for (const start of starts) {
      const fn = enclosingFunction(ctx.reviewContext, start);
      if (!fn || seen.has(fn.id)) continue;
      seen.add(fn.id);
      const vars = memcgVariables(ctx.reviewContext, fn, (reads ??= memcgReads(ctx.src.indexes)));
      if (vars.size === 0) continue;
      for (const n of identifiersNamed(fn, vars.keys())) {
        const held = vars.get(n.text);
        if (!held || n.startIndex < held.after) continue; // a test before the read tests something else
        const source = held.source;
        const trick = tagTrickOn(ctx.reviewContext, n);
        if (trick?.kind !== 'test') continue;
        const value = testValueNode(ctx.reviewContext, trick.node);
        const readBy = source !== 'field' && neverTagged(ctx.gen.helpers[source]) ? { name: source, model: ctx.gen.helpers[source] } : null;
        if (source !== 'field' && !readBy) continue; // a reader that may return the tagged word: the test still means something
        ctx.report({
          start: value.startIndex,
          end: value.endIndex,
          message: readBy
            ? `tests the obj_cgroups tag on ${n.text}, which ${readBy.name}() read: it is never tagged, so the test is dead code`
            : `tests the obj_cgroups tag on ${n.text} by hand: page_memcg_check() returns NULL for a slab page's vector, and ${removedBy(ctx.gen)} moved the tag to ${vectorFlag(ctx.gen)}`,
          confidence: 'high',
          ...((f) => (f ? { fix: f } : {}))(variableTestFix(ctx.reviewContext, trick.node, n.text, ctx.src.text, readBy)),
        });
      }
    }
  },
};
