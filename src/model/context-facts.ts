import { calleeName, callArguments, enclosingFunction, functionName, normalizedText, unparen } from '../c/nodes.js';
import type { SyntaxNode } from '../c/parser.js';
import type { ReviewContext } from '../c/review-context.js';
import { ALL_STATES, type StateId } from './states.js';
import type { Assumption, StateScope } from './validate.js';

/**
 * What the code around an access tells about the page: which states it can be in, and why.
 * `established` is what the code itself shows (guards, VM_BUG_ONs, where the page comes from);
 * `reachable` narrows it by what the function's name or file suggests, an `assumption` that
 * verdicts state: a fix proven only on `reachable` is `assumed`, never `proven`.
 */
export interface ContextFacts extends StateScope {
  reachable: StateId[];
  established: StateId[];
  underRcu: boolean;
  /** Any page may arrive: it comes from an object's address (a fact), or the name says callers pass any page. */
  anyPage: boolean;
  /** A guard or where the page comes from narrowed `established`. */
  guarded: boolean;
  reason: string;
}

const NOT_SLAB: StateId[] = ['uncharged', 'user', 'kmem', 'tail'];
const SLAB_ONLY: StateId[] = ['slab-objcgs', 'slab-bare'];
const KMEM_PATH: StateId[] = ['uncharged', 'kmem'];
const USER_ONLY: StateId[] = ['uncharged', 'user', 'tail'];
const allBut = (...ids: StateId[]): StateId[] => ALL_STATES.filter((s) => !ids.includes(s));

/** Functions whose callers may pass any page. */
const ANY_PAGE_FN = /dump_page|page_owner|print_page|page_cgroup_ino|mem_cgroup_from_obj|kpagecgroup|obj_to_memcg|memcg_from_slab_obj|mem_cgroup_from_page_any/;
const SLAB_FN = /obj_cgroups|objcgs|slab|kmem_cache|slub/;
const KMEM_FN = /kmem/;
/** Pages being freed: a slab page's obj_cgroup vector is gone by then (the slab code frees it first). */
const FREE_FN = /^(__)?free_pages?(_prepare|_ok|_check|_bulk|_one)?|^free_unref_page|^__free_pages|^free_one_page|^free_pcppages_bulk/;
/** Accounting of pages that are never slab pages: statistics, events, page cache and writeback lookups. */
const NOT_SLAB_FN = /page_state|page_event|lruvec_page|css_from_page|mem_cgroup_from_page|mctgt|foreign_dirty|blkg_from_page/;
const USER_FN = /charge|commit|migrate|swap|lru|writeback|split|workingset|lock_page_memcg|move_account|move_charge|mark_page|rotate|activate|wb_|page_cache|filemap|readahead|shmem|buffer|iomap|huge|thp|khugepaged|mlock|isolate|putback|reclaim|shrink|dirty|mapping/;
const USER_FILE = /^(include\/trace\/events\/writeback\.h|mm\/(swap[a-z_]*|page_io|workingset|huge_memory|migrate|vmscan|filemap|readahead|shmem|khugepaged|mlock|page-writeback|rmap|memory)\.c|fs\/.*)$/;
const SLAB_FILE = /^mm\/(slab|slub|slab_common)\.[ch]$/;

/**
 * A page-kind test the code makes on the receiver: the states where it is true, and the states
 * its falsity leaves (null when false says nothing: a user page can be off the LRU).
 */
const PAGE_TESTS: Record<string, { whenTrue: StateId[]; whenFalse: StateId[] | null }> = {
  PageSlab: { whenTrue: SLAB_ONLY, whenFalse: NOT_SLAB },
  PageLRU: { whenTrue: USER_ONLY, whenFalse: null },
  PageAnon: { whenTrue: USER_ONLY, whenFalse: null },
  PageSwapCache: { whenTrue: USER_ONLY, whenFalse: null },
  PageTransHuge: { whenTrue: USER_ONLY, whenFalse: null },
  PageKmemcg: { whenTrue: ['kmem'], whenFalse: allBut('kmem') },
  folio_test_slab: { whenTrue: SLAB_ONLY, whenFalse: NOT_SLAB },
  folio_test_lru: { whenTrue: USER_ONLY, whenFalse: null },
  folio_test_anon: { whenTrue: USER_ONLY, whenFalse: null },
  /** A large kmalloc page: a kernel page, charged (kmem) or not, never a slab page. */
  PageLargeKmalloc: { whenTrue: KMEM_PATH, whenFalse: null },
  folio_test_large_kmalloc: { whenTrue: KMEM_PATH, whenFalse: null },
  PageMemcgKmem: { whenTrue: ['kmem'], whenFalse: allBut('kmem') },
  page_has_obj_cgroups: { whenTrue: ['slab-objcgs'], whenFalse: allBut('slab-objcgs') },
  page_objcgs_check: { whenTrue: ['slab-objcgs'], whenFalse: allBut('slab-objcgs') },
  page_obj_cgroups_check: { whenTrue: ['slab-objcgs'], whenFalse: allBut('slab-objcgs') },
};

