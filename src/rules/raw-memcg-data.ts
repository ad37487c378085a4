import type { FieldAccess } from '../c/field-access.js';
import { normalizedText, unparen } from '../c/nodes.js';
import type { SyntaxNode } from '../c/parser.js';
import type { ReviewContext } from '../c/review-context.js';
import { contextFacts } from '../model/context-facts.js';
import { chooseFix, intentCandidates } from '../model/choose-fix.js';
import type { Generation, Intent } from '../model/generation.js';
import { LEGACY } from '../model/legacy-expressions.js';
import type { Fix } from '../types.js';
import { replaceNode } from './edits.js';
import { atAccess, type Rule } from './rule.js';
import { vectorFlag } from '../model/surface-generation.js';

type RawUse = { kind: 'pointer' | 'flag-kmem' | 'flag-objcgs' | 'integer'; node: SyntaxNode };

/** What a read of the raw word is used for: cast to a pointer (maybe masked), a flag test, or an integer. */
function rawUse(review: ReviewContext, a: FieldAccess): RawUse {
  let n: SyntaxNode = a.node;
  for (;;) {
    const p = review.parentOf(n);
    if (!p) break;
    if (p.type === 'parenthesized_expression') {
      n = p;
      continue;
    }
    if (p.type === 'binary_expression' && p.childForFieldName('operator')?.type === '&') {
      const other = p.childForFieldName('left')!.id === n.id ? p.childForFieldName('right')! : p.childForFieldName('left')!;
      const o = unparen(other).text.replace(/\s+/g, '');
      if (o === 'MEMCG_DATA_KMEM') return { kind: 'flag-kmem', node: p };
      if (o === 'MEMCG_DATA_OBJCGS' || o === 'MEMCG_DATA_OBJEXTS') return { kind: 'flag-objcgs', node: p };
      if (/^~/.test(o)) {
        n = p;
        continue;
      }
      break;
    }
    if (p.type === 'cast_expression' && /\*/.test(p.childForFieldName('type')!.text)) return { kind: 'pointer', node: p };
    break;
  }
  return { kind: 'integer', node: a.node };
}

function helperFix(review: ReviewContext, gen: Generation, a: FieldAccess, file: string, node: SyntaxNode, original: string, intents: Intent[], asTruth = false): Fix | undefined {
  const facts = contextFacts(review, a.node, normalizedText(a.node.childForFieldName('argument')!), file);
  return chooseFix(intentCandidates(gen, intents, LEGACY[original]!, facts, (spelling) => [replaceNode(node, spelling.write(a.pageArg))], asTruth));
}

/** The store `x->memcg_data = y->memcg_data` this read is the right side of, if any. */
function copySource(review: ReviewContext, a: FieldAccess): boolean {
  let n: SyntaxNode = a.valueNode;
  for (let p = review.parentOf(n); p && (p.type === 'parenthesized_expression' || p.type === 'cast_expression'); p = review.parentOf(n)) n = p;
  const p = review.parentOf(n);
  if (p?.type !== 'assignment_expression' || p.childForFieldName('operator')?.type !== '=' || p.childForFieldName('right')?.id !== n.id) return false;
  const left = unparen(p.childForFieldName('left')!);
  return left.type === 'field_expression' && left.childForFieldName('field')?.text === a.field;
}

/**
 * A store that keeps the word's contract, said why; null when it does not. Judged by what the
 * word holds afterwards, not by the file: a whole word copied from another page, folio or slab
 * (pointer and flags move together; the references are the caller's), or a slab's word set to
 * none or to a vector tagged with the generation's vector flag (what the slab allocators and
 * kfence store).
 */
function keptContract(review: ReviewContext, gen: Generation, a: FieldAccess): string | null {
  const assign = review.parentOf(a.node);
  if (assign?.type !== 'assignment_expression' || assign.childForFieldName('operator')?.type !== '=') return null;
  const value = unparen(assign.childForFieldName('right')!);
  const inner = value.type === 'cast_expression' ? unparen(value.childForFieldName('value')!) : value;
  if (inner.type === 'field_expression' && inner.childForFieldName('field')?.text === a.field) {
    return `copies the whole memcg_data word from ${inner.childForFieldName('argument')!.text}: pointer and flags move together, so the word stays well-formed (the css references are the caller's to take)`;
  }
  if (a.kind !== 'slab') return null;
  if (/^0(UL|L|U)?$/i.test(inner.text)) return 'clears a slab\'s memcg_data word: no vector is a state the slab word may hold';
  const flag = gen.flags?.objcgs;
  if (flag && inner.type === 'binary_expression' && inner.childForFieldName('operator')?.type === '|' && unparen(inner.childForFieldName('right')!).text === flag) {
    return `stores an obj_cgroup vector tagged ${flag} in a slab's memcg_data word, the state the slab allocators and kfence give a slab`;
  }
  return null;
}

