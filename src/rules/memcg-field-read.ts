import type { FieldAccess } from '../c/field-access.js';
import { enclosingFunction, functionName, normalizedText } from '../c/nodes.js';
import { printedValue } from '../c/printf-format.js';
import type { ReviewContext } from '../c/review-context.js';
import { chooseFix, intentCandidates } from '../model/choose-fix.js';
import { contextFacts, type ContextFacts } from '../model/context-facts.js';
import { HELPER_NAMES } from '../model/helper-names.js';
import type { Intent } from '../model/generation.js';
import { LEGACY, type LegacyExpr } from '../model/legacy-expressions.js';
import { latentBug } from '../model/validate.js';
import { stateById } from '../model/states.js';
import type { TextEdit } from '../types.js';
import { replaceNode } from './edits.js';
import { atAccess, untypedNote, untypedReceiver, type Rule, type RuleContext } from './rule.js';
import { accessTagTrick } from './tag-trick-match.js';

/** The variable a read is stored into (`memcg = page->mem_cgroup` or an initializer), if any. */
function assignedVariable(review: ReviewContext, a: FieldAccess): string | null {
  const p = review.parentOf(a.valueNode);
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
export function tagTestedLater(review: ReviewContext, a: FieldAccess): boolean {
  const v = assignedVariable(review, a);
  const fn = enclosingFunction(review, a.node);
  if (!v || !fn) return false;
  const after = fn.text.slice(a.node.endIndex - fn.startIndex);
  return new RegExp(`\\(\\s*unsigned\\s+long\\s*\\)\\s*${v}\\s*&\\s*(0x)?1(UL)?\\b`).test(after);
}

const receiverOf = (a: FieldAccess) => normalizedText(a.node.childForFieldName('argument')!);

/** A truth test of the field that guards a use of its value in the same function: both must pick one helper. */
function guardsAUse(review: ReviewContext, a: FieldAccess, all: readonly FieldAccess[]): boolean {
  const fn = enclosingFunction(review, a.node);
  const receiver = receiverOf(a);
  return all.some(
    (b) =>
      b !== a &&
      b.field === 'mem_cgroup' &&
      (b.usage === 'read' || b.usage === 'read-once') &&
      enclosingFunction(review, b.node)?.id === fn?.id &&
      receiverOf(b) === receiver,
  );
}

/** The raw word printed: `memcg_data` with the conversion turned into `%lx`; null if the format is not in view. */
function rawPrintEdits(review: ReviewContext, a: FieldAccess): TextEdit[] | null {
  const conv = printedValue(review, a.valueNode)?.conversion;
  if (!conv || !/^%[-+ #0\d.]*p[a-zA-Z]*$|^%[-+ #0\d.]*l[xu]$/.test(conv.text)) return null;
  const edits = [replaceNode(a.node.childForFieldName('field')!, 'memcg_data')];
  if (/p/.test(conv.text)) edits.push({ start: conv.start, end: conv.end, text: '%lx' });
  return edits;
}

/** The intents for one read, in order of preference, with what the original meant. */
function plan(review: ReviewContext, a: FieldAccess, facts: ContextFacts, all: readonly FieldAccess[]): { original: LegacyExpr; order: Intent[]; asTruth: boolean } {
  if (a.usage === 'truth') {
    return guardsAUse(review, a, all)
      ? { original: LEGACY.memcgHasMemcg!, order: ['read', 'check'], asTruth: true }
      : { original: LEGACY.memcgTruth!, order: ['read', 'check', 'rawTest'], asTruth: true };
  }
  if (a.usage === 'printed') return { original: LEGACY.memcgPrinted!, order: ['read', 'check', 'rawPrint'], asTruth: false };
  const tagTested = tagTestedLater(review, a);
  const original = tagTested ? LEGACY.memcgReadTagTested! : LEGACY.memcgRead!;
  let order: Intent[] = a.usage === 'read-once' && facts.underRcu ? ['rcu', 'read', 'check'] : ['read', 'check'];
  if (facts.anyPage || tagTested) order = ['check', ...order.filter((h) => h !== 'check')];
  return { original, order, asTruth: false };
}

function check(ctx: RuleContext): void {
  if (ctx.gen.id === 'legacy') return; // the field is the legacy API
  for (const a of ctx.accesses) {
    if (a.field !== 'mem_cgroup' || (a.kind !== 'page' && a.kind !== 'unknown')) continue;
    if (a.usage === 'write' || a.usage === 'write-once' || a.usage === 'address') continue;
    if (accessTagTrick(ctx.reviewContext, a)) continue; // reported by tag-trick
    if (untypedReceiver(a)) {
      ctx.report(untypedNote(a));
      continue;
    }
    const fn = enclosingFunction(ctx.reviewContext, a.node);
    const self = fn ? functionName(fn) : null;
    if (self && HELPER_NAMES.has(self)) {
      ctx.report({
        ...atAccess(a, `the legacy body of ${self}() reads page->mem_cgroup; the target generation defines its readers over memcg_data in include/linux/memcontrol.h, so this definition goes`),
        severity: 'info',
      });
      continue;
    }
    const facts = contextFacts(ctx.reviewContext, a.node, receiverOf(a), ctx.src.path);
    const { original, order, asTruth } = plan(ctx.reviewContext, a, facts, ctx.accesses);
    const candidates = intentCandidates(
      ctx.gen,
      order,
      original,
      facts,
      (spelling, intent) =>
        intent === 'rawTest'
          ? [replaceNode(a.node.childForFieldName('field')!, 'memcg_data')]
          : intent === 'rawPrint'
            ? rawPrintEdits(ctx.reviewContext, a)
            : [replaceNode(a.valueNode, spelling.write(a.pageArg))],
      asTruth,
    );
    const bug = a.usage === 'printed' ? null : latentBug(original, facts.reachable);
    const message =
      'page->mem_cgroup is gone since v5.11: the word that replaced it reads a tagged pointer when the page is a kmem page ' +
      '(MEMCG_DATA_KMEM) and an obj_cgroup vector when it is a slab page' +
      (bug ? `; this read already misreads ${stateById(bug).description} as a memcg` : '');
    ctx.report(atAccess(a, message, chooseFix(candidates)));
  }
}

export const memcgFieldRead: Rule = {
  meta: {
    id: 'memcg-field-read',
    severity: 'error',
    description: 'Reads page->mem_cgroup by hand instead of through the target generation\'s readers.',
    docs:
      'Since v5.11 a page has no mem_cgroup field: page->memcg_data is a tagged word whose low bits carry ' +
      'MEMCG_DATA_OBJCGS and MEMCG_DATA_KMEM. Read by hand, it yields a tagged pointer on kmem pages and an ' +
      'obj_cgroup vector on slab pages. The fix is the reader the context needs, spelled as the target ' +
      'generation spells it: page_memcg() where the page cannot be a slab page (charge, LRU, swap paths; ' +
      'folio_memcg(page_folio()) in v6.18), page_memcg_check() where it can (dump, procfs, object lookup), ' +
      'page_memcg_rcu() for a READ_ONCE() under rcu_read_lock() (folio_memcg_rcu() in v6.1), the raw word where ' +
      'the value is only tested for "charged at all" or printed by debugging code (with the conversion made ' +
      '%lx), and the same reader for a test as for the use it guards. For the legacy target the field is the API.',
    fixable: true,
  },
  check,
};
