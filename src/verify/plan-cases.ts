import type { Generation } from '../model/generation.js';
import type { HarnessCase, SkippedHelper } from './harness-case.js';
import type { CFunction, HeaderDefinitions } from './header-definitions.js';

const HEADER = 'include/linux/memcontrol.h';

/**
 * The calls that hold the tree's helpers to the model: every helper of the generation that the
 * header defines as a function, called as the model names it (`name`, `!name`, or
 * `outer(page_folio())`); the others are listed with the reason they are left out.
 */
export function planCases(gen: Generation, defs: HeaderDefinitions): { cases: HarnessCase[]; skipped: SkippedHelper[] } {
  const cases: HarnessCase[] = [];
  const skipped: SkippedHelper[] = [];
  for (const helper of Object.values(gen.helpers)) {
    const planned = helper.takes === 'none' ? 'an expression on the raw word, not a helper a tree defines' : planCase(helper.name, defs);
    if (typeof planned === 'string') skipped.push({ helper: helper.name, reason: planned });
    else cases.push(planned);
  }
  return { cases, skipped };
}

function planCase(name: string, defs: HeaderDefinitions): HarnessCase | string {
  const plain = /^(!?)([A-Za-z_]\w*)$/.exec(name);
  if (plain) {
    const fn = lookup(plain[2]!, defs);
    if (typeof fn === 'string') return fn;
    const call = callOn(fn, 'page');
    if ('reason' in call) return call.reason;
    if (plain[1]) return { helper: name, call: `!${call.call}`, result: 'truth', roots: [fn.name] };
    return { helper: name, call: call.call, result: fn.returns === 'pointer' ? 'pointer' : 'truth', roots: [fn.name] };
  }
  const nested = /^([A-Za-z_]\w*)\(([A-Za-z_]\w*)\(\)\)$/.exec(name);
  if (!nested) return 'not a call the harness can form';
  const outer = lookup(nested[1]!, defs);
  if (typeof outer === 'string') return outer;
  const inner = nested[2] === 'page_folio' ? null : lookup(nested[2]!, defs);
  if (typeof inner === 'string') return inner;
  const innerCall = inner ? callOn(inner, 'page') : { call: 'page_folio(page)' };
  if ('reason' in innerCall) return innerCall.reason;
  const call = callOn(outer, innerCall.call, true);
  if ('reason' in call) return call.reason;
  return { helper: name, call: call.call, result: outer.returns === 'pointer' ? 'pointer' : 'truth', roots: inner ? [outer.name, inner.name] : [outer.name] };
}

function lookup(name: string, defs: HeaderDefinitions): CFunction | string {
  const fn = defs.functions.get(name);
  if (fn) return fn.returns === 'void' ? `${name}() returns nothing` : fn;
  if (defs.macros.has(name)) return `a macro in ${HEADER}, not a function`;
  if (defs.offOnly.has(name)) return `${HEADER} defines it only when CONFIG_MEMCG or CONFIG_MEMCG_KMEM is off`;
  return `not in ${HEADER}`;
}

/**
 * The call of `fn` on the state's page: a `struct page *` parameter gets it as it is, a
 * `struct folio *` gets the page taken as a folio (the model's "takes a folio"), a
 * `struct obj_cgroup **` gets a fresh vector. `given` passes the first argument as written.
 */
function callOn(fn: CFunction, first: string, given = false): { call: string } | { reason: string } {
  const args: string[] = [];
  for (const [i, p] of fn.params.entries()) {
    const type = `${p.type} ${'*'.repeat(p.pointers)}`.trim();
    if (i === 0 && given) args.push(first);
    else if (i === 0 && type === 'struct page *') args.push(first);
    else if (i === 0 && type === 'struct folio *') args.push(`(struct folio *)${first}`);
    else if (i > 0 && type === 'struct obj_cgroup **') args.push('harness_new_objcgs');
    else if (!(fn.params.length === 1 && type === 'void')) return { reason: `${fn.name}() takes ${type} (argument ${i + 1}), which the harness cannot pass` };
  }
  if (args.length === 0) return { reason: `${fn.name}() takes no page or folio` };
  return { call: `${fn.name}(${args.join(', ')})` };
}