export const rawMemcgData: Rule = {
  meta: {
    id: 'raw-memcg-data',
    severity: 'error',
    description: 'Opens page->memcg_data by hand outside the memcg core.',
    docs:
      'page->memcg_data is a tagged word: a memcg or obj_cgroup vector pointer with MEMCG_DATA_OBJCGS and ' +
      'MEMCG_DATA_KMEM in its low bits. Only the memcg core (mm/memcontrol.c, include/linux/memcontrol.h, ' +
      'mm/slab.h by default) may store to it. Elsewhere, a store is an error with no automatic fix; a read cast ' +
      'to a pointer becomes page_memcg() or page_memcg_check(); a flag test becomes PageMemcgKmem() or ' +
      'page_objcgs_check(); a read used as a plain integer (printed, or tested for "charged at all") is only a ' +
      'note, since that is what page dumps do upstream.',
    fixable: true,
  },
  check(ctx) {
    if (ctx.isCore) return;
    for (const a of ctx.accesses) {
      if (a.field !== 'memcg_data') continue;
      if (ctx.gen.id === 'legacy') {
        ctx.report(atAccess(a, 'opens memcg_data, which the legacy layout does not have: a legacy page keeps the union page->mem_cgroup / page->obj_cgroups'));
        continue;
      }
      if (a.usage === 'write' || a.usage === 'write-once' || a.usage === 'address') {
        const kept = a.usage === 'write' ? keptContract(ctx.reviewContext, ctx.gen, a) : null;
        if (kept) {
          ctx.report({ ...atAccess(a, kept), severity: 'info' });
          continue;
        }
        const p = atAccess(a, 'writes the tagged memcg_data word outside the memcg core: the MEMCG_DATA_* flags and the css reference of the charge go out of step');
        // A folio's or a slab's word belongs to later generations, whose owners (kfence) may store it.
        ctx.report(a.kind === 'folio' || a.kind === 'slab' ? { ...p, severity: 'warning' } : p);
        continue;
      }
      if (copySource(ctx.reviewContext, a)) continue; // the whole word moves: judged at its store
      const use = rawUse(ctx.reviewContext, a);
      if (a.kind !== 'page' && a.kind !== 'unknown') {
        if (use.kind === 'integer') {
          ctx.report({ ...atAccess(a, `reads the raw memcg_data word of a ${a.kind}: right for printing it or testing "charged at all", not for the memcg`), severity: 'info' });
        } else {
          ctx.report({ ...atAccess(a, `reads the tagged memcg_data word of a ${a.kind} by hand: use the ${a.kind} helpers of the memcg API`), severity: 'warning' });
        }
        continue;
      }
      if (use.kind === 'pointer') {
        const p = atAccess(a, 'turns the tagged memcg_data word into a pointer by hand: it is an obj_cgroup vector on slab pages and carries MEMCG_DATA_KMEM on kmem pages', helperFix(ctx.reviewContext, ctx.gen, a, ctx.src.path, use.node, 'memcgRead', ['read', 'check']));
        ctx.report({ ...p, start: use.node.startIndex, end: use.node.endIndex });
      } else if (use.kind === 'flag-kmem') {
        ctx.report({ ...atAccess(a, 'tests MEMCG_DATA_KMEM by hand: PageMemcgKmem() is the accessor', helperFix(ctx.reviewContext, ctx.gen, a, ctx.src.path, use.node, 'pageKmemcg', ['kmemTest'])), start: use.node.startIndex, end: use.node.endIndex, severity: 'warning' });
      } else if (use.kind === 'flag-objcgs') {
        ctx.report({ ...atAccess(a, `tests ${vectorFlag(ctx.gen)} by hand: ${ctx.gen.intents.objcgsCheck ? `${ctx.gen.intents.objcgsCheck.write('page').replace(/\(.*/, '')}() is the accessor` : 'the slab code\'s helpers own the vector'}`, helperFix(ctx.reviewContext, ctx.gen, a, ctx.src.path, use.node, 'objcgsTagTest', ['objcgsCheck'], true)), start: use.node.startIndex, end: use.node.endIndex, severity: 'warning' });
      } else {
        ctx.report({ ...atAccess(a, 'reads the raw memcg_data word: right for printing it or testing "charged at all", not for the memcg (page_memcg_check())'), severity: 'info' });
      }
    }
  },
};
