import type { FieldAccess } from '../c/field-access.js';
import { enclosingFunction, functionName, normalizedText } from '../c/nodes.js';
import { chooseFix } from '../model/choose-fix.js';
import { contextFacts } from '../model/context-facts.js';
import { HELPERS, LEGACY } from '../model/v5.11-expressions.js';
import { latentBug, validate } from '../model/validate.js';
import { stateById } from '../model/v5.11-states.js';
import { replaceNode } from './edits.js';
import { atAccess, type Rule } from './rule.js';
import { accessTagTrick } from './tag-trick-match.js';

/** The variable a read is stored into (`memcg = page->mem_cgroup` or an initializer), if any. */
function assignedVariable(a: FieldAccess): string | null {
  const p = a.valueNode.parent;
  if (p?.type === 'assignment_expression' && p.childForFieldName('right')?.id === a.valueNode.id) {
    const left = p.childForFieldName('left');
    return left?.type === 'identifier' ? left.text : null;
  }
  if (p?.type === 'init_declarator' && p.childForFieldName('value')?.id === a.valueNode.id) {
    let d = p.childForFieldName('declarator');
    while (d && d.type !== 'identifier') d = d.childForFieldName('declarator');
    return d?.text ?? null;
  }
  return null;
}

/** A later `(unsigned long)var & 0x1UL` on the value read: the code handles slab pages by hand. */
export function tagTestedLater(a: FieldAccess): boolean {
  const v = assignedVariable(a);
  const fn = enclosingFunction(a.node);
  if (!v || !fn) return false;
  const after = fn.text.slice(a.node.endIndex - fn.startIndex);
  return new RegExp(`\\(\\s*unsigned\\s+long\\s*\\)\\s*${v}\\s*&\\s*(0x)?1(UL)?\\b`).test(after);
}

export const memcgFieldRead: Rule = {
  meta: {
    id: 'memcg-field-read',
    severity: 'error',
    description: 'Reads page->mem_cgroup by hand instead of through page_memcg(), page_memcg_check() or page_memcg_rcu().',
    docs:
      'Since v5.11 a page has no mem_cgroup field: page->memcg_data is a tagged word whose low bits carry ' +
      'MEMCG_DATA_OBJCGS and MEMCG_DATA_KMEM. Read by hand, it yields a tagged pointer on kmem pages and an ' +
      'obj_cgroup vector on slab pages. The fix is the helper the context needs: page_memcg() where the page ' +
      'cannot be a slab page (charge, LRU, swap paths), page_memcg_check() where it can (dump, procfs, ' +
      'object lookup), page_memcg_rcu() for a READ_ONCE() under rcu_read_lock(), and the raw word where ' +
      'the value is only tested for "charged at all".',
    fixable: true,
  },
  check(ctx) {
    for (const a of ctx.accesses) {
      if (a.field !== 'mem_cgroup' || (a.kind !== 'page' && a.kind !== 'unknown')) continue;
      if (a.usage !== 'read' && a.usage !== 'read-once' && a.usage !== 'truth') continue;
      if (accessTagTrick(a)) continue; // reported by tag-trick
      const facts = contextFacts(a.node, normalizedText(a.node.childForFieldName('argument')!), ctx.src.path);
      const tagTested = tagTestedLater(a);
      const original = a.usage === 'truth' ? LEGACY.memcgTruth! : tagTested ? LEGACY.memcgReadTagTested! : LEGACY.memcgRead!;
      let order =
        a.usage === 'truth'
          ? ['page_memcg', 'page_memcg_check', 'raw_word_test']
          : a.usage === 'read-once' && facts.underRcu
            ? ['page_memcg_rcu', 'page_memcg', 'page_memcg_check']
            : ['page_memcg', 'page_memcg_check'];
      if (facts.anyPage || tagTested) order = ['page_memcg_check', ...order.filter((h) => h !== 'page_memcg_check')];
      const fn = enclosingFunction(a.node);
      const self = fn ? functionName(fn) : null;
      const isHelperBody = !!self && self in HELPERS;
      const candidates = order
        .filter(() => !isHelperBody)
        .map((h) => ({
          edits: [
            h === 'raw_word_test'
              ? replaceNode(a.node.childForFieldName('field')!, 'memcg_data')
              : replaceNode(a.valueNode, `${h}(${a.pageArg})`),
          ],
          validation: validate(original, HELPERS[h]!, facts.reachable, { underRcu: facts.underRcu }, a.usage === 'truth'),
        }));
      const fix = chooseFix(candidates);
      const bug = latentBug(original, facts.reachable);
      const message =
        'page->mem_cgroup is gone since v5.11: the word that replaced it reads a tagged pointer when the page is a kmem page ' +
        '(MEMCG_DATA_KMEM) and an obj_cgroup vector when it is a slab page' +
        (bug ? `; this read already misreads ${stateById(bug).description} as a memcg` : '') +
        (isHelperBody ? `; this is the legacy body of ${self}(), which v5.11 defines over memcg_data in include/linux/memcontrol.h` : '');
      ctx.report(atAccess(a, message, fix));
    }
  },
};