/**
 * The states a condition implies about `receiver` when it evaluates to `truth`, or null if it says
 * nothing. `depth` bounds the recursion through `!`, `&&` and `||` (hostile input nests them deep).
 */
function impliedBy(review: ReviewContext, cond: SyntaxNode, receiver: string, truth: boolean, depth = 0): StateId[] | null {
  const c = unparen(cond);
  if (depth > 32) return null;
  if (c.type === 'unary_expression' && c.child(0)?.type === '!') return impliedBy(review, c.childForFieldName('argument')!, receiver, !truth, depth + 1);
  if (c.type === 'binary_expression' && c.childForFieldName('operator')?.type === (truth ? '&&' : '||')) {
    return impliedBy(review, c.childForFieldName('left')!, receiver, truth, depth + 1) ?? impliedBy(review, c.childForFieldName('right')!, receiver, truth, depth + 1);
  }
  if (c.type === 'call_expression') {
    const name = calleeName(c) ?? '';
    if (name === 'unlikely' || name === 'likely') {
      const arg = callArguments(c)[0];
      return arg ? impliedBy(review, arg, receiver, truth, depth + 1) : null;
    }
    const test = PAGE_TESTS[name];
    const arg = callArguments(c)[0];
    if (test && arg && normalizedText(arg) === receiver) return truth ? test.whenTrue : test.whenFalse;
  }
  if (c.type === 'identifier') {
    // A variable read from the page earlier: `memcg = page_memcg_check(page); if (!memcg) goto out;`
    const reader = readerAssigned(review, c, receiver);
    const nonNull = reader ? NON_NULL[reader] : undefined;
    if (nonNull) return truth ? nonNull : null;
  }
  return null;
}

/** Where a reader returns non-NULL, in every generation that has it. */
const NON_NULL: Record<string, StateId[]> = {
  page_memcg_check: ['user', 'kmem'],
  page_mem_cgroup_check: ['user', 'kmem'],
  page_objcgs_check: ['slab-objcgs'],
  page_obj_cgroups_check: ['slab-objcgs'],
};

/** The reader whose value on `receiver` a variable holds, from an assignment before it in the function. */
function readerAssigned(review: ReviewContext, id: SyntaxNode, receiver: string): string | null {
  const fn = enclosingFunction(review, id);
  if (!fn) return null;
  const before = fn.text.slice(0, id.startIndex - fn.startIndex).replace(/\s+/g, '');
  const re = new RegExp(`\\b${id.text}=(\\w+)\\(${receiver.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\);`, 'g');
  let reader: string | null = null;
  for (const m of before.matchAll(re)) reader = m[1]!;
  return reader;
}

const LEAVES = new Set(['return_statement', 'goto_statement', 'break_statement', 'continue_statement']);

function leaves(stmt: SyntaxNode | null): boolean {
  if (!stmt) return false;
  if (LEAVES.has(stmt.type)) return true;
  if (stmt.type === 'compound_statement') return leaves(stmt.namedChildren[stmt.namedChildCount - 1] ?? null);
  return false;
}

/** Guards on the receiver: enclosing if branches, earlier early returns and VM_BUG_ON()s. */
/**
 * The statements of a block that guard what follows them: `if (cond) return;` (and goto, break,
 * continue) and VM_BUG_ON*(cond); what follows holds where `cond` is false. Once per block.
 */
function blockGuards(block: SyntaxNode): { start: number; cond: SyntaxNode }[] {
  const guards: { start: number; cond: SyntaxNode }[] = [];
  for (const stmt of block.namedChildren) {
    if (!stmt) continue;
    if (stmt.type === 'if_statement' && !stmt.childForFieldName('alternative') && leaves(stmt.childForFieldName('consequence'))) {
      guards.push({ start: stmt.startIndex, cond: stmt.childForFieldName('condition')! });
    }
    const call = stmt.type === 'expression_statement' ? stmt.namedChild(0) : null;
    if (call && /^(VM_)?BUG_ON(_PAGE|_FOLIO)?$|^VM_WARN_ON/.test(calleeName(call) ?? '')) {
      const arg = callArguments(call)[0];
      if (arg) guards.push({ start: stmt.startIndex, cond: arg });
    }
  }
  return guards;
}

