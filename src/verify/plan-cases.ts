import type { Generation } from '../model/generation.js';
import type { HarnessCase, SkippedHelper } from './harness-case.js';
import type { CFunction, HeaderDefinitions } from './header-definitions.js';

const HEADER = 'include/linux/memcontrol.h';

/** What a reader of the word returns: the page's memcg, its obj_cgroup (or vector), or a truth value. */
const READER_RETURNS = new Set(['struct mem_cgroup', 'struct obj_cgroup', 'bool']);

/**
 * The calls that measure the tree's helpers: every helper of the generation that the header
 * defines as a function, called as the model names it (`name`, `!name`, or
 * `outer(page_folio())`), then every other function of the header that reads the word (opens
 * `memcg_data` itself or through the header's functions it calls), takes one page or one folio
 * and returns a memcg, an obj_cgroup or a truth value: the tree's own readers of the binding,
 * which no preset may know (a function that also takes an lruvec or returns one compares or
 * uses the binding; it is not a reader). The others are listed with the reason they are left out.
 */
export function planCases(gen: Generation, defs: HeaderDefinitions): { cases: HarnessCase[]; skipped: SkippedHelper[] } {
  const cases: HarnessCase[] = [];
  const skipped: SkippedHelper[] = [];
  for (const helper of Object.values(gen.helpers)) {
    const planned = helper.takes === 'none' ? 'an expression on the raw word, not a helper a tree defines' : planCase(helper.name, defs);
    if (typeof planned === 'string') skipped.push({ helper: helper.name, reason: planned });
    else cases.push(planned);
  }
  for (const fn of treeReaders(defs)) {
    if (gen.helpers[fn.name]) continue;
    const planned = planCase(fn.name, defs, false);
    if (typeof planned === 'string') skipped.push({ helper: fn.name, reason: planned });
    else cases.push(planned);
  }
  return { cases, skipped };
}

/** The header's readers of the word: one page or folio in, a memcg, an obj_cgroup or a truth value out; in the header's order. */
export function treeReaders(defs: HeaderDefinitions): CFunction[] {
  const reads = new Map<string, boolean>();
  const readsWord = (fn: CFunction, path: Set<string>): boolean => {
    const known = reads.get(fn.name);
    if (known !== undefined) return known;
    if (path.has(fn.name)) return false;
    path.add(fn.name);
    const callees = fn.uses.map((u) => defs.functions.get(u)).filter((f): f is CFunction => !!f);
    const r = fn.opensWord || callees.some((f) => readsWord(f, path));
    path.delete(fn.name);
    reads.set(fn.name, r);
    return r;
  };
  return [...defs.functions.values()]
    .filter((fn) => {
      const first = fn.params[0];
      const takesPage = fn.params.length === 1 && !!first && first.pointers === 1 && (first.type === 'struct page' || first.type === 'struct folio');
      return takesPage && READER_RETURNS.has(fn.returnType.replace(/^(static\s+|inline\s+|const\s+)+/, '').trim()) && readsWord(fn, new Set());
    })
    .sort((a, b) => a.start - b.start);
}

function planCase(name: string, defs: HeaderDefinitions, inModel = true): HarnessCase | string {
  const plain = /^(!?)([A-Za-z_]\w*)$/.exec(name);
  if (plain) {
    const fn = lookup(plain[2]!, defs);
    if (typeof fn === 'string') return fn;
    const call = callOn(fn, 'page');
    if ('reason' in call) return call.reason;
    if (plain[1]) return { helper: name, call: `!${call.call}`, result: 'truth', roots: [fn.name], inModel, takes: takesOf(fn) };
    return { helper: name, call: call.call, result: fn.returns === 'pointer' ? 'pointer' : 'truth', roots: [fn.name], inModel, takes: takesOf(fn) };
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
  return { helper: name, call: call.call, result: outer.returns === 'pointer' ? 'pointer' : 'truth', roots: inner ? [outer.name, inner.name] : [outer.name], inModel, takes: 'page' };
}

function takesOf(fn: CFunction): 'page' | 'folio' {
  return fn.params[0]?.type === 'struct folio' ? 'folio' : 'page';
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
