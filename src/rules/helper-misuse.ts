import { calleeName, callArguments, normalizedText, unparen } from '../c/nodes.js';
import type { SyntaxNode } from '../c/parser.js';
import { chooseFix, fixOf, intentCandidates } from '../model/choose-fix.js';
import { contextFacts, type ContextFacts } from '../model/context-facts.js';
import type { HelperModel } from '../model/outcome.js';
import { assumptionText } from '../model/validate.js';
import { helperAsOriginal } from '../model/helper-as-original.js';
import { stateById, type StateId } from '../model/states.js';
import { validate } from '../model/validate.js';
import type { Fix } from '../types.js';
import { replaceNode } from './edits.js';
import { FOLIO_FORM, INTENT_OF, SAFER } from './helper-intents.js';
import type { Rule, RuleContext } from './rule.js';

/** `&folio->page` (or `&folio->page` in parentheses): the folio, when the receiver is one. */
function folioOfPage(ctx: RuleContext, arg: SyntaxNode): SyntaxNode | null {
  const a = unparen(arg);
  if (a.type !== 'pointer_expression' || a.child(0)?.type !== '&') return null;
  const field = unparen(a.childForFieldName('argument')!);
  if (field.type !== 'field_expression' || field.childForFieldName('field')?.text !== 'page') return null;
  const folio = field.childForFieldName('argument')!;
  return ctx.src.resolver.typeOf(folio, ctx.reviewContext).type?.base === 'struct folio' ? folio : null;
}

/** `page_memcg(&folio->page)` in a generation with folio readers: `folio_memcg(folio)`. */
function folioForm(ctx: RuleContext, call: SyntaxNode, name: string): void {
  const target = FOLIO_FORM[name];
  const arg = callArguments(call)[0];
  const folio = arg && target && ctx.gen.helpers[target] ? folioOfPage(ctx, arg) : null;
  if (!folio || !target) return;
  const facts = contextFacts(ctx.reviewContext, call, normalizedText(arg!), ctx.src.path);
  // A folio's own page is never a tail page.
  const heads = { ...facts, established: facts.established.filter((s) => s !== 'tail'), reachable: facts.reachable.filter((s) => s !== 'tail') };
  const fix = fixOf([replaceNode(call, `${target}(${folio.text})`)], validate(helperAsOriginal(ctx.gen.helpers[name]!, facts), ctx.gen.helpers[target]!, heads, facts));
  if (!fix) return;
  ctx.report({
    start: call.startIndex,
    end: call.endIndex,
    message: `${name}(&${folio.text}->page) takes the long way round in ${ctx.gen.id}: ${target}() reads the folio directly`,
    severity: 'warning',
    confidence: 'high',
    fix,
  });
}

const CHARGED: readonly StateId[] = ['user', 'kmem', 'slab-objcgs'];

/**
 * The state where a call trips its helper's precondition, when the code says a wrong page comes:
 * what the code establishes (a guard, where the page comes from) leaves no charged page the
 * helper serves (`page_objcgs()` under `!PageSlab()`), or any page may arrive, or what the name
 * suggests leaves no user page (a slab or kmem path).
 */
function misuse(helper: HelperModel, facts: ContextFacts): { id: StateId; bug: string; assumedAway: boolean } | null {
  const trips = (states: readonly StateId[]) =>
    states.flatMap((id) => {
      const out = helper.eval(stateById(id), facts);
      return 'bug' in out ? [{ id, bug: out.bug, assumedAway: false }] : [];
    });
  if (facts.guarded) {
    const found = trips(facts.established);
    const serves = facts.established.some((id) => CHARGED.includes(id) && !found.some((t) => t.id === id));
    if (found.length === 0 || !(facts.anyPage || !serves)) return null;
    // Any page may come; a name that suggests none of the tripping ones makes it a note, not a warning.
    const assumed = facts.assumption ? found.find((t) => facts.reachable.includes(t.id)) : found[0];
    return assumed ?? { ...found[0]!, assumedAway: true };
  }
  if (!facts.anyPage && facts.reachable.includes('user')) return null;
  return trips(facts.reachable)[0] ?? null;
}

export const helperMisuse: Rule = {
  meta: {
    id: 'helper-misuse',
    severity: 'warning',
    description: 'Calls a memcg reader on a page it must not be given, or the long way round.',
    docs:
      'Readers have preconditions: page_memcg() BUGs on a slab page, page_objcgs() on a page that holds no ' +
      'obj_cgroup vector, PageMemcgKmem() on a slab page with one. Where the code shows that such a page can ' +
      'arrive (a PageSlab() branch, a function that is given any page: dumps, procfs, object lookups), the call ' +
      'is flagged with the state that trips it, and the reader that never trips is offered when the model ' +
      'proves it gives the same answer wherever the call did not trip. In generations with folios, ' +
      'page_memcg(&folio->page) becomes folio_memcg(folio).',
    fixable: true,
  },
  check(ctx) {
    for (const index of ctx.src.indexes) {
      for (const call of index.memcgCalls) {
        const name = calleeName(call)!;
        const helper = ctx.gen.helpers[name];
        const arg = callArguments(call)[0];
        if (!helper || helper.takes !== 'page' || !arg) continue;
        folioForm(ctx, call, name);
        const facts = contextFacts(ctx.reviewContext, call, normalizedText(arg), ctx.src.path);
        const trip = misuse(helper, facts);
        if (!trip) continue;
        const fnName = call.childForFieldName('function')!;
        if (trip.assumedAway) {
          ctx.report({
            start: fnName.startIndex,
            end: call.endIndex,
            message: `${name}() on a page that can be ${stateById(trip.id).description} (${facts.reason}), where it hits ${trip.bug}; it does not ${assumptionText(facts.assumption!)}`,
            severity: 'info',
            confidence: 'high',
          });
          continue;
        }
        const safer = SAFER[INTENT_OF[name] ?? 'read'];
        const fix: Fix | undefined = safer
          ? chooseFix(intentCandidates(ctx.gen, [safer], helperAsOriginal(helper, facts), facts, (spelling) => [replaceNode(call, spelling.write(arg.text))]))
          : undefined;
        ctx.report({
          start: fnName.startIndex,
          end: call.endIndex,
          message: `${name}() on a page that can be ${stateById(trip.id).description} (${!facts.guarded && facts.assumption ? assumptionText(facts.assumption) : facts.reason}): it hits ${trip.bug}`,
          confidence: 'high',
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};