function guardStates(review: ReviewContext, access: SyntaxNode, receiver: string): StateId[] | null {
  let states: StateId[] | null = null;
  const narrow = (s: StateId[] | null) => {
    if (s) states = states ? states.filter((x) => s.includes(x)) : s;
  };
  for (let child = access, n = review.parentOf(access); n; child = n, n = review.parentOf(n)) {
    if (n.type === 'binary_expression' && child.id === n.childForFieldName('right')?.id) {
      // `a && b` evaluates b only where a holds; `a || b` only where it does not.
      const op = n.childForFieldName('operator')?.type;
      if (op === '&&' || op === '||') narrow(impliedBy(review, n.childForFieldName('left')!, receiver, op === '&&'));
    }
    if (n.type === 'if_statement') {
      const cond = n.childForFieldName('condition')!;
      if (child.id === n.childForFieldName('consequence')?.id) narrow(impliedBy(review, cond, receiver, true));
      else if (child.id === n.childForFieldName('alternative')?.id) narrow(impliedBy(review, cond, receiver, false));
    }
    if (n.type === 'compound_statement' || /^preproc_(if|ifdef|else|elif)/.test(n.type)) {
      for (const guard of review.perNode('guards', n, blockGuards)) {
        if (guard.start >= child.startIndex) break;
        narrow(impliedBy(review, guard.cond, receiver, false));
      }
    }
    if (n.type === 'function_definition') break;
  }
  return states;
}

/** rcu_read_lock() calls minus rcu_read_unlock() calls before the access in its function. */
function inRcuSection(review: ReviewContext, access: SyntaxNode): boolean {
  const fn = enclosingFunction(review, access);
  if (!fn) return false;
  let depth = 0;
  for (const mark of review.perNode('rcu', fn, rcuMarks)) {
    if (mark.at >= access.startIndex) break;
    depth += mark.step;
  }
  return depth > 0;
}

