import { calleeName, callArguments, enclosingFunction, functionName, normalizedText } from '../c/nodes.js';
import type { SyntaxNode } from '../c/parser.js';
import { chooseFix, intentCandidates } from '../model/choose-fix.js';
import { contextFacts } from '../model/context-facts.js';
import { definedNames } from '../model/api-surface.js';
import type { Generation } from '../model/generation.js';
import { helperAsOriginal } from '../model/helper-as-original.js';
import { generationsDefining } from '../model/helper-names.js';
import { memcgOf } from '../model/states.js';
import { apiName, byDistance } from '../model/surface-generation.js';
import type { Fix } from '../types.js';
import { replaceNode } from './edits.js';
import { INTENT_OF, TRUTH_VALUED } from './helper-intents.js';
import type { Rule, RuleContext } from './rule.js';

/**
 * The generation the code was written for: the released one nearest the target that defines the
 * helper (the RFC only when nothing else does, since no release had its names).
 */
function homeOf(name: string, target: Generation): Generation | null {
  const homes = new Set(generationsDefining(name));
  return byDistance(target.id).find((g) => homes.has(g.id)) ?? null;
}

/** The same meaning in the target's words, validated against the helper's model in its home generation. */
function moveFix(ctx: RuleContext, call: SyntaxNode, name: string, home: Generation): Fix | undefined {
  const intent = INTENT_OF[name];
  const args = callArguments(call);
  const page = args[0];
  if (!intent || !page) return undefined;
  const helper = home.helpers[intent === 'setObjcgs' ? `!${name}` : name];
  if (!helper || helper.takes !== 'page') return undefined;
  const facts = contextFacts(ctx.reviewContext, call, normalizedText(page), ctx.src.path);
  const order = intent === 'read' || intent === 'rcu' ? [intent, 'check' as const] : [intent];
  return chooseFix(
    intentCandidates(ctx.gen, order, helperAsOriginal(helper, facts, intent === 'read' || intent === 'rcu' ? memcgOf : undefined), facts, (spelling) =>
      intent === 'setObjcgs' && !args[1] ? null : [replaceNode(call, spelling.write(page.text, args[1]?.text))],
      TRUTH_VALUED.has(name),
    ),
  );
}

export const helperAvailability: Rule = {
  meta: {
    id: 'helper-availability',
    severity: 'error',
    description: 'Calls a memcg reader that the target generation does not have.',
    docs:
      'Each generation has its own readers: the RFC spelled page_memcg() as page_mem_cgroup(), v6.1 has no ' +
      'page_objcgs() and replaced page_memcg_rcu() by folio_memcg_rcu(), v6.18 removed page_memcg(). A call to a ' +
      'reader the target lacks does not compile there. The fix spells the same meaning with the target\'s ' +
      'readers, checked in the model against the helper\'s contract in the generation it came from: ' +
      'page_memcg() becomes folio_memcg(page_folio(page)) in v6.18, page_memcg_rcu() becomes ' +
      'folio_memcg_rcu(page_folio(page)) in v6.1, the v5.11 names become the RFC\'s for rfc-v1.',
    fixable: true,
  },
  check(ctx) {
    let local: Set<string> | undefined;
    for (const index of ctx.src.indexes) {
      for (const call of index.memcgCalls) {
        const name = calleeName(call)!;
        if (ctx.gen.helpers[name] || /Kmemcg$/.test(name)) continue;
        const fn = enclosingFunction(ctx.reviewContext, call);
        if (fn && functionName(fn) === name) continue; // a definition recursing, not a use
        // The reviewed file defines it (a vendor copy of an older generation's helpers): it exists.
        if ((local ??= definedNames(ctx.src.text).functions).has(name)) continue;
        const home = homeOf(name, ctx.gen);
        if (!home) continue; // a setter of another generation: the stores are reviewed by their own rules
        const fix = moveFix(ctx, call, name, home);
        const where = generationsDefining(name).join(', ');
        const fnName = call.childForFieldName('function')!;
        const target = apiName(ctx.gen);
        ctx.report({
          start: fnName.startIndex,
          end: call.endIndex,
          message: `${name}() does not exist in ${target} (it is defined in ${where}): the call does not compile against the target`,
          confidence: 'high',
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};
