import { descendants, enclosingFunction, normalizedText, unparen } from '../c/nodes.js';
import { parentOf } from '../c/parents.js';
import type { SyntaxNode } from '../c/parser.js';
import { contextFacts } from '../model/context-facts.js';
import { chooseFix, intentCandidates } from '../model/choose-fix.js';
import { LEGACY } from '../model/legacy-expressions.js';
import type { Fix } from '../types.js';
import { deleteStatement, replaceNode } from './edits.js';
import { objcgsReadFix } from './obj-cgroups-access.js';
import { atAccess, type Rule } from './rule.js';
import { accessTagTrick, maskedValueNode, tagTrickOn, testValueNode } from './tag-trick-match.js';

/** Variables in a function that hold a value read from page->mem_cgroup. */
function memcgVariables(fn: SyntaxNode): Set<string> {
  const vars = new Set<string>();
  for (const n of descendants(fn)) {
    if (n.type !== 'field_expression' || n.childForFieldName('field')?.text !== 'mem_cgroup') continue;
    let p = parentOf(n);
    while (p && (p.type === 'call_expression' || p.type === 'argument_list' || p.type === 'parenthesized_expression')) p = parentOf(p);
    if (p?.type === 'assignment_expression' && p.childForFieldName('left')?.type === 'identifier') vars.add(p.childForFieldName('left')!.text);
    if (p?.type === 'init_declarator') {
      let d = p.childForFieldName('declarator');
      while (d && d.type !== 'identifier') d = d.childForFieldName('declarator');
      if (d) vars.add(d.text);
    }
  }
  return vars;
}

/**
 * `if ((unsigned long)memcg & 0x1UL) memcg = NULL;` after reading page->mem_cgroup: the whole test
 * goes, since page_memcg_check() already returns NULL for a slab page's vector.
 */
function variableTestFix(test: SyntaxNode, variable: string, text: string): Fix | undefined {
  let value = testValueNode(test);
  const and = parentOf(value);
  if (and?.type === 'binary_expression' && and.childForFieldName('operator')?.type === '&&') {
    // `memcg && (unsigned long)memcg & 0x1UL`: the NULL check adds nothing to the test.
    const other = and.childForFieldName('left')!.id === value.id ? and.childForFieldName('right')! : and.childForFieldName('left')!;
    if (unparen(other).text !== variable) return undefined;
    value = and;
  }
  const cond = parentOf(value);
  const ifStmt = cond?.type === 'parenthesized_expression' ? parentOf(cond) : null;
  if (ifStmt?.type !== 'if_statement' || ifStmt.childForFieldName('alternative')) return undefined;
  const body = ifStmt.childForFieldName('consequence')!;
  const only = body.type === 'compound_statement' ? (body.namedChildCount === 1 ? body.namedChild(0) : null) : body;
  if (!only || !new RegExp(`^${variable}\\s*=\\s*NULL\\s*;$`).test(only.text.trim())) return undefined;
  // A comment right above the test explains the tag: it goes with it.
  const prev = ifStmt.previousNamedSibling;
  const comment = prev?.type === 'comment' && !/\n[ \t]*\n/.test(text.slice(prev.endIndex, ifStmt.startIndex)) ? prev : null;
  return {
    edits: [deleteStatement(comment ?? ifStmt, text, ifStmt)],
    verdict: 'conditional',
    explanation: `holds once ${variable} is read with page_memcg_check(), which returns NULL for a slab page with an obj_cgroup vector`,
  };
}

export const tagTrick: Rule = {
  meta: {
    id: 'tag-trick',
    severity: 'error',
    description: 'Tests or masks the obj_cgroups tag bit by hand ((unsigned long)x & 0x1UL, & ~0x1UL).',
    docs:
      'Before v5.11 a slab page marked its obj_cgroup vector by setting bit 0 of the pointer by hand. Since ' +
      'v5.11 the bit is MEMCG_DATA_OBJCGS in page->memcg_data, next to MEMCG_DATA_KMEM, so masking only 0x1 ' +
      'leaves the KMEM bit in the pointer. `(unsigned long)page->obj_cgroups & ~0x1UL` becomes page_objcgs() ' +
      '(slab page known) or page_objcgs_check(); the test `& 0x1UL` becomes page_objcgs_check(); a test on a ' +
      'memcg read from the page disappears with page_memcg_check(), which returns NULL in that case.',
    fixable: true,
  },
  check(ctx) {
    if (ctx.gen.id === 'legacy') return; // the tag bit is the legacy API
    for (const a of ctx.accesses) {
      if (a.field === 'memcg_data' || (a.kind !== 'page' && a.kind !== 'unknown')) continue;
      const trick = accessTagTrick(a);
      if (!trick) continue;
      if (trick.kind === 'mask') {
        const value = maskedValueNode(trick.node);
        ctx.report({ ...atAccess(a, 'masks the obj_cgroups tag by hand: the v5.11 word also carries MEMCG_DATA_KMEM, which ~0x1UL leaves in the pointer', objcgsReadFix(ctx.gen, a, ctx.src.path, value, 'objcgsMasked')), start: value.startIndex, end: value.endIndex });
      } else {
        const value = testValueNode(trick.node);
        const facts = contextFacts(a.node, normalizedText(a.node.childForFieldName('argument')!), ctx.src.path);
        const fix = chooseFix(intentCandidates(ctx.gen, ['objcgsCheck'], LEGACY.objcgsTagTest!, facts, (spelling) => [replaceNode(value, spelling.write(a.pageArg))], true));
        ctx.report({ ...atAccess(a, 'tests the obj_cgroups tag bit by hand: v5.11 names it MEMCG_DATA_OBJCGS in memcg_data, which page_objcgs_check() tests', fix), start: value.startIndex, end: value.endIndex });
      }
    }
    const seen = new Set<number>();
    for (const a of ctx.accesses) {
      const fn = a.field === 'mem_cgroup' ? enclosingFunction(a.node) : null;
      if (!fn || seen.has(fn.id)) continue;
      seen.add(fn.id);
      const vars = memcgVariables(fn);
      for (const n of descendants(fn)) {
        if (n.type !== 'identifier' || !vars.has(n.text)) continue;
        const trick = tagTrickOn(n);
        if (trick?.kind !== 'test') continue;
        const value = testValueNode(trick.node);
        ctx.report({
          start: value.startIndex,
          end: value.endIndex,
          message: `tests the obj_cgroups tag on ${n.text} by hand: page_memcg_check() returns NULL for a slab page's vector, and v5.11 moved the tag to MEMCG_DATA_OBJCGS`,
          confidence: 'high',
          ...((f) => (f ? { fix: f } : {}))(variableTestFix(trick.node, n.text, ctx.src.text)),
        });
      }
    }
  },
};