/** Where a function takes (+1) and drops (-1) the RCU read lock, in order. Once per function. */
function rcuMarks(fn: SyntaxNode): { at: number; step: number }[] {
  return [...fn.text.matchAll(/\brcu_read_(un)?lock\s*\(/g)].map((m) => ({ at: fn.startIndex + m.index!, step: m[1] ? -1 : 1 }));
}

/**
 * Where the page comes from, when the function shows it: the receiver is (or was last assigned)
 * the page of an object's address, which may be any page, or a page taken from an LRU list,
 * allocated for a fault or looked up in the page cache, which is a user page.
 */
const ANY_ORIGIN = /^(virt_to_head_page|virt_to_page|virt_to_folio|pfn_to_page|pfn_to_online_page|phys_to_page|kmap_to_page)\(/;
const USER_ORIGIN = /^(lru_to_page|lru_to_folio|alloc_page_vma|alloc_pages_vma|vma_alloc_folio|__page_cache_alloc|page_cache_alloc|filemap_alloc_folio|find_get_page|find_lock_page|find_or_create_page|pagecache_get_page|grab_cache_page\w*)\(|^list_(first_|last_)?entry\(.*,struct(page|folio),lru\)$/;

interface Origin {
  states: StateId[];
  anyPage: boolean;
  reason: string;
}

function originOf(source: string): Origin | null {
  const call = /^(\w+)\(/.exec(source)?.[1];
  if (ANY_ORIGIN.test(source)) return { states: [...ALL_STATES], anyPage: true, reason: `the page comes from ${call}(), which may be any page` };
  if (USER_ORIGIN.test(source)) return { states: USER_ONLY, anyPage: false, reason: `the page comes from ${call}(), a user page` };
  return null;
}

/** The receiver's origin: its own expression, or its last assignment (or LRU list walk) before the access. */
function pageOrigin(review: ReviewContext, access: SyntaxNode, receiver: string): Origin | null {
  const direct = originOf(receiver.replace(/\s+/g, ''));
  if (direct || !/^[A-Za-z_]\w*$/.test(receiver)) return direct;
  const fn = enclosingFunction(review, access);
  if (!fn) return null;
  let last: string | null = null;
  for (const e of review.perNode('origins', fn, assignments)) {
    if (e.at >= access.startIndex) break;
    if (e.name === receiver) last = e.source;
  }
  return last === null ? null : originOf(last.replace(/^\((struct)?(page|folio)\*\)/, ''));
}

/**
 * Every plain assignment `name = value;` in a function (declarations' initializers included) and
 * every `list_for_each_entry(name, ..., lru)`, in order, values without blanks. Once per function.
 */
function assignments(fn: SyntaxNode): { at: number; name: string; source: string }[] {
  const out: { at: number; name: string; source: string }[] = [];
  for (const m of fn.text.matchAll(/(?<![\w.>])([A-Za-z_]\w*)\s*=(?!=)([^;]*);/g)) {
    out.push({ at: fn.startIndex + m.index!, name: m[1]!, source: m[2]!.replace(/\s+/g, '') });
  }
  for (const m of fn.text.matchAll(/\blist_for_each_entry\w*\s*\(\s*([A-Za-z_]\w*)\s*,[^;{]*,\s*lru\s*\)/g)) {
    out.push({ at: fn.startIndex + m.index!, name: m[1]!, source: 'lru_to_page(' });
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Facts narrow the states: where the page comes from and the guards on it establish them;
 * without either, what the function is for (its name), then its file, are an assumption; no
 * fact and no assumption means all states.
 */
export function contextFacts(review: ReviewContext, access: SyntaxNode, receiver: string, file: string): ContextFacts {
  review.checkDeadline();
  const underRcu = inRcuSection(review, access);
  const origin = pageOrigin(review, access, receiver);
  const guarded = guardStates(review, access, receiver);
  if (guarded || (origin && !origin.anyPage)) {
    let established = origin ? origin.states : [...ALL_STATES];
    if (guarded) established = established.filter((s) => guarded.includes(s));
    const reason = [origin?.reason, guarded ? 'guarded by a page-kind test' : undefined].filter(Boolean).join(', ');
    return { established, reachable: established, underRcu, anyPage: false, guarded: true, reason };
  }
  // The page of an address may be any page (a fact, which puts the reader safe on any page first);
  // the function's name or file may still suggest which, as an assumption.
  const fn = enclosingFunction(review, access);
  let named = namedFacts(fn ? (functionName(fn) ?? '') : '', file);
  if (fn && !named.reachable.includes('kmem') && !named.reachable.includes('slab-objcgs') && KMEM_TEST.test(fn.text)) {
    named = {
      ...named,
      reachable: [...named.reachable, 'kmem'],
      reason: `${named.reason}, but it handles kmem pages too`,
      ...(named.assumption ? { assumption: { ...named.assumption, condition: `${named.assumption.condition} or a kmem page (it tests PageKmemcg)` } } : {}),
    };
  }
  const narrowed = named.reachable.length < ALL_STATES.length;
  return {
    established: [...ALL_STATES],
    reachable: named.reachable,
    ...(narrowed && named.assumption ? { assumption: named.assumption } : {}),
    underRcu,
    anyPage: !!origin?.anyPage || named.anyPage,
    guarded: !!origin,
    reason: origin ? origin.reason : named.reason,
  };
}

const KMEM_TEST = /\b(PageKmemcg|__SetPageKmemcg|PageMemcgKmem)\s*\(/;

interface Named {
  reachable: StateId[];
  reason: string;
  anyPage: boolean;
  assumption?: Assumption;
}

/** What the function's name and its file suggest about the page, when no guard or origin shows it: an assumption. */
function namedFacts(name: string, file: string): Named {
  const by = (fromFile: boolean) => (fromFile ? `its file ${file}` : `\`${name}()\``);
  const fact = (reachable: StateId[], reason: string, condition?: string, fromFile = false): Named => ({
    reachable,
    reason,
    anyPage: false,
    ...(condition ? { assumption: { condition, source: by(fromFile) } } : {}),
  });
  if (ANY_PAGE_FN.test(name)) return { reachable: [...ALL_STATES], reason: `${name}() may be passed any page`, anyPage: true };
  if (SLAB_FN.test(name)) return fact(SLAB_ONLY, `${name}() works on slab pages`, 'the page is a slab page');
  if (SLAB_FILE.test(file)) return fact(SLAB_ONLY, `${file} works on slab pages`, 'the page is a slab page', true);
  if (FREE_FN.test(name)) return fact(['uncharged', 'user', 'kmem', 'slab-bare', 'tail'], `${name}() frees pages, whose obj_cgroup vector the slab code has already freed`, 'the page is being freed, its obj_cgroup vector already gone');
  if (KMEM_FN.test(name)) return fact(KMEM_PATH, `${name}() is a kmem path`, 'the page is a kmem page');
  if (NOT_SLAB_FN.test(name)) return fact(NOT_SLAB, `${name}() accounts pages that are never slab pages`, 'the page is not a slab page');
  if (USER_FN.test(name)) return fact(USER_ONLY, `${name}() handles user/LRU pages`, 'the page is a user/LRU page');
  if (USER_FILE.test(file)) return fact(USER_ONLY, `${file} handles user/LRU pages`, 'the page is a user/LRU page', true);
  return fact([...ALL_STATES], 'nothing narrows the page kind');
}
