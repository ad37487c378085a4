import { calleeName, callArguments, descendants, enclosingFunction, normalizedText, unparen } from '../c/nodes.js';
import type { SyntaxNode } from '../c/parser.js';
import type { ReviewContext } from '../c/review-context.js';
import { contextFacts } from '../model/context-facts.js';
import { chooseFix, fixOf, intentCandidates } from '../model/choose-fix.js';
import { validateClearKmem, validateKmemSetter } from '../model/validate.js';
import { LEGACY } from '../model/legacy-expressions.js';
import type { Fix, TextEdit } from '../types.js';
import { deleteStatement, replaceNode } from './edits.js';
import type { Rule, RuleContext } from './rule.js';
import { storeBeforeSetKmemcg, writeFix } from './write-fix.js';
import { removedBy } from '../model/surface-generation.js';

const KMEMCG = new Set(['PageKmemcg', '__SetPageKmemcg', '__ClearPageKmemcg']);

/** Whether the function zeroes the page's word (or the legacy pointer) for this receiver. */
function zeroesWord(fn: SyntaxNode | null, receiver: string): boolean {
  if (!fn) return false;
  for (const n of descendants(fn)) {
    if (n.type !== 'assignment_expression') continue;
    const left = n.childForFieldName('left')!;
    const field = left.type === 'field_expression' ? left.childForFieldName('field')?.text : null;
    if ((field === 'mem_cgroup' || field === 'memcg_data') && normalizedText(left.childForFieldName('argument')!) === receiver) {
      if (/^(NULL|0)$/.test(n.childForFieldName('right')!.text.trim())) return true;
    }
  }
  return false;
}

/** The statement to delete with __ClearPageKmemcg(): the call, or the `if (PageKmemcg(p))` around it, with a comment above it that names the flag. */
function clearDeletion(review: ReviewContext, stmt: SyntaxNode, receiver: string, text: string): TextEdit[] {
  let target = stmt;
  const up = review.parentOf(stmt);
  const parent = up?.type === 'compound_statement' && up.namedChildCount === 1 ? review.parentOf(up) : up;
  if (parent?.type === 'if_statement' && !parent.childForFieldName('alternative')) {
    const cond = unparen(parent.childForFieldName('condition')!);
    const arg = cond.type === 'call_expression' && calleeName(cond) === 'PageKmemcg' ? callArguments(cond)[0] : null;
    if (arg && normalizedText(arg) === receiver) target = parent;
  }
  const prev = target.previousNamedSibling;
  const comment = prev?.type === 'comment' && /Kmemcg/.test(prev.text) && text.slice(prev.endIndex, target.startIndex).split('\n').length <= 2;
  return [deleteStatement(comment ? prev : target, text, target)];
}

function report(ctx: RuleContext, call: SyntaxNode, message: string, fix: Fix | undefined): void {
  const fnName = call.childForFieldName('function')!;
  ctx.report({ start: fnName.startIndex, end: call.endIndex, message, confidence: 'high', ...(fix ? { fix } : {}) });
}

export const pageKmemcg: Rule = {
  meta: {
    id: 'page-kmemcg',
    severity: 'error',
    description: 'Uses the PageKmemcg page type (PageKmemcg, __SetPageKmemcg, __ClearPageKmemcg), which v5.11 removed.',
    docs:
      'Before v5.11 kmem pages were marked with the PageKmemcg page type, stored in the mapcount, so they could ' +
      'not be mapped to userspace. v5.11 replaced it with the MEMCG_DATA_KMEM flag in page->memcg_data. ' +
      'PageKmemcg(page) becomes PageMemcgKmem(page) (which must not be called on a slab page with an obj_cgroup ' +
      'vector); __SetPageKmemcg() folds into the store of the memcg as `| MEMCG_DATA_KMEM`; __ClearPageKmemcg() ' +
      'goes where the word is zeroed anyway, since zeroing clears the flag.',
    fixable: true,
  },
  check(ctx) {
    if (ctx.gen.id === 'legacy') return; // the page type is the legacy API
    for (const index of ctx.src.indexes) {
      for (const call of index.memcgCalls) {
        const name = calleeName(call)!;
        if (!KMEMCG.has(name)) continue;
        const arg = callArguments(call)[0];
        if (!arg) continue;
        const receiver = normalizedText(arg);
        const facts = contextFacts(ctx.reviewContext, call, receiver, ctx.src.path);
        if (name === 'PageKmemcg') {
          const fix = chooseFix(intentCandidates(ctx.gen, ['kmemTest'], LEGACY.pageKmemcg!, facts, (spelling) => [replaceNode(call, spelling.write(arg.text))]));
          report(ctx, call, `tests the PageKmemcg page type, which ${removedBy(ctx.gen)} removed: kmem pages carry MEMCG_DATA_KMEM in memcg_data instead, so the test no longer compiles or, kept as a page type, is never set`, fix);
        } else if (name === '__SetPageKmemcg') {
          const store = storeBeforeSetKmemcg(ctx.reviewContext, call);
          const access = store && ctx.accesses.find((a) => a.node.id === store.id);
          let fix: Fix | undefined;
          if (ctx.gen.store?.style === 'call') {
            fix = fixOf([replaceNode(call.childForFieldName('function')!, ctx.gen.store.setKmem)], validateKmemSetter(ctx.gen.store.setKmem));
          } else {
            const storeFix = access && ctx.isCore ? writeFix(ctx.reviewContext, ctx.gen, access, ctx.src.path, ctx.src.text) : undefined;
            // Only a fix that folds this very call (deletes it) belongs to it.
            fix = storeFix?.edits.some((e) => e.start <= call.startIndex && call.endIndex <= e.end && e.text === '') ? storeFix : undefined;
          }
          report(ctx, call, `sets the PageKmemcg page type, which ${removedBy(ctx.gen)} removed: without MEMCG_DATA_KMEM in memcg_data the kmem page is uncharged as a user page`, fix);
        } else {
          const stmt = ctx.reviewContext.parentOf(unparen(call));
          const fn = enclosingFunction(ctx.reviewContext, call);
          const fix: Fix | undefined =
            stmt?.type === 'expression_statement' ? fixOf(clearDeletion(ctx.reviewContext, stmt, receiver, ctx.src.text), validateClearKmem(zeroesWord(fn, receiver))) : undefined;
          report(ctx, call, `clears the PageKmemcg page type, which ${removedBy(ctx.gen)} removed: the KMEM flag lives in memcg_data and goes when the word is zeroed`, fix);
        }
      }
    }
  },
};
