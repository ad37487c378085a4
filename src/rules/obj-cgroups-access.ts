import type { FieldAccess } from '../c/field-access.js';
import { calleeName, callArguments, normalizedText, outerParent } from '../c/nodes.js';
import type { SyntaxNode } from '../c/parser.js';
import type { ReviewContext } from '../c/review-context.js';
import { chooseFix, intentCandidates } from '../model/choose-fix.js';
import type { Generation } from '../model/generation.js';
import { contextFacts } from '../model/context-facts.js';
import { LEGACY } from '../model/legacy-expressions.js';
import type { Fix } from '../types.js';
import { replaceNode } from './edits.js';
import { atAccess, type Rule } from './rule.js';
import { accessTagTrick } from './tag-trick-match.js';
import { taggedValue, writeFix } from './write-fix.js';
import { removedBy, vectorFlag } from '../model/surface-generation.js';

const TRUTH_PARENTS = new Set(['if_statement', 'while_statement', 'unary_expression']);

/** `cmpxchg(&page->obj_cgroups, NULL, (T)((unsigned long)vec | 0x1UL))` becomes `set_page_objcgs(page, vec)`. */
function cmpxchgFix(review: ReviewContext, gen: Generation, a: FieldAccess, file: string): Fix | undefined {
  const amp = outerParent(review, a.node).parent;
  const list = amp ? review.parentOf(amp) : null;
  const call = list ? review.parentOf(list) : null;
  if (!call || calleeName(call) !== 'cmpxchg') return undefined;
  const [, old, value] = callArguments(call);
  if (!old || !value || !/^(NULL|0)$/.test(old.text.trim())) return undefined;
  const vec = taggedValue(value);
  if (!vec) return undefined;
  const { parent } = outerParent(review, call);
  const asTruth = !!parent && TRUTH_PARENTS.has(parent.type);
  if (!asTruth && parent?.type !== 'expression_statement') return undefined;
  const facts = contextFacts(review, a.node, normalizedText(a.node.childForFieldName('argument')!), file);
  const fix = chooseFix(intentCandidates(gen, ['setObjcgs'], LEGACY.objcgsInstallFailed!, facts, (spelling) => [replaceNode(call, `${asTruth ? '!' : ''}${spelling.write(a.pageArg, vec)}`)]));
  return fix && { ...fix, explanation: `${fix.explanation}; the setter tags the vector itself and returns true when it installed it` };
}

/** A plain read of the vector: page_objcgs() where the page is known to be a slab page, else page_objcgs_check(). */
function readFix(review: ReviewContext, gen: Generation, a: FieldAccess, file: string, valueNode: SyntaxNode, original: 'objcgsRead' | 'objcgsMasked'): Fix | undefined {
  const facts = contextFacts(review, a.node, normalizedText(a.node.childForFieldName('argument')!), file);
  return chooseFix(intentCandidates(gen, ['objcgs', 'objcgsCheck'], LEGACY[original]!, facts, (spelling) => [replaceNode(valueNode, spelling.write(a.pageArg))]));
}

export { readFix as objcgsReadFix };

export const objCgroupsAccess: Rule = {
  meta: {
    id: 'obj-cgroups-access',
    severity: 'error',
    description: 'Reads or writes page->obj_cgroups by hand.',
    docs:
      'Since v5.11 a slab page\'s obj_cgroup vector is stored in page->memcg_data tagged with MEMCG_DATA_OBJCGS. ' +
      'Read by hand the vector pointer carries the tag; on a page that is not a slab page the word holds a memcg. ' +
      'Reads become page_objcgs() where the page is known to be a slab page and page_objcgs_check() elsewhere; ' +
      '`cmpxchg(&page->obj_cgroups, NULL, vec | 0x1UL)` becomes set_page_objcgs(page, vec); inside the memcg ' +
      'core `page->obj_cgroups = NULL` becomes `page->memcg_data = 0`. A struct pcpu_chunk has an obj_cgroups ' +
      'field of its own, which is never flagged.',
    fixable: true,
  },
  check(ctx) {
    if (ctx.gen.id === 'legacy') return; // the field is the legacy API
    for (const a of ctx.accesses) {
      if (a.field !== 'obj_cgroups' || (a.kind !== 'page' && a.kind !== 'unknown')) continue;
      if (a.kind === 'unknown' && !a.type.guess) continue;
      if (accessTagTrick(ctx.reviewContext, a)) continue; // reported by tag-trick
      if (a.usage === 'address') {
        ctx.report(atAccess(a, `installs the obj_cgroup vector by hand: ${removedBy(ctx.gen)} keeps it in memcg_data tagged with ${vectorFlag(ctx.gen)}${ctx.gen.intents.setObjcgs ? `, which ${ctx.gen.intents.setObjcgs.write('page', 'vec').replace(/\(.*/, '')}() sets` : ''}`, cmpxchgFix(ctx.reviewContext, ctx.gen, a, ctx.src.path)));
      } else if (a.usage === 'write' || a.usage === 'write-once') {
        const msg = `stores to page->obj_cgroups, which ${removedBy(ctx.gen)} replaced by the tagged word memcg_data`;
        ctx.report(atAccess(a, ctx.isCore ? msg : `${msg}; outside the memcg core the store also bypasses the slab accounting hooks`, ctx.isCore ? writeFix(ctx.reviewContext, ctx.gen, a, ctx.src.path, ctx.src.text) : undefined));
      } else {
        ctx.report(
          atAccess(a, `reads page->obj_cgroups by hand: the memcg_data word carries the ${vectorFlag(ctx.gen)} tag on slab pages and a memcg on other pages`, readFix(ctx.reviewContext, ctx.gen, a, ctx.src.path, a.valueNode, 'objcgsRead')),
        );
      }
    }
  },
};
